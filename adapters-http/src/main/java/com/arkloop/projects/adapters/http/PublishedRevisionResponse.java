package com.arkloop.projects.adapters.http;

import com.arkloop.projects.application.workspace.PublishedRevision;

/** {@code DELETE …/workspace/file}: the new revision. */
record PublishedRevisionResponse(String revision) {

    static PublishedRevisionResponse from(PublishedRevision published) {
        return new PublishedRevisionResponse(published.revision().value());
    }
}
