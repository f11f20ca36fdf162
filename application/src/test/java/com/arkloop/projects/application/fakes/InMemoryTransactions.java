package com.arkloop.projects.application.fakes;

import com.arkloop.projects.application.Transactions;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** Serialises units of work, which is all the isolation the in-memory fakes need. No rollback. */
public final class InMemoryTransactions implements Transactions {

    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
