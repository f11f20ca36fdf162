package com.arkloop.projects.application.contracts;

import static com.arkloop.projects.application.contracts.Fixtures.T0;
import static com.arkloop.projects.application.contracts.Fixtures.newOrg;
import static com.arkloop.projects.application.contracts.Fixtures.newUser;
import static com.arkloop.projects.application.contracts.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.project.Visibility;
import com.arkloop.projects.domain.workspace.SessionRef;
import com.arkloop.projects.domain.workspace.SessionRepository;
import com.arkloop.projects.domain.workspace.SessionState;
import com.arkloop.projects.domain.workspace.SessionType;
import com.arkloop.projects.domain.workspace.Workspace;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;
import com.arkloop.projects.domain.workspace.WorkspaceSession;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionRepository} must do. Each session's workspace (and that workspace's
 * project) is stored first, so an adapter may enforce both with foreign keys. Timestamps have
 * microsecond precision, as the stores keep them.
 */
public abstract class SessionRepositoryContract {

    /** The repository under test. */
    protected abstract SessionRepository sessions();

    /** Where the sessions' workspaces are created before use. */
    protected abstract WorkspaceRepository workspaces();

    /** Where the workspaces' projects are inserted before use. */
    protected abstract ProjectRepository projects();

    private WorkspaceRef newWorkspace() {
        OrgId org = newOrg();
        UserId user = newUser();
        Project project = project(org, user, Visibility.PRIVATE, Optional.empty(), T0);
        projects().insert(project);
        return workspaces().findOrCreate(Workspace.create(org, user, project.id(), T0)).ref();
    }

    private static WorkspaceSession newSession(WorkspaceRef workspace, SessionType type) {
        return WorkspaceSession.open(SessionRef.create(type, UUID.randomUUID()), workspace, T0.plusSeconds(1));
    }

    private WorkspaceSession inserted(WorkspaceRef workspace, SessionType type) {
        WorkspaceSession session = newSession(workspace, type);
        sessions().insert(session);
        return session;
    }

    @Test
    void round_trips_a_session_of_each_type() {
        WorkspaceRef workspace = newWorkspace();
        for (SessionType type : SessionType.values()) {
            WorkspaceSession session = inserted(workspace, type);
            assertEquals(Optional.of(session), sessions().find(workspace, session.ref()));
            assertEquals(type, sessions().find(workspace, session.ref()).orElseThrow().type());
        }
    }

    @Test
    void answers_empty_for_an_unknown_session() {
        WorkspaceRef workspace = newWorkspace();
        inserted(workspace, SessionType.SHELL);
        assertEquals(Optional.empty(), sessions().find(workspace, SessionRef.create(SessionType.SHELL, UUID.randomUUID())));
    }

    @Test
    void does_not_find_a_session_through_another_workspace() {
        WorkspaceRef mine = newWorkspace();
        WorkspaceRef theirs = newWorkspace();
        WorkspaceSession session = inserted(mine, SessionType.SHELL);
        assertEquals(Optional.empty(), sessions().find(theirs, session.ref()));
        assertEquals(List.of(), sessions().listLive(theirs));
    }

    @Test
    void replaces_the_state_and_last_use_of_a_session_on_update() {
        WorkspaceRef workspace = newWorkspace();
        WorkspaceSession session = inserted(workspace, SessionType.BROWSER);
        WorkspaceSession busy = session.changeState(SessionState.BUSY, T0.plus(Duration.ofMinutes(2)).plusNanos(7_000));
        sessions().update(busy);
        assertEquals(Optional.of(busy), sessions().find(workspace, session.ref()));
        WorkspaceSession ready = busy.changeState(SessionState.READY, T0.plus(Duration.ofMinutes(3)));
        sessions().update(ready);
        WorkspaceSession stored = sessions().find(workspace, session.ref()).orElseThrow();
        assertEquals(ready, stored);
        assertEquals(session.createdAt(), stored.createdAt());
    }

    @Test
    void keeps_a_closed_session_but_no_longer_lists_it_as_live() {
        WorkspaceRef workspace = newWorkspace();
        WorkspaceSession session = inserted(workspace, SessionType.SHELL);
        WorkspaceSession closed = session.close(T0.plusSeconds(30));
        sessions().update(closed);
        assertEquals(Optional.of(closed), sessions().find(workspace, session.ref()));
        assertEquals(List.of(), sessions().listLive(workspace));
    }

    @Test
    void lists_the_ready_and_busy_sessions_of_the_workspace_only() {
        WorkspaceRef workspace = newWorkspace();
        WorkspaceRef other = newWorkspace();
        WorkspaceSession ready = inserted(workspace, SessionType.SHELL);
        WorkspaceSession busy = inserted(workspace, SessionType.BROWSER).changeState(SessionState.BUSY, T0.plusSeconds(2));
        sessions().update(busy);
        WorkspaceSession closed = inserted(workspace, SessionType.SHELL).close(T0.plusSeconds(3));
        sessions().update(closed);
        WorkspaceSession elsewhere = inserted(other, SessionType.SHELL);

        List<WorkspaceSession> live = sessions().listLive(workspace);
        assertEquals(2, live.size());
        assertEquals(Set.of(ready, busy), Set.copyOf(live));
        assertEquals(List.of(elsewhere), sessions().listLive(other));
    }

    @Test
    void lists_nothing_for_a_workspace_without_sessions() {
        assertEquals(List.of(), sessions().listLive(newWorkspace()));
    }
}
