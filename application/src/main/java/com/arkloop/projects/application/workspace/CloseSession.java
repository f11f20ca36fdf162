package com.arkloop.projects.application.workspace;

import com.arkloop.projects.application.Timestamps;
import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.application.project.VisibleProjects;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.workspace.SessionRepository;
import com.arkloop.projects.domain.workspace.Workspace;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;
import com.arkloop.projects.domain.workspace.WorkspaceSession;
import java.time.Clock;

public final class CloseSession {

    private final VisibleProjects visibleProjects;
    private final WorkspaceRepository workspaces;
    private final SessionRepository sessions;
    private final Transactions transactions;
    private final Clock clock;

    public CloseSession(VisibleProjects visibleProjects, WorkspaceRepository workspaces, SessionRepository sessions,
                        Transactions transactions, Clock clock) {
        this.visibleProjects = visibleProjects;
        this.workspaces = workspaces;
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Closes a live session of the caller's default workspace: it is no longer live, so it no longer
     * makes the workspace active, and it cannot be changed or closed again. The closed session.
     *
     * <p>Checks, in this order: {@code data.runs.write} ({@code auth.forbidden}), that the caller sees
     * the project ({@code projects.not_found}), then the session ({@code sessions.not_found} when it
     * is unknown, already closed, or not in the caller's own workspace).
     */
    public WorkspaceSession close(Actor actor, ProjectId projectId, String sessionRef) {
        actor.require(Permission.RUNS_WRITE);
        return transactions.inTransaction(() -> {
            Project project = visibleProjects.require(actor, projectId);
            Workspace workspace = DefaultWorkspaces.of(workspaces, actor, project, clock);
            WorkspaceSession closed = OwnSessions.requireLive(sessions, workspace.ref(), sessionRef)
                    .close(Timestamps.now(clock));
            sessions.update(closed);
            return closed;
        });
    }
}
