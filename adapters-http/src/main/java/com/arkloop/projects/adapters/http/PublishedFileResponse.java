package com.arkloop.projects.adapters.http;

import com.arkloop.projects.application.workspace.PublishedRevision;
import com.arkloop.projects.domain.workspace.ManifestEntry;

/** {@code PUT …/workspace/file}: the new revision and the file as written. */
record PublishedFileResponse(String revision, String path, long size, String sha256) {

    static PublishedFileResponse from(PublishedRevision published) {
        ManifestEntry file = published.file().orElseThrow(() -> new IllegalStateException("a file write reports its file"));
        return new PublishedFileResponse(published.revision().value(), file.path().value(), file.size(),
                file.sha256().orElseThrow().hex());
    }
}
