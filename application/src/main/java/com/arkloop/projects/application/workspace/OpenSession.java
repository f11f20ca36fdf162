package com.arkloop.projects.application.workspace;

import com.arkloop.projects.application.IdGenerator;
import com.arkloop.projects.application.Timestamps;
import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.application.project.VisibleProjects;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.workspace.SessionRef;
import com.arkloop.projects.domain.workspace.SessionRepository;
import com.arkloop.projects.domain.workspace.SessionType;
import com.arkloop.projects.domain.workspace.Workspace;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;
import com.arkloop.projects.domain.workspace.WorkspaceSession;
import java.time.Clock;

public final class OpenSession {

    private final VisibleProjects visibleProjects;
    private final WorkspaceRepository workspaces;
    private final SessionRepository sessions;
    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;

    public OpenSession(VisibleProjects visibleProjects, WorkspaceRepository workspaces, SessionRepository sessions,
                       Transactions transactions, Clock clock, IdGenerator ids) {
        this.visibleProjects = visibleProjects;
        this.workspaces = workspaces;
        this.sessions = sessions;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Opens a session, ready, in the caller's default workspace of the project (created on first
     * access): {@code shref_…} for a shell, {@code brref_…} for a browser.
     *
     * <p>Checks, in this order: {@code data.runs.write} ({@code auth.forbidden}), that the caller sees
     * the project ({@code projects.not_found}), then the type ({@code validation.error} naming
     * {@code session_type} unless it is exactly {@code shell} or {@code browser}).
     */
    public WorkspaceSession open(Actor actor, ProjectId projectId, String sessionType) {
        actor.require(Permission.RUNS_WRITE);
        return transactions.inTransaction(() -> {
            Project project = visibleProjects.require(actor, projectId);
            SessionType type = SessionType.fromWireName("session_type", sessionType);
            Workspace workspace = DefaultWorkspaces.of(workspaces, actor, project, clock);
            WorkspaceSession session = WorkspaceSession.open(SessionRef.create(type, ids.next()), workspace.ref(),
                    Timestamps.now(clock));
            sessions.insert(session);
            return session;
        });
    }
}
