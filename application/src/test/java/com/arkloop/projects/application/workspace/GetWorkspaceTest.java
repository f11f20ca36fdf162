package com.arkloop.projects.application.workspace;

import static com.arkloop.projects.application.UseCaseFixture.member;
import static com.arkloop.projects.application.UseCaseFixture.newOrg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.arkloop.projects.application.UseCaseFixture;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectDetails;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.project.Visibility;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.SessionRef;
import com.arkloop.projects.domain.workspace.SessionState;
import com.arkloop.projects.domain.workspace.SessionType;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import com.arkloop.projects.domain.workspace.WorkspaceSession;
import com.arkloop.projects.domain.workspace.WorkspaceStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GetWorkspaceTest {

    final UseCaseFixture app = new UseCaseFixture();
    final OrgId org = newOrg();
    final Actor owner = member(org);
    final Actor colleague = member(org);
    final Project shared = create(owner, Visibility.SHARED);
    final Project hidden = create(owner, Visibility.PRIVATE);

    Project create(Actor actor, Visibility visibility) {
        return app.useCases.createProject().create(actor, new ProjectDetails("p", Optional.empty(), Optional.empty(), visibility));
    }

    static ErrorCode failure(Runnable action) {
        return assertThrows(DomainException.class, action::run).errorCode();
    }

    WorkspaceSession session(Actor actor, Project project, SessionType type, Instant lastUsed) {
        WorkspaceRef ref = WorkspaceRef.derive(actor.orgId(), actor.userId(), project.id());
        WorkspaceSession session = WorkspaceSession.open(SessionRef.create(type, UUID.randomUUID()), ref, lastUsed);
        app.sessions.insert(session);
        return session;
    }

    @Test
    void creates_the_callers_default_workspace_on_first_access_and_returns_the_same_one_after() {
        WorkspaceOverview first = app.useCases.getWorkspace().get(owner, shared.id());
        assertEquals(WorkspaceRef.derive(org, owner.userId(), shared.id()), first.workspace().ref());
        assertEquals(owner.userId(), first.workspace().ownerUserId());
        assertEquals(shared.id(), first.workspace().projectId());
        assertEquals(WorkspaceStatus.IDLE, first.status());
        assertEquals(Optional.empty(), first.activeSession());
        assertEquals(Optional.empty(), first.revision());
        assertEquals(first.workspace(), app.useCases.getWorkspace().get(owner, shared.id()).workspace());
    }

    @Test
    void gives_two_users_of_one_project_two_workspaces() {
        WorkspaceOverview mine = app.useCases.getWorkspace().get(owner, shared.id());
        WorkspaceOverview theirs = app.useCases.getWorkspace().get(colleague, shared.id());
        assertNotEquals(mine.workspace().ref(), theirs.workspace().ref());
        assertEquals(colleague.userId(), theirs.workspace().ownerUserId());
    }

    @Test
    void reports_the_latest_published_revision() {
        app.workspaceContent.contents(owner, shared.id()).file("a.txt", "a").publish();
        Revision latest = app.workspaceContent.contents(owner, shared.id()).file("b.txt", "b").publish();
        assertEquals(Optional.of(latest), app.useCases.getWorkspace().get(owner, shared.id()).revision());
        assertEquals(Optional.empty(), app.useCases.getWorkspace().get(colleague, shared.id()).revision());
    }

    @Test
    void is_active_with_the_most_recently_used_live_session() {
        Instant t = Instant.parse("2024-02-01T00:00:00Z");
        session(owner, shared, SessionType.SHELL, t);
        WorkspaceSession recent = session(owner, shared, SessionType.BROWSER, t.plusSeconds(10));
        WorkspaceSession closedLater = session(owner, shared, SessionType.SHELL, t.plusSeconds(20));
        app.sessions.update(closedLater.close(t.plusSeconds(30)));
        session(colleague, shared, SessionType.SHELL, t.plusSeconds(40));

        WorkspaceOverview overview = app.useCases.getWorkspace().get(owner, shared.id());
        assertEquals(WorkspaceStatus.ACTIVE, overview.status());
        assertEquals(Optional.of(recent), overview.activeSession());
    }

    @Test
    void reports_a_busy_session_as_live() {
        WorkspaceSession busy = session(owner, shared, SessionType.SHELL, Instant.parse("2024-02-01T00:00:00Z"))
                .changeState(SessionState.BUSY, Instant.parse("2024-02-01T00:01:00Z"));
        app.sessions.update(busy);
        assertEquals(Optional.of(busy), app.useCases.getWorkspace().get(owner, shared.id()).activeSession());
    }

    @Test
    void is_idle_when_every_session_is_closed() {
        WorkspaceSession session = session(owner, shared, SessionType.SHELL, Instant.parse("2024-02-01T00:00:00Z"));
        app.sessions.update(session.close(Instant.parse("2024-02-01T00:05:00Z")));
        WorkspaceOverview overview = app.useCases.getWorkspace().get(owner, shared.id());
        assertEquals(WorkspaceStatus.IDLE, overview.status());
        assertEquals(Optional.empty(), overview.activeSession());
    }

    @Test
    void is_unavailable_without_failing_when_storage_does_not_answer() {
        session(owner, shared, SessionType.SHELL, Instant.parse("2024-02-01T00:00:00Z"));
        app.blobs.setAvailable(false);
        WorkspaceOverview overview = app.useCases.getWorkspace().get(owner, shared.id());
        assertEquals(WorkspaceStatus.UNAVAILABLE, overview.status());
        assertEquals(Optional.empty(), overview.activeSession());
        assertEquals(WorkspaceRef.derive(org, owner.userId(), shared.id()), overview.workspace().ref());
    }

    @Test
    void checks_the_permission_before_looking_the_project_up() {
        Actor withoutRead = new Actor(owner.userId(), org, owner.role(), Set.of(Permission.RUNS_READ));
        assertEquals(ErrorCode.FORBIDDEN, failure(() -> app.useCases.getWorkspace().get(withoutRead, shared.id())));
        assertEquals(ErrorCode.FORBIDDEN, failure(() -> app.useCases.getWorkspace().get(withoutRead, new ProjectId(UUID.randomUUID()))));
        assertEquals(Optional.empty(), app.workspaces.find(WorkspaceRef.derive(org, owner.userId(), shared.id())));
    }

    @Test
    void answers_not_found_for_a_project_the_caller_cannot_see_and_creates_no_workspace() {
        Project deleted = create(owner, Visibility.SHARED);
        app.useCases.deleteProject().delete(owner, deleted.id());
        Actor stranger = member(newOrg());

        assertEquals(ErrorCode.PROJECT_NOT_FOUND, failure(() -> app.useCases.getWorkspace().get(colleague, hidden.id())));
        assertEquals(ErrorCode.PROJECT_NOT_FOUND, failure(() -> app.useCases.getWorkspace().get(stranger, shared.id())));
        assertEquals(ErrorCode.PROJECT_NOT_FOUND, failure(() -> app.useCases.getWorkspace().get(owner, deleted.id())));
        assertEquals(ErrorCode.PROJECT_NOT_FOUND,
                failure(() -> app.useCases.getWorkspace().get(owner, new ProjectId(UUID.randomUUID()))));
        assertEquals(Optional.empty(), app.workspaces.find(WorkspaceRef.derive(org, colleague.userId(), hidden.id())));
        assertEquals(Optional.empty(), app.workspaces.find(WorkspaceRef.derive(stranger.orgId(), stranger.userId(), shared.id())));
    }
}
