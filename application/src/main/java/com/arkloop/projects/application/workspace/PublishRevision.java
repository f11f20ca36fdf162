package com.arkloop.projects.application.workspace;

import com.arkloop.projects.application.IdGenerator;
import com.arkloop.projects.application.Timestamps;
import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.application.project.VisibleProjects;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.workspace.BlobExpectation;
import com.arkloop.projects.domain.workspace.BlobStore;
import com.arkloop.projects.domain.workspace.EntryType;
import com.arkloop.projects.domain.workspace.Manifest;
import com.arkloop.projects.domain.workspace.ManifestEntry;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.RevisionLog;
import com.arkloop.projects.domain.workspace.RevisionSummary;
import com.arkloop.projects.domain.workspace.StoredBlob;
import com.arkloop.projects.domain.workspace.Workspace;
import com.arkloop.projects.domain.workspace.WorkspaceErrors;
import com.arkloop.projects.domain.workspace.WorkspacePath;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Publishes a new revision of the caller's default workspace: a file written, a file deleted, or
 * everything replaced from an archive. The steps, in an order that keeps every reader safe:
 * <ol>
 *   <li>in a transaction: the permission, the project, the path, the caller's workspace and its
 *       revision pointer; a stale base revision ends it here ({@code workspaces.revision_conflict});</li>
 *   <li>outside any transaction (an upload may be slow and must not hold a database connection): the
 *       new blobs, then the new immutable manifest under a fresh revision id;</li>
 *   <li>in a transaction: the compare-and-set of the pointer from the revision the change was computed
 *       on to the new one, and the revision's row in the history. If another writer moved the pointer
 *       first, it is {@code workspaces.revision_conflict} and the new revision stays invisible.</li>
 * </ol>
 * A failure at any step leaves the previous revision current and complete; what was stored so far is
 * unreferenced and left to {@link CollectGarbage}. There is no automatic retry: without a base
 * revision, the change applies to the revision current when the publish starts, and a concurrent
 * publish that lands first is a conflict all the same.
 *
 * <p>Revision ids sort in creation order along a workspace's history: each is made after its base
 * was read, and bumped a millisecond past the base when the clock does not say later.
 */
public final class PublishRevision {

    /**
     * What configuration caps: the entries and the total file bytes of an archive, and how long a
     * publish may take from its first stored byte to the compare-and-set. The garbage collector's
     * grace period must exceed {@code maxDuration} (see {@link CollectGarbage}), so a publish that
     * overruns fails rather than naming blobs that may be collected.
     */
    public record Limits(int maxArchiveEntries, long maxArchiveBytes, Duration maxDuration) {
        public static final Limits DEFAULT = new Limits(100_000, 10L * 1024 * 1024 * 1024, Duration.ofHours(1));

        public Limits {
            Objects.requireNonNull(maxDuration, "maxDuration");
            if (maxArchiveEntries < 1 || maxArchiveBytes < 0 || maxDuration.isNegative() || maxDuration.isZero()) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }
    }

    private static final int NEW_FILE_MODE = 0644;

    private final VisibleProjects visibleProjects;
    private final WorkspaceRepository workspaces;
    private final RevisionLog revisions;
    private final BlobStore blobs;
    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;
    private final Limits limits;

