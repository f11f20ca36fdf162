package com.arkloop.projects.bootstrap;

import com.arkloop.projects.adapters.http.HttpMetrics;
import com.arkloop.projects.adapters.persistence.PoolStats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The server's figures for Prometheus: requests by method, route template and status (count and
 * latency), the database pool, whether blob storage answers, and the JVM's memory, GC and threads.
 */
final class ServerMetrics implements HttpMetrics, AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    ServerMetrics(Supplier<PoolStats> pool, BooleanSupplier storageAvailable) {
        poolGauge("arkloop.db.pool.connections.active", pool, PoolStats::active);
        poolGauge("arkloop.db.pool.connections.idle", pool, PoolStats::idle);
        poolGauge("arkloop.db.pool.connections.open", pool, PoolStats::total);
        poolGauge("arkloop.db.pool.connections.pending", pool, PoolStats::pending);
        poolGauge("arkloop.db.pool.connections.max", pool, PoolStats::maximum);
        Gauge.builder("arkloop.storage.available", storageAvailable, available -> available.getAsBoolean() ? 1 : 0)
                .description("1 when the blob store answers, else 0").strongReference(true).register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    private void poolGauge(String name, Supplier<PoolStats> pool, ToDoubleFunction<PoolStats> figure) {
        // Strong references: gauges otherwise hold their source weakly, and a method reference is collected.
        Gauge.builder(name, pool, source -> figure.applyAsDouble(source.get())).strongReference(true).register(registry);
    }

    @Override
    public void recordRequest(String method, String route, int status, Duration elapsed) {
        Timer.builder("http.server.requests")
                .description("requests answered, by method, route template and status")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .register(registry)
                .record(elapsed);
    }

    @Override
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
