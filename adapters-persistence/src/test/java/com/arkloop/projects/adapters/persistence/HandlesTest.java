package com.arkloop.projects.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandlesTest {

    @Test
    void turns_a_pool_timeout_into_service_unavailable() {
        Handles handles = new Handles(Jdbi.create(() -> {
            throw new SQLTransientConnectionException("arkloop-projects - Connection is not available");
        }));

        DomainException failure = assertThrows(DomainException.class, () -> handles.with(handle -> 1));

        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, failure.errorCode());
        assertEquals("service unavailable", failure.getMessage());
        assertInstanceOf(ConnectionException.class, failure.getCause());
    }

    @Test
    void lets_a_failure_that_is_not_about_reaching_the_database_through() {
        Handles handles = new Handles(Jdbi.create(() -> {
            throw new SQLException("password authentication failed", "28P01");
        }));

        assertInstanceOf(ConnectionException.class, assertThrows(RuntimeException.class, () -> handles.with(handle -> 1)));
    }

    @ParameterizedTest(name = "SQLState {0}")
    @ValueSource(strings = {"08001", "08006", "08003", "57P01", "57P02", "57P03", "53300"})
    void recognises_the_states_that_mean_the_server_is_gone(String state) {
        assertTrue(Handles.meansUnreachable(new RuntimeException(new SQLException("gone", state))));
    }

    @ParameterizedTest(name = "SQLState {0}")
    @ValueSource(strings = {"23505", "40001", "42P01", "57014", "22001"})
    void leaves_other_states_alone(String state) {
        assertFalse(Handles.meansUnreachable(new RuntimeException(new SQLException("bug or conflict", state))));
    }

    @Test
    void recognises_refused_and_timed_out_sockets_deep_in_the_causes() {
        assertTrue(Handles.meansUnreachable(new ConnectionException(new SQLException("io", null,
                new ConnectException("Connection refused")))));
        assertTrue(Handles.meansUnreachable(new RuntimeException(new SQLException("io", null,
                new SocketTimeoutException("Read timed out")))));
        assertFalse(Handles.meansUnreachable(new IllegalStateException("no cause")));
    }
}
