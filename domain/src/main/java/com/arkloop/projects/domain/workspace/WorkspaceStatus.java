package com.arkloop.projects.domain.workspace;

import java.util.Locale;

/** What a workspace is doing, as {@code GET …/workspace} reports it. */
public enum WorkspaceStatus {
    /** At least one live session. */
    ACTIVE,
    /** No live session. */
    IDLE,
    /** Its storage cannot be reached. */
    UNAVAILABLE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
