package com.arkloop.projects.application.workspace;

import com.arkloop.projects.domain.workspace.EntryType;
import com.arkloop.projects.domain.workspace.ManifestEntry;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.RevisionSummary;
import java.util.Objects;
import java.util.Optional;

/**
 * What a publish made: the new revision (with its file and byte counts) and, for a file write, the
 * file's entry (path, size, SHA-256).
 */
public record PublishedRevision(RevisionSummary summary, Optional<ManifestEntry> file) {

    public PublishedRevision {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(file, "file");
        if (file.isPresent() && file.get().type() != EntryType.FILE) {
            throw new IllegalArgumentException("only a file is reported as written");
        }
    }

    public Revision revision() {
        return summary.revision();
    }
}
