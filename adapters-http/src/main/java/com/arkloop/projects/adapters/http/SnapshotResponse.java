package com.arkloop.projects.adapters.http;

import com.arkloop.projects.application.workspace.PublishedRevision;

/** {@code POST …/workspace/snapshot}: the new revision, how many files it holds and their bytes. */
record SnapshotResponse(String revision, long fileCount, long byteCount) {

    static SnapshotResponse from(PublishedRevision published) {
        return new SnapshotResponse(published.revision().value(), published.summary().fileCount(),
                published.summary().byteCount());
    }
}
