package com.arkloop.projects.domain.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceSessionTest {

    private static final WorkspaceRef WORKSPACE = new WorkspaceRef("wsref_8398feadc3eb164d4079c8b41257dac1");
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private static WorkspaceSession open(SessionType type, Instant at) {
        return WorkspaceSession.open(SessionRef.create(type, UUID.randomUUID()), WORKSPACE, at);
    }

    @Test
    void names_sessions_by_type_with_32_hex_characters() {
        UUID id = UUID.fromString("0123abcd-0000-4000-8000-00000000ffff");
        assertEquals("shref_0123abcd00004000800000000000ffff", SessionRef.create(SessionType.SHELL, id).value());
        assertEquals("brref_0123abcd00004000800000000000ffff", SessionRef.create(SessionType.BROWSER, id).value());
        assertEquals(SessionType.BROWSER, SessionRef.create(SessionType.BROWSER, id).type());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "shref_", "xxref_0123abcd00004000800000000000ffff", "shref_0123ABCD00004000800000000000FFFF",
            "shref_../../0123abcd000040008000000000", "brref_0123abcd00004000800000000000ffff0"})
    void parses_nothing_but_a_well_formed_ref(String text) {
        assertEquals(Optional.empty(), SessionRef.parse(text));
    }

    @Test
    void opens_ready_and_live() {
        WorkspaceSession session = open(SessionType.SHELL, T0);
        assertEquals(SessionState.READY, session.state());
        assertEquals(SessionType.SHELL, session.type());
        assertEquals(T0, session.createdAt());
        assertEquals(T0, session.lastUsedAt());
        assertTrue(session.isLive());
    }

    @Test
    void changes_state_and_marks_itself_used() {
        WorkspaceSession busy = open(SessionType.SHELL, T0).changeState(SessionState.BUSY, T0.plusSeconds(5));
        assertEquals(SessionState.BUSY, busy.state());
        assertEquals(T0.plusSeconds(5), busy.lastUsedAt());
        assertEquals(T0, busy.createdAt());
    }

    @Test
    void cannot_be_changed_or_closed_once_closed() {
        WorkspaceSession closed = open(SessionType.BROWSER, T0).close(T0.plusSeconds(1));
        assertFalse(closed.isLive());
        assertEquals(ErrorCode.SESSION_NOT_FOUND,
                assertThrows(DomainException.class, () -> closed.changeState(SessionState.READY, T0)).errorCode());
        assertEquals(ErrorCode.SESSION_NOT_FOUND,
                assertThrows(DomainException.class, () -> closed.close(T0)).errorCode());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"closed", "Ready", "BUSY", "idle", ""})
    void lets_clients_ask_only_for_ready_or_busy(String text) {
        assertEquals(ErrorCode.VALIDATION_FAILED,
                assertThrows(DomainException.class, () -> SessionState.requestable("state", text)).errorCode());
    }

    @Test
    void parses_the_wire_names_of_types_and_states() {
        assertEquals(SessionType.SHELL, SessionType.fromWireName("session_type", "shell"));
        assertEquals(SessionType.BROWSER, SessionType.fromWireName("session_type", "browser"));
        assertThrows(DomainException.class, () -> SessionType.fromWireName("session_type", "Shell"));
        assertEquals(SessionState.BUSY, SessionState.requestable("state", "busy"));
    }

    @Test
    void is_idle_without_sessions_or_with_only_closed_ones() {
        assertEquals(WorkspaceStatus.IDLE, WorkspaceActivity.of(List.of()).status());
        WorkspaceActivity closedOnly = WorkspaceActivity.of(List.of(open(SessionType.SHELL, T0).close(T0.plusSeconds(9))));
        assertEquals(new WorkspaceActivity(WorkspaceStatus.IDLE, Optional.empty()), closedOnly);
    }

    @Test
    void is_active_with_the_most_recently_used_live_session() {
        WorkspaceSession older = open(SessionType.SHELL, T0);
        WorkspaceSession newer = open(SessionType.BROWSER, T0).changeState(SessionState.BUSY, T0.plusSeconds(10));
        WorkspaceSession closedLatest = open(SessionType.SHELL, T0).close(T0.plusSeconds(60));
        WorkspaceActivity activity = WorkspaceActivity.of(List.of(older, closedLatest, newer));
        assertEquals(WorkspaceStatus.ACTIVE, activity.status());
        assertEquals(Optional.of(newer), activity.activeSession());
    }

    @Test
    void is_unavailable_without_a_session_when_storage_cannot_be_reached() {
        assertEquals(new WorkspaceActivity(WorkspaceStatus.UNAVAILABLE, Optional.empty()), WorkspaceActivity.unavailable());
        assertEquals("unavailable", WorkspaceStatus.UNAVAILABLE.wireName());
        assertThrows(IllegalArgumentException.class,
                () -> new WorkspaceActivity(WorkspaceStatus.UNAVAILABLE, Optional.of(open(SessionType.SHELL, T0))));
    }
}
