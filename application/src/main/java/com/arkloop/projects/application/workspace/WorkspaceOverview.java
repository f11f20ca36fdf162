package com.arkloop.projects.application.workspace;

import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.Workspace;
import com.arkloop.projects.domain.workspace.WorkspaceActivity;
import com.arkloop.projects.domain.workspace.WorkspaceSession;
import com.arkloop.projects.domain.workspace.WorkspaceStatus;
import java.util.Objects;
import java.util.Optional;

/** What {@code GET …/workspace} reports: the caller's default workspace and what it is doing. */
public record WorkspaceOverview(Workspace workspace, WorkspaceActivity activity) {

    public WorkspaceOverview {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(activity, "activity");
    }

    public WorkspaceStatus status() {
        return activity.status();
    }

    /** The most recently used live session; present exactly when the status is {@code active}. */
    public Optional<WorkspaceSession> activeSession() {
        return activity.activeSession();
    }

    /** The latest published revision; empty before the first. */
    public Optional<Revision> revision() {
        return workspace.latestRevision();
    }
}
