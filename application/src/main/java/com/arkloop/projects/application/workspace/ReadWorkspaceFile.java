package com.arkloop.projects.application.workspace;

import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.application.project.VisibleProjects;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.workspace.BlobContent;
import com.arkloop.projects.domain.workspace.BlobStore;
import com.arkloop.projects.domain.workspace.ByteRange;
import com.arkloop.projects.domain.workspace.ContentTypes;
import com.arkloop.projects.domain.workspace.ManifestEntry;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.RevisionLog;
import com.arkloop.projects.domain.workspace.Sha256;
import com.arkloop.projects.domain.workspace.Workspace;
import com.arkloop.projects.domain.workspace.WorkspaceErrors;
import com.arkloop.projects.domain.workspace.WorkspacePath;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads one file of the caller's default workspace in two steps, so that a conditional request or
 * a {@code HEAD} never opens the body: {@link #describe} checks access and finds the file and its
 * headers; {@link #open} streams its bytes, all or one range.
 */
public final class ReadWorkspaceFile {

    private final VisibleProjects visibleProjects;
    private final WorkspaceRepository workspaces;
    private final DirectoryIndexCache indexes;
    private final BlobStore blobs;
    private final Transactions transactions;
    private final Clock clock;
    private final ReadableRevisions readable;

    /** Reads the latest revision only: {@code ?revision=} finds no other without a history. */
    public ReadWorkspaceFile(VisibleProjects visibleProjects, WorkspaceRepository workspaces,
                             DirectoryIndexCache indexes, BlobStore blobs, Transactions transactions, Clock clock) {
        this(visibleProjects, workspaces, Optional.empty(), indexes, blobs, transactions, clock);
    }

    /** Reads any revision the workspace published, as recorded in its history. */
    public ReadWorkspaceFile(VisibleProjects visibleProjects, WorkspaceRepository workspaces, RevisionLog revisions,
                             DirectoryIndexCache indexes, BlobStore blobs, Transactions transactions, Clock clock) {
        this(visibleProjects, workspaces, Optional.of(revisions), indexes, blobs, transactions, clock);
    }

    private ReadWorkspaceFile(VisibleProjects visibleProjects, WorkspaceRepository workspaces,
                              Optional<RevisionLog> revisions, DirectoryIndexCache indexes, BlobStore blobs,
                              Transactions transactions, Clock clock) {
        this.visibleProjects = visibleProjects;
        this.workspaces = workspaces;
        this.indexes = indexes;
        this.blobs = blobs;
        this.transactions = transactions;
        this.clock = clock;
        this.readable = new ReadableRevisions(revisions);
    }

    private record Target(Workspace workspace, Optional<Revision> revision, WorkspacePath path) {
    }

    /**
     * The file at the path the client sent, in the caller's default workspace of the project (created
     * on first access), as of its latest revision. Storage is asked for the blob's size, or, when the
     * name has no known extension, for its first {@value ContentTypes#SNIFF_BYTES} bytes to sniff;
     * never for the rest.
     *
     * <p>Checks, in this order: the permissions ({@code auth.forbidden}), that the caller sees the
     * project ({@code projects.not_found}), the path ({@code workspace_files.invalid_path}; the root
     * is not a file), then the content: no revision yet, a missing manifest object, nothing at the
     * path, a directory or a symlink there, or a missing blob are all {@code workspace_files.not_found}.
     *
     * @param rawPathValues every raw (still percent-encoded) value of the {@code path} query parameter,
     *                      as sent: none names the root, more than one is an invalid path
     * @throws DomainException {@code service.unavailable} when storage fails
     */
    public WorkspaceFile describe(Actor actor, ProjectId projectId, List<String> rawPathValues) {
        return describe(actor, projectId, rawPathValues, Optional.empty());
    }

    /**
     * {@link #describe(Actor, ProjectId, List)} in the revision asked for ({@code ?revision=}), or in the
     * latest when empty. After the path check, a revision the workspace never published (or text that
     * is no revision id) is {@code workspaces.revision_not_found}; then the content checks follow.
     */
    public WorkspaceFile describe(Actor actor, ProjectId projectId, List<String> rawPathValues,
                                  Optional<String> askedRevision) {
        actor.require(Permission.PROJECTS_READ, Permission.RUNS_READ);
        Objects.requireNonNull(rawPathValues, "rawPathValues");
        Objects.requireNonNull(askedRevision, "askedRevision");
        Target target = transactions.inTransaction(() -> {
            Project project = visibleProjects.require(actor, projectId);
            WorkspacePath path = WorkspacePath.fileFromQueryValues(rawPathValues);
            Workspace workspace = DefaultWorkspaces.of(workspaces, actor, project, clock);
            return new Target(workspace, readable.select(workspace, askedRevision), path);
        });
        WorkspaceRef ref = target.workspace().ref();
        Revision revision = target.revision().orElseThrow(DefaultWorkspaces::fileNotFound);
        ManifestEntry entry = indexes.indexOf(ref, revision)
                .flatMap(index -> index.lookupFile(target.path()))
                .orElseThrow(DefaultWorkspaces::fileNotFound);
        Sha256 blob = entry.sha256().orElseThrow();
        Optional<String> byName = ContentTypes.byName(entry.path().name());
        if (byName.isPresent()) {
            OptionalLong size = blobs.blobSize(ref, blob);
            if (size.isEmpty()) {
                throw DefaultWorkspaces.fileNotFound();
            }
            return new WorkspaceFile(ref, revision, entry, size.getAsLong(), byName.get());
        }
        return sniffed(ref, revision, entry);
    }

    /**
     * The file's bytes, all of them or the range (cut short at the end of the file), to be streamed
     * and closed by the caller. It trusts {@code file} to come from {@link #describe}, which did the
     * access checks; a range that starts at or past the end is
     * {@code workspace_files.range_not_satisfiable}, so check it against {@link WorkspaceFile#size()}
     * first to answer without opening anything.
     *
     * @throws DomainException {@code workspace_files.not_found} when the blob has gone since
     *                         {@link #describe}; {@code service.unavailable} when storage fails
     */
    public BlobContent open(WorkspaceFile file, Optional<ByteRange> range) {
        Objects.requireNonNull(range, "range");
        return blobs.openBlob(file.workspace(), file.sha256(), range).orElseThrow(DefaultWorkspaces::fileNotFound);
    }

    private WorkspaceFile sniffed(WorkspaceRef ref, Revision revision, ManifestEntry entry) {
        Optional<BlobContent> opened;
        try {
            opened = blobs.openBlob(ref, entry.sha256().orElseThrow(),
                    Optional.of(new ByteRange(0, ContentTypes.SNIFF_BYTES)));
        } catch (DomainException error) {
            if (error.errorCode() == ErrorCode.WORKSPACE_RANGE_NOT_SATISFIABLE) {
                // Only an empty blob cannot serve its first byte; empty content is (empty) text.
                return new WorkspaceFile(ref, revision, entry, 0, ContentTypes.sniff(new byte[0], 0, false));
            }
            throw error;
        }
        BlobContent head = opened.orElseThrow(DefaultWorkspaces::fileNotFound);
        byte[] bytes;
        try (head) {
            bytes = head.stream().readNBytes(ContentTypes.SNIFF_BYTES);
        } catch (IOException | UncheckedIOException failure) {
            throw WorkspaceErrors.storageUnavailable(failure);
        }
        String type = ContentTypes.sniff(bytes, bytes.length, head.totalSize() > bytes.length);
        return new WorkspaceFile(ref, revision, entry, head.totalSize(), type);
    }
}
