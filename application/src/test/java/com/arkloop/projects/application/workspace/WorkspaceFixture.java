package com.arkloop.projects.application.workspace;

import com.arkloop.projects.application.Timestamps;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.workspace.BlobExpectation;
import com.arkloop.projects.domain.workspace.BlobStore;
import com.arkloop.projects.domain.workspace.Manifest;
import com.arkloop.projects.domain.workspace.ManifestEntry;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.Sha256;
import com.arkloop.projects.domain.workspace.StoredBlob;
import com.arkloop.projects.domain.workspace.Workspace;
import com.arkloop.projects.domain.workspace.WorkspacePath;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seeds workspace content through the ports only, as the write path will: blobs first, then the
 * manifest, then the revision pointer. It works with any {@link BlobStore} and
 * {@link WorkspaceRepository}, so HTTP and end-to-end tests can use it with the real adapters.
 *
 * <pre>{@code
 * Revision revision = seed.contents(actor, projectId)
 *         .file("/src/main.go", "package main\n")
 *         .directory("/empty")
 *         .publish();
 * }</pre>
 *
 * Each {@link Contents#publish()} replaces the whole workspace with exactly the entries given, as a
 * new revision on top of the current one. Paths are canonical workspace paths (a leading slash is
 * optional) and are taken literally: {@code "%2e%2e"} is a file of that name.
 */
public final class WorkspaceFixture {

    /** The mtime of entries that do not give one: 2024-03-09T16:00:00Z. */
    public static final long MTIME_UNIX_MS = 1_710_000_000_000L;
    public static final int FILE_MODE = 0644;
    public static final int DIRECTORY_MODE = 0755;

    private final BlobStore blobs;
    private final WorkspaceRepository workspaces;
    private final Clock clock;
    private final SplittableRandom random = new SplittableRandom();

    public WorkspaceFixture(BlobStore blobs, WorkspaceRepository workspaces, Clock clock) {
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public WorkspaceFixture(BlobStore blobs, WorkspaceRepository workspaces) {
        this(blobs, workspaces, Clock.systemUTC());
    }

    /** The user's default workspace of the project as it is stored now, created if needed. */
    public Workspace workspaceOf(OrgId org, UserId user, ProjectId project) {
        return workspaces.findOrCreate(Workspace.create(org, user, project, Timestamps.now(clock)));
    }

    public Workspace workspaceOf(Actor actor, ProjectId project) {
        return workspaceOf(actor.orgId(), actor.userId(), project);
    }

    /** A new revision of the user's default workspace of the project, to fill and publish. */
    public Contents contents(OrgId org, UserId user, ProjectId project) {
        return new Contents(org, user, project);
    }

    public Contents contents(Actor actor, ProjectId project) {
        return contents(actor.orgId(), actor.userId(), project);
    }

    /** The entries of one revision. File bytes are stored as blobs as soon as they are added. */
    public final class Contents {

        private final OrgId org;
        private final UserId user;
        private final ProjectId project;
        private final List<ManifestEntry> entries = new ArrayList<>();

        private Contents(OrgId org, UserId user, ProjectId project) {
            this.org = org;
            this.user = user;
            this.project = project;
        }

        public Contents file(String path, String utf8Text) {
            return file(path, utf8Text.getBytes(StandardCharsets.UTF_8));
        }

        public Contents file(String path, byte[] content) {
            return file(path, content, MTIME_UNIX_MS, FILE_MODE);
        }

        public Contents file(String path, byte[] content, long mtimeUnixMs, int mode) {
            return file(path, new ByteArrayInputStream(content), mtimeUnixMs, mode);
        }

        /** A file whose bytes are streamed into the store (read to the end, not closed): for large files. */
        public Contents file(String path, InputStream content, long mtimeUnixMs, int mode) {
            StoredBlob blob = blobs.putBlob(workspaceOf(org, user, project).ref(), content,
                    BlobExpectation.atMost(Long.MAX_VALUE));
            entries.add(ManifestEntry.file(WorkspacePath.parseFile(path), blob.size(), blob.sha256(), mtimeUnixMs, mode));
            return this;
        }

        /** A file the manifest names but whose blob is never stored, as after a lost blob. */
        public Contents fileWithoutBlob(String path, byte[] content) {
            entries.add(ManifestEntry.file(WorkspacePath.parseFile(path), content.length, Sha256.of(content),
                    MTIME_UNIX_MS, FILE_MODE));
            return this;
        }

        /** An explicit directory entry (directories are also implied by deeper entries). */
        public Contents directory(String path) {
            entries.add(ManifestEntry.directory(WorkspacePath.parseFile(path), MTIME_UNIX_MS, DIRECTORY_MODE));
            return this;
        }

        public Contents symlink(String path, String target) {
            entries.add(ManifestEntry.symlink(WorkspacePath.parseFile(path), target, MTIME_UNIX_MS, 0777));
            return this;
        }

        /** The manifest {@link #publish()} would store. */
        public Manifest manifest() {
            return new Manifest(entries);
        }

        /** Stores the manifest, then moves the revision pointer to it; the new revision. */
        public Revision publish() {
            Manifest manifest = manifest();
            Workspace workspace = workspaceOf(org, user, project);
            Revision next = Revision.create(Timestamps.now(clock), random);
            blobs.putManifest(workspace.ref(), next, manifest);
            return advance(workspace, next);
        }

        /** Moves the revision pointer to a revision whose manifest object is missing; that revision. */
        public Revision publishWithoutManifest() {
            Workspace workspace = workspaceOf(org, user, project);
            return advance(workspace, Revision.create(Timestamps.now(clock), random));
        }

        private Revision advance(Workspace workspace, Revision next) {
            if (!workspaces.advanceRevision(workspace.ref(), workspace.latestRevision(), next, Timestamps.now(clock))) {
                throw new IllegalStateException("another writer moved the revision of " + workspace.ref());
            }
            return next;
        }
    }
}
