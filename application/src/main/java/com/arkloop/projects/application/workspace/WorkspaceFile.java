package com.arkloop.projects.application.workspace;

import com.arkloop.projects.domain.workspace.EntryType;
import com.arkloop.projects.domain.workspace.ManifestEntry;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.Sha256;
import com.arkloop.projects.domain.workspace.WorkspacePath;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.util.Objects;

/**
 * A file of a workspace revision whose blob is stored, with everything the response headers need
 * and nothing of its body: {@code size} is the stored blob's size in bytes and {@code contentType} the
 * MIME type from the extension table or, failing that, sniffed from the first bytes. Obtained from
 * {@link ReadWorkspaceFile#describe}, which has checked that the caller may read it.
 */
public record WorkspaceFile(WorkspaceRef workspace, Revision revision, ManifestEntry entry, long size,
                            String contentType) {

    public WorkspaceFile {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(contentType, "contentType");
        if (entry.type() != EntryType.FILE) {
            throw new IllegalArgumentException("only a file entry has content");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }

    public WorkspacePath path() {
        return entry.path();
    }

    /** The blob's digest: its name in storage, and the strong entity tag of its content. */
    public Sha256 sha256() {
        return entry.sha256().orElseThrow();
    }

    public long mtimeUnixMs() {
        return entry.mtimeUnixMs();
    }
}
