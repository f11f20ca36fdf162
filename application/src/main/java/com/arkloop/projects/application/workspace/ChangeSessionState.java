package com.arkloop.projects.application.workspace;

import com.arkloop.projects.application.Timestamps;
import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.application.project.VisibleProjects;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.workspace.SessionRepository;
import com.arkloop.projects.domain.workspace.SessionState;
import com.arkloop.projects.domain.workspace.Workspace;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;
import com.arkloop.projects.domain.workspace.WorkspaceSession;
import java.time.Clock;

public final class ChangeSessionState {

    private final VisibleProjects visibleProjects;
    private final WorkspaceRepository workspaces;
    private final SessionRepository sessions;
    private final Transactions transactions;
    private final Clock clock;

    public ChangeSessionState(VisibleProjects visibleProjects, WorkspaceRepository workspaces,
                              SessionRepository sessions, Transactions transactions, Clock clock) {
        this.visibleProjects = visibleProjects;
        this.workspaces = workspaces;
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Moves a live session of the caller's default workspace to {@code ready} or {@code busy} and
     * marks it used now (also when the state does not change: it is a heartbeat too).
     *
     * <p>Checks, in this order: {@code data.runs.write} ({@code auth.forbidden}), that the caller sees
     * the project ({@code projects.not_found}), the state ({@code validation.error} naming
     * {@code state} unless it is exactly {@code ready} or {@code busy}), then the session
     * ({@code sessions.not_found} when it is unknown, closed, or not in the caller's own workspace).
     */
    public WorkspaceSession change(Actor actor, ProjectId projectId, String sessionRef, String state) {
        actor.require(Permission.RUNS_WRITE);
        return transactions.inTransaction(() -> {
            Project project = visibleProjects.require(actor, projectId);
            SessionState next = SessionState.requestable("state", state);
            Workspace workspace = DefaultWorkspaces.of(workspaces, actor, project, clock);
            WorkspaceSession changed = OwnSessions.requireLive(sessions, workspace.ref(), sessionRef)
                    .changeState(next, Timestamps.now(clock));
            sessions.update(changed);
            return changed;
        });
    }
}
