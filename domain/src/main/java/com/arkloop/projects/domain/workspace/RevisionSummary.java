package com.arkloop.projects.domain.workspace;

import java.time.Instant;
import java.util.Objects;

/**
 * One published revision of a workspace, as its history lists it: when it was created, how many
 * files it holds and how many bytes they add up to (directories and symlinks count for neither).
 */
public record RevisionSummary(WorkspaceRef workspace, Revision revision, Instant createdAt, long fileCount,
                              long byteCount) {

    public RevisionSummary {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(createdAt, "createdAt");
        if (fileCount < 0 || byteCount < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** The summary of a revision made of {@code manifest}. */
    public static RevisionSummary of(WorkspaceRef workspace, Revision revision, Instant createdAt, Manifest manifest) {
        long files = 0;
        long bytes = 0;
        for (ManifestEntry entry : manifest.entries()) {
            if (entry.type() == EntryType.FILE) {
                files++;
                bytes = Math.addExact(bytes, entry.size());
            }
        }
        return new RevisionSummary(workspace, revision, createdAt, files, bytes);
    }
}
