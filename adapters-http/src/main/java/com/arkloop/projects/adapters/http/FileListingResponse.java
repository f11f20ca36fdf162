package com.arkloop.projects.adapters.http;

import com.arkloop.projects.application.workspace.WorkspaceListing;
import com.arkloop.projects.domain.workspace.DirectoryItem;
import com.arkloop.projects.domain.workspace.Revision;
import java.util.List;

/**
 * {@code GET …/workspace/files}: one page of a directory. {@code revision} is null before the first
 * one; {@code next_cursor} is always present, null on the last page.
 */
record FileListingResponse(String workspaceRef, String path, String revision, List<Item> items, String nextCursor) {

    /** A child of the directory. Only files have a size and a MIME type; implied directories have no mtime. */
    record Item(String name, String path, String type, Long size, Long mtimeUnixMs, String mimeType) {

        static Item from(DirectoryItem item) {
            return new Item(item.name(), item.path().value(), item.type().wireName(),
                    item.size().isPresent() ? item.size().getAsLong() : null,
                    item.mtimeUnixMs().isPresent() ? item.mtimeUnixMs().getAsLong() : null,
                    item.mimeType().orElse(null));
        }
    }

    static FileListingResponse from(WorkspaceListing listing) {
        return new FileListingResponse(
                listing.workspace().value(),
                listing.path().value(),
                listing.revision().map(Revision::value).orElse(null),
                listing.items().stream().map(Item::from).toList(),
                listing.nextCursor().orElse(null));
    }
}
