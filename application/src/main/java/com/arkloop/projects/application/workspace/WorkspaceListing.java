package com.arkloop.projects.application.workspace;

import com.arkloop.projects.domain.workspace.DirectoryItem;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.WorkspacePath;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a directory of the caller's workspace: the canonical path listed, the revision read
 * (empty before the first), the items (directories first, then the rest, each by name in byte order)
 * and the cursor of the next page, empty on the last.
 */
public record WorkspaceListing(WorkspaceRef workspace, WorkspacePath path, Optional<Revision> revision,
                               List<DirectoryItem> items, Optional<String> nextCursor) {

    public WorkspaceListing {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(revision, "revision");
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
