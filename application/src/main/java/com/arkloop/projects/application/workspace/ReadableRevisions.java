package com.arkloop.projects.application.workspace;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.RevisionLog;
import com.arkloop.projects.domain.workspace.Workspace;
import java.util.Optional;

/**
 * Which revision a read looks at ({@code ?revision=}): the latest when none is asked for, else the
 * one asked for if the workspace ever published it. Revisions never change, so an older one reads
 * exactly as it did when it was current. Without a history, only the latest can be asked for by name.
 */
final class ReadableRevisions {

    private final Optional<RevisionLog> history;

    ReadableRevisions(Optional<RevisionLog> history) {
        this.history = history;
    }

    /**
     * The revision to read; empty only when none was asked for and nothing is published yet. Call it
     * inside the transaction, after the visibility and path checks.
     *
     * @throws DomainException {@code workspaces.revision_not_found} when the workspace never published
     *                         the revision asked for (or the text is no revision id)
     */
    Optional<Revision> select(Workspace workspace, Optional<String> asked) {
        if (asked.isEmpty()) {
            return workspace.latestRevision();
        }
        Revision revision = Revision.parse(asked.get()).orElseThrow(ReadableRevisions::notFound);
        boolean published = workspace.latestRevision().equals(Optional.of(revision))
                || history.flatMap(log -> log.find(workspace.ref(), revision)).isPresent();
        if (!published) {
            throw notFound();
        }
        return Optional.of(revision);
    }

    static DomainException notFound() {
        return new DomainException(ErrorCode.WORKSPACE_REVISION_NOT_FOUND, "workspace revision not found");
    }
}
