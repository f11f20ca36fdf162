package com.arkloop.projects.application.workspace;

import com.arkloop.projects.domain.workspace.RevisionSummary;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of a workspace's history, newest first, and the opaque cursor of the next page, if any. */
public record RevisionPage(WorkspaceRef workspace, List<RevisionSummary> items, Optional<String> nextCursor) {
    public RevisionPage {
        Objects.requireNonNull(workspace, "workspace");
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
