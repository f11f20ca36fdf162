package com.arkloop.projects.application.workspace;

import static com.arkloop.projects.application.workspace.WritingFixture.failure;
import static com.arkloop.projects.application.workspace.WritingFixture.member;
import static com.arkloop.projects.application.workspace.WritingFixture.newOrg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.Visibility;
import com.arkloop.projects.domain.workspace.SessionState;
import com.arkloop.projects.domain.workspace.SessionType;
import com.arkloop.projects.domain.workspace.WorkspaceSession;
import com.arkloop.projects.domain.workspace.WorkspaceStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionUseCasesTest {

    final WritingFixture app = new WritingFixture();
    final OrgId org = newOrg();
    final Actor owner = member(org);
    final Actor colleague = member(org);
    final Project shared = app.project(owner, Visibility.SHARED);
    final Project hidden = app.project(owner, Visibility.PRIVATE);

    WorkspaceSession open(String type) {
        return app.openSession.open(owner, shared.id(), type);
    }

    @Test
    void opens_a_ready_shell_or_browser_session_in_the_callers_workspace() {
        WorkspaceSession shell = open("shell");
        WorkspaceSession browser = open("browser");
        assertTrue(shell.ref().value().startsWith("shref_"));
        assertTrue(browser.ref().value().startsWith("brref_"));
        assertEquals(SessionType.SHELL, shell.type());
        assertEquals(SessionState.READY, shell.state());
        assertEquals(shell.createdAt(), shell.lastUsedAt());
        assertEquals(app.workspace(owner, shared.id()).ref(), shell.workspaceRef());
        assertEquals(Optional.of(shell), app.sessions.find(shell.workspaceRef(), shell.ref()));
    }

    @Test
    void makes_the_workspace_active_with_the_most_recently_used_session_until_all_are_closed() {
        assertEquals(WorkspaceStatus.IDLE, app.getWorkspace.get(owner, shared.id()).status());
        WorkspaceSession shell = open("shell");
        WorkspaceSession browser = open("browser");
        assertEquals(Optional.of(browser), app.getWorkspace.get(owner, shared.id()).activeSession());
        WorkspaceSession busy = app.changeSession.change(owner, shared.id(), shell.ref().value(), "busy");
        assertEquals(SessionState.BUSY, busy.state());
        assertTrue(busy.lastUsedAt().isAfter(shell.lastUsedAt()));
        assertEquals(Optional.of(busy), app.getWorkspace.get(owner, shared.id()).activeSession());
        app.closeSession.close(owner, shared.id(), shell.ref().value());
        assertEquals(Optional.of(browser), app.getWorkspace.get(owner, shared.id()).activeSession());
        WorkspaceSession closed = app.closeSession.close(owner, shared.id(), browser.ref().value());
        assertEquals(SessionState.CLOSED, closed.state());
        assertEquals(WorkspaceStatus.IDLE, app.getWorkspace.get(owner, shared.id()).status());
    }

    @Test
    void bumps_the_last_use_even_when_the_state_stays_the_same() {
        WorkspaceSession shell = open("shell");
        WorkspaceSession again = app.changeSession.change(owner, shared.id(), shell.ref().value(), "ready");
        assertEquals(SessionState.READY, again.state());
        assertTrue(again.lastUsedAt().isAfter(shell.lastUsedAt()));
        assertEquals(shell.createdAt(), again.createdAt());
    }

    @Test
    void treats_a_closed_session_as_not_found() {
        WorkspaceSession shell = open("shell");
        app.closeSession.close(owner, shared.id(), shell.ref().value());
        assertEquals(ErrorCode.SESSION_NOT_FOUND, failure(() -> app.changeSession.change(owner, shared.id(),
                shell.ref().value(), "busy")));
        assertEquals(ErrorCode.SESSION_NOT_FOUND, failure(() -> app.closeSession.close(owner, shared.id(),
                shell.ref().value())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nonsense", "shref_", "shref_00000000000000000000000000000000",
            "SHREF_00000000000000000000000000000000", "../shref_0"})
    void treats_an_unknown_session_as_not_found(String ref) {
        open("shell");
        assertEquals(ErrorCode.SESSION_NOT_FOUND, failure(() -> app.changeSession.change(owner, shared.id(), ref, "busy")));
        assertEquals(ErrorCode.SESSION_NOT_FOUND, failure(() -> app.closeSession.close(owner, shared.id(), ref)));
    }

    @Test
    void does_not_find_the_sessions_of_another_users_workspace() {
        WorkspaceSession theirs = app.openSession.open(colleague, shared.id(), "shell");
        assertEquals(ErrorCode.SESSION_NOT_FOUND, failure(() -> app.changeSession.change(owner, shared.id(),
                theirs.ref().value(), "busy")));
        assertEquals(ErrorCode.SESSION_NOT_FOUND, failure(() -> app.closeSession.close(owner, shared.id(),
                theirs.ref().value())));
        assertEquals(Optional.of(theirs), app.getWorkspace.get(colleague, shared.id()).activeSession());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Shell", "SHELL", "terminal", " shell"})
    void refuses_an_unknown_session_type(String type) {
        assertEquals(ErrorCode.VALIDATION_FAILED, failure(() -> open(type)));
        assertEquals(WorkspaceStatus.IDLE, app.getWorkspace.get(owner, shared.id()).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "closed", "Ready", "BUSY", "idle"})
    void refuses_a_state_a_client_may_not_ask_for(String state) {
        WorkspaceSession shell = open("shell");
        assertEquals(ErrorCode.VALIDATION_FAILED, failure(() -> app.changeSession.change(owner, shared.id(),
                shell.ref().value(), state)));
        assertEquals(Optional.of(shell), app.sessions.find(shell.workspaceRef(), shell.ref()));
    }

    @Test
    void checks_the_permission_then_the_project_then_the_input() {
        Actor readOnly = new Actor(owner.userId(), org, owner.role(), Set.of(Permission.PROJECTS_READ, Permission.RUNS_READ));
        WorkspaceSession shell = open("shell");
        for (Actor actor : List.of(readOnly)) {
            assertEquals(ErrorCode.FORBIDDEN, failure(() -> app.openSession.open(actor, shared.id(), "nonsense")));
            assertEquals(ErrorCode.FORBIDDEN, failure(() -> app.changeSession.change(actor, shared.id(),
                    shell.ref().value(), "nonsense")));
            assertEquals(ErrorCode.FORBIDDEN, failure(() -> app.closeSession.close(actor, shared.id(), shell.ref().value())));
        }
        assertEquals(ErrorCode.PROJECT_NOT_FOUND, failure(() -> app.openSession.open(colleague, hidden.id(), "nonsense")));
        assertEquals(ErrorCode.PROJECT_NOT_FOUND, failure(() -> app.changeSession.change(colleague, hidden.id(),
                "nonsense", "nonsense")));
        assertEquals(ErrorCode.PROJECT_NOT_FOUND, failure(() -> app.closeSession.close(colleague, hidden.id(), "nonsense")));
        assertEquals(ErrorCode.VALIDATION_FAILED, failure(() -> app.changeSession.change(owner, shared.id(),
                "nonsense", "nonsense")));
    }
}
