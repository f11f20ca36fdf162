package com.arkloop.projects.domain.workspace;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of a directory listing, and the opaque cursor of the next page when there is one. */
public record DirectoryPage(List<DirectoryItem> items, Optional<String> nextCursor) {
    public DirectoryPage {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
