package com.arkloop.projects.adapters.persistence;

import com.arkloop.projects.application.Transactions;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * A JDBI transaction around the work. The repositories built on the same {@link Jdbi} pick up the
 * thread's open handle, so all their calls commit or roll back together; a nested call joins the
 * outer transaction. Any exception rolls back and is rethrown (an unreachable database as
 * {@code service.unavailable}).
 */
public final class JdbiTransactions implements Transactions {

    private final Handles handles;

    public JdbiTransactions(Jdbi jdbi) {
        this.handles = new Handles(jdbi);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return handles.inTransaction(handle -> work.get());
    }
}