    public PublishRevision(VisibleProjects visibleProjects, WorkspaceRepository workspaces, RevisionLog revisions,
                           BlobStore blobs, Transactions transactions, Clock clock, IdGenerator ids, Limits limits) {
        this.visibleProjects = visibleProjects;
        this.workspaces = workspaces;
        this.revisions = revisions;
        this.blobs = blobs;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    private record Target(Workspace workspace, Optional<WorkspacePath> path) {
    }

    private record Applied(Manifest manifest, Optional<ManifestEntry> file) {
    }

    /**
     * Applies the change to the caller's default workspace of the project as a new revision.
     *
     * <p>Checks, in this order: the permission {@code data.runs.write} ({@code auth.forbidden}), that
     * the caller sees the project ({@code projects.not_found}), the path of a file change
     * ({@code workspace_files.invalid_path}), the base revision ({@code workspaces.revision_conflict}
     * unless it is the current one; text that is no revision id is never current), then the change:
     * a file write over {@code maxSize} is {@code request.too_large}, onto a directory or below a file
     * {@code workspace_files.invalid_path}; deleting anything but a file or symlink is
     * {@code workspace_files.not_found}; a bad archive entry is {@code workspaces.invalid_archive}.
     * Nothing is published unless everything passes.
     *
     * @param baseRevision the revision the caller expects to be current ({@code If-Match}); empty to
     *                     apply the change to whatever is current when the publish starts
     * @throws DomainException {@code service.unavailable} when storage fails, the current revision's
     *                         manifest is missing, or the publish overran its time limit
     */
    public PublishedRevision publish(Actor actor, ProjectId projectId, Optional<String> baseRevision,
                                     WorkspaceChange change) {
        actor.require(Permission.RUNS_WRITE);
        Objects.requireNonNull(baseRevision, "baseRevision");
        Objects.requireNonNull(change, "change");
        Target target = transactions.inTransaction(() -> {
            Project project = visibleProjects.require(actor, projectId);
            Optional<WorkspacePath> path = switch (change) {
                case WorkspaceChange.PutFile put -> Optional.of(WorkspacePath.fileFromQueryValues(put.rawPathValues()));
                case WorkspaceChange.DeleteFile delete ->
                        Optional.of(WorkspacePath.fileFromQueryValues(delete.rawPathValues()));
                case WorkspaceChange.ReplaceAll replace -> Optional.empty();
            };
            return new Target(DefaultWorkspaces.of(workspaces, actor, project, clock), path);
        });
        Workspace workspace = target.workspace();
        Optional<Revision> current = workspace.latestRevision();
        if (baseRevision.isPresent() && !baseRevision.equals(current.map(Revision::value))) {
            throw conflict();
        }
        Instant started = clock.instant();
        Applied applied = apply(workspace.ref(), current, change, target.path());
        Instant createdAt = Timestamps.now(clock);
        Revision next = nextRevision(current, createdAt);
        blobs.putManifest(workspace.ref(), next, applied.manifest());
        RevisionSummary summary = RevisionSummary.of(workspace.ref(), next, createdAt, applied.manifest());
        Duration took = Duration.between(started, clock.instant());
        if (took.compareTo(limits.maxDuration()) > 0) {
            throw new DomainException(ErrorCode.SERVICE_UNAVAILABLE,
                    "publishing took longer than " + limits.maxDuration() + "; nothing was published");
        }
        transactions.run(() -> {
            visibleProjects.require(actor, projectId); // deleted during the upload: publish nothing
            if (!workspaces.advanceRevision(workspace.ref(), current, next, Timestamps.now(clock))) {
                throw conflict();
            }
            revisions.append(summary);
        });
        return new PublishedRevision(summary, applied.file());
    }

    private Applied apply(WorkspaceRef ref, Optional<Revision> current, WorkspaceChange change,
                          Optional<WorkspacePath> path) {
        return switch (change) {
            case WorkspaceChange.PutFile put -> putFile(ref, baseManifest(ref, current), path.orElseThrow(), put);
            case WorkspaceChange.DeleteFile delete -> deleteFile(baseManifest(ref, current), path.orElseThrow());
            case WorkspaceChange.ReplaceAll replace -> new Applied(ArchiveImport.read(blobs, ref,
                    current.flatMap(revision -> blobs.getManifest(ref, revision)).orElse(Manifest.EMPTY),
                    replace.entries(), limits.maxArchiveEntries(), limits.maxArchiveBytes()), Optional.empty());
        };
    }

    /** The manifest a file change is applied to; a lost one cannot be edited, only replaced. */
    private Manifest baseManifest(WorkspaceRef ref, Optional<Revision> current) {
        if (current.isEmpty()) {
            return Manifest.EMPTY;
        }
        return blobs.getManifest(ref, current.get()).orElseThrow(() -> WorkspaceErrors.storageUnavailable(
                new IOException("the manifest of revision " + current.get() + " of " + ref + " is missing")));
    }

    private Applied putFile(WorkspaceRef ref, Manifest base, WorkspacePath path, WorkspaceChange.PutFile put) {
        Optional<ManifestEntry> replaced = Optional.empty();
        for (ManifestEntry entry : base.entries()) {
            String other = entry.path().value();
            if (other.equals(path.value())) {
                if (entry.type() == EntryType.DIRECTORY) {
                    throw invalidPath("is a directory");
                }
                replaced = Optional.of(entry);
            } else if (other.startsWith(path.value()) && other.charAt(path.value().length()) == '/') {
                throw invalidPath("is a directory");
            } else if (path.value().startsWith(other) && path.value().charAt(other.length()) == '/'
                    && entry.type() != EntryType.DIRECTORY) {
                throw invalidPath("lies below " + other + ", which is not a directory");
            }
        }
        StoredBlob stored = blobs.putBlob(ref, put.content(), BlobExpectation.atMost(put.maxSize()));
        int mode = replaced.filter(entry -> entry.type() == EntryType.FILE).map(ManifestEntry::mode).orElse(NEW_FILE_MODE);
        ManifestEntry written = ManifestEntry.file(path, stored.size(), stored.sha256(),
                Timestamps.now(clock).toEpochMilli(), mode);
        List<ManifestEntry> entries = new ArrayList<>(base.entries());
        replaced.ifPresent(entries::remove);
        entries.add(written);
        return new Applied(new Manifest(entries), Optional.of(written));
    }

    private static Applied deleteFile(Manifest base, WorkspacePath path) {
        ManifestEntry removed = base.entries().stream()
                .filter(entry -> entry.path().equals(path) && entry.type() != EntryType.DIRECTORY)
                .findFirst()
                .orElseThrow(DefaultWorkspaces::fileNotFound);
        List<ManifestEntry> entries = new ArrayList<>(base.entries());
        entries.remove(removed);
        return new Applied(new Manifest(entries), Optional.empty());
    }

    /** A fresh id later than the base's, so ids sort in the order revisions were published. */
    private Revision nextRevision(Optional<Revision> base, Instant createdAt) {
        UUID seed = ids.next();
        SplittableRandom random = new SplittableRandom(seed.getMostSignificantBits() ^ Long.rotateLeft(seed.getLeastSignificantBits(), 29));
        Revision candidate = Revision.create(createdAt, random);
        if (base.isEmpty() || candidate.compareTo(base.get()) > 0) {
            return candidate;
        }
        return Revision.create(base.get().createdAt().plusMillis(1), random);
    }

    private static DomainException invalidPath(String problem) {
        return new DomainException(ErrorCode.WORKSPACE_INVALID_PATH, "invalid workspace path", Map.of("path", problem));
    }

    static DomainException conflict() {
        return new DomainException(ErrorCode.WORKSPACE_REVISION_CONFLICT,
                "the workspace has moved on from the base revision");
    }
}
