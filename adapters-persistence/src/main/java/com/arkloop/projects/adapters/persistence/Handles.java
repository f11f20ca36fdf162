package com.arkloop.projects.adapters.persistence;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;

/**
 * Every database call of this module goes through here. It runs on the thread's handle when a
 * transaction is open (JDBI keeps the handle in a per-thread scope, so a repository call inside
 * {@link JdbiTransactions} joins that transaction), and it is the one place where "the database
 * cannot be reached" becomes {@link ErrorCode#SERVICE_UNAVAILABLE}. Other database errors propagate.
 */
final class Handles {

    /** admin_shutdown, crash_shutdown, cannot_connect_now (server restarting), too_many_connections. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private final Jdbi jdbi;

    Handles(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    <T> T with(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (RuntimeException failure) {
            throw translate(failure);
        }
    }

    void use(HandleConsumer<RuntimeException> work) {
        with(handle -> {
            work.useHandle(handle);
            return null;
        });
    }

    <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.inTransaction(work);
        } catch (RuntimeException failure) {
            throw translate(failure);
        }
    }

    private static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof DomainException || !meansUnreachable(failure)) {
            return failure;
        }
        return new DomainException(ErrorCode.SERVICE_UNAVAILABLE, "service unavailable", Map.of(), failure);
    }

    /**
     * Whether the failure, or anything that caused it, says the server cannot be reached or is going
     * away: a pool timeout, SQLState class 08 (connection exception), a shutdown, refused or timed-out
     * sockets.
     */
    static boolean meansUnreachable(Throwable failure) {
        int depth = 0; // bounded: a cause chain can loop
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof ConnectException
                    || cause instanceof SocketTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
