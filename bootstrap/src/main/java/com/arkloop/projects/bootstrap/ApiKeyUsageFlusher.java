package com.arkloop.projects.bootstrap;

import com.arkloop.projects.application.apikey.FlushApiKeyUsage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes API-key last-use times every {@link FlushApiKeyUsage#DEFAULT_INTERVAL_SECONDS} seconds on one
 * daemon thread, so no request waits for that write; a failed write is retried at the next tick.
 * Closing it stops the schedule and flushes once more (the server closes it before the database).
 */
final class ApiKeyUsageFlusher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyUsageFlusher.class);

    private final FlushApiKeyUsage flush;
    private final ScheduledExecutorService scheduler;

    private ApiKeyUsageFlusher(FlushApiKeyUsage flush, ScheduledExecutorService scheduler) {
        this.flush = flush;
        this.scheduler = scheduler;
    }

    static ApiKeyUsageFlusher start(FlushApiKeyUsage flush) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "api-key-usage-flush");
            thread.setDaemon(true);
            return thread;
        });
        ApiKeyUsageFlusher flusher = new ApiKeyUsageFlusher(flush, scheduler);
        long interval = FlushApiKeyUsage.DEFAULT_INTERVAL_SECONDS;
        scheduler.scheduleWithFixedDelay(flusher::flushQuietly, interval, interval, TimeUnit.SECONDS);
        return flusher;
    }

    private void flushQuietly() {
        try {
            flush.flush();
        } catch (RuntimeException failure) {
            // Kept in memory and tried again at the next tick; an exception here would end the schedule.
            LOG.warn("could not write API key last-use times; will retry: {}", failure.toString());
        }
    }

    @Override
    public void close() {
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        flushQuietly();
    }
}
