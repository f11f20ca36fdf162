package com.arkloop.projects.application.workspace;

import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.domain.workspace.BlobStore;
import com.arkloop.projects.domain.workspace.ListedBlob;
import com.arkloop.projects.domain.workspace.Manifest;
import com.arkloop.projects.domain.workspace.ManifestEntry;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.RevisionLog;
import com.arkloop.projects.domain.workspace.RevisionSummary;
import com.arkloop.projects.domain.workspace.Sha256;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Deletes the blobs of a workspace that no retained revision names and that were last written
 * longer ago than the grace period. Every published revision is retained (older revisions stay
 * readable), so what it removes is what failed, conflicting or abandoned publishes left behind.
 *
 * <p>Why it never deletes a blob a manifest still names, even while a publish runs. A publish names
 * only two kinds of blob: ones it wrote itself (writing a blob that exists counts as writing it, and
 * renews its age), and ones its base revision names, which is retained. So a blob that a revision
 * published after this collector read the history may name was either written at most the publish's
 * time limit ({@link PublishRevision.Limits#maxDuration()}) before that revision landed, which is
 * after the collection started, or is named by a retained revision the collector read (by induction
 * along the history). With a grace period longer than the publish time limit, the first kind is
 * younger than the grace period when the collector lists it or decides on it: the store deletes only
 * blobs still last written before the cut-off ({@link BlobStore#deleteBlob}), so a blob written again
 * between the listing and the delete survives. The second kind is in the set of names it keeps.
 * A retained revision whose manifest cannot be read makes every blob of its workspace a possible
 * reference, so such a workspace is skipped and reported.
 *
 * <p>Choose a grace period well above the publish time limit plus the clock skew between the
 * servers and the storage (the default: a day, against an hour).
 */
public final class CollectGarbage {

    public static final Duration DEFAULT_GRACE = Duration.ofDays(1);
    private static final int HISTORY_PAGE = 1000;

    private final BlobStore blobs;
    private final RevisionLog revisions;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration grace;

    public CollectGarbage(BlobStore blobs, RevisionLog revisions, Transactions transactions, Clock clock,
                          Duration grace) {
        this.blobs = blobs;
        this.revisions = revisions;
        this.transactions = transactions;
        this.clock = clock;
        this.grace = Objects.requireNonNull(grace, "grace");
        if (grace.isNegative() || grace.isZero()) {
            throw new IllegalArgumentException("the grace period must be positive");
        }
    }

    /** Collects every workspace the store holds. */
    public GarbageReport collect() {
        GarbageReport report = GarbageReport.NOTHING;
        for (WorkspaceRef workspace : blobs.listWorkspaces()) {
            report = report.plus(collect(workspace));
        }
        return report;
    }

    /**
     * Collects one workspace.
     *
     * @throws com.arkloop.projects.domain.DomainException {@code service.unavailable} when the storage
     *         or the database fails; what was deleted until then stays deleted, which is harmless
     */
    public GarbageReport collect(WorkspaceRef workspace) {
        Instant cutoff = clock.instant().minus(grace);
        // Listed before the history is read, so that every revision whose blobs may be old is in it.
        List<ListedBlob> old = blobs.listBlobs(workspace).stream()
                .filter(blob -> blob.storedAt().isBefore(cutoff))
                .toList();
        if (old.isEmpty()) {
            return new GarbageReport(1, 0, 0, List.of());
        }
        Optional<Set<Sha256>> referenced = referencedBlobs(workspace);
        if (referenced.isEmpty()) {
            return GarbageReport.skipped(workspace);
        }
        long deleted = 0;
        long bytes = 0;
        for (ListedBlob blob : old) {
            if (!referenced.get().contains(blob.sha256()) && blobs.deleteBlob(workspace, blob.sha256(), cutoff)) {
                deleted++;
                bytes += blob.size();
            }
        }
        return new GarbageReport(1, deleted, bytes, List.of());
    }

    /** The blobs the workspace's retained revisions name; empty when a manifest cannot be read. */
    private Optional<Set<Sha256>> referencedBlobs(WorkspaceRef workspace) {
        Set<Sha256> referenced = new HashSet<>();
        Optional<Revision> after = Optional.empty();
        while (true) {
            Optional<Revision> position = after;
            List<RevisionSummary> page = transactions.inTransaction(
                    () -> revisions.listNewestFirst(workspace, position, HISTORY_PAGE));
            for (RevisionSummary revision : page) {
                Optional<Manifest> manifest = blobs.getManifest(workspace, revision.revision());
                if (manifest.isEmpty()) {
                    return Optional.empty();
                }
                for (ManifestEntry entry : manifest.get().entries()) {
                    entry.sha256().ifPresent(referenced::add);
                }
            }
            if (page.size() < HISTORY_PAGE) {
                return Optional.of(referenced);
            }
            after = Optional.of(page.getLast().revision());
        }
    }
}
