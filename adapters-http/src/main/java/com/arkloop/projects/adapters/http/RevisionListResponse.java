package com.arkloop.projects.adapters.http;

import com.arkloop.projects.application.workspace.RevisionPage;
import com.arkloop.projects.domain.workspace.RevisionSummary;
import java.util.List;

/** {@code GET …/workspace/revisions}: one page of the history, newest first; {@code next_cursor} null on the last. */
record RevisionListResponse(List<Item> items, String nextCursor) {

    record Item(String revision, String createdAt, long fileCount, long byteCount) {

        static Item from(RevisionSummary summary) {
            return new Item(summary.revision().value(), summary.createdAt().toString(), summary.fileCount(),
                    summary.byteCount());
        }
    }

    static RevisionListResponse from(RevisionPage page) {
        return new RevisionListResponse(page.items().stream().map(Item::from).toList(), page.nextCursor().orElse(null));
    }
}
