package com.arkloop.projects.application.workspace;

import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.application.project.VisibleProjects;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.workspace.BlobStore;
import com.arkloop.projects.domain.workspace.SessionRepository;
import com.arkloop.projects.domain.workspace.Workspace;
import com.arkloop.projects.domain.workspace.WorkspaceActivity;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;
import com.arkloop.projects.domain.workspace.WorkspaceSession;
import java.time.Clock;
import java.util.List;

public final class GetWorkspace {

    private final VisibleProjects visibleProjects;
    private final WorkspaceRepository workspaces;
    private final SessionRepository sessions;
    private final BlobStore blobs;
    private final Transactions transactions;
    private final Clock clock;

    public GetWorkspace(VisibleProjects visibleProjects, WorkspaceRepository workspaces, SessionRepository sessions,
                        BlobStore blobs, Transactions transactions, Clock clock) {
        this.visibleProjects = visibleProjects;
        this.workspaces = workspaces;
        this.sessions = sessions;
        this.blobs = blobs;
        this.transactions = transactions;
        this.clock = clock;
    }

    private record Found(Workspace workspace, List<WorkspaceSession> liveSessions) {
    }

    /**
     * The caller's default workspace of the project, created on first access, with its status:
     * {@code unavailable} when its storage does not answer, else {@code active} with the most recently
     * used live session, or {@code idle}. Reading it does not count as using it: {@code lastUsedAt}
     * moves with writes only.
     */
    public WorkspaceOverview get(Actor actor, ProjectId projectId) {
        actor.require(Permission.PROJECTS_READ);
        Found found = transactions.inTransaction(() -> {
            Project project = visibleProjects.require(actor, projectId);
            Workspace workspace = DefaultWorkspaces.of(workspaces, actor, project, clock);
            return new Found(workspace, sessions.listLive(workspace.ref()));
        });
        // Asked outside the transaction: a slow store must not hold a database connection.
        WorkspaceActivity activity = blobs.isAvailable() ? WorkspaceActivity.of(found.liveSessions())
                : WorkspaceActivity.unavailable();
        return new WorkspaceOverview(found.workspace(), activity);
    }
}
