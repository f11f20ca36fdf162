package com.arkloop.projects.adapters.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the database is and how long to wait for it. The timeouts are short on purpose: when
 * PostgreSQL is down, a request should fail with 503 in about {@code connectionTimeout}, not hang.
 *
 * @param maximumPoolSize   connections in the pool, at least 1
 * @param connectionTimeout longest wait for a pooled connection (or a new one), at least 250 ms
 * @param socketTimeout     longest wait for any single answer from the server, at least 1 s
 */
public record PostgresSettings(String jdbcUrl, String user, String password, int maximumPoolSize,
                               Duration connectionTimeout, Duration socketTimeout) {

    public static final int DEFAULT_POOL_SIZE = 10;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(30);

    public PostgresSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:postgresql:");
        }
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("maximumPoolSize must be at least 1");
        }
        if (connectionTimeout.compareTo(Duration.ofMillis(250)) < 0) {
            throw new IllegalArgumentException("connectionTimeout must be at least 250 ms");
        }
        if (socketTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("socketTimeout must be at least 1 s");
        }
    }

    /** The defaults: 10 connections, 2 s to get one, 30 s per answer. */
    public static PostgresSettings of(String jdbcUrl, String user, String password) {
        return new PostgresSettings(jdbcUrl, user, password, DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT,
                DEFAULT_SOCKET_TIMEOUT);
    }

    public PostgresSettings withMaximumPoolSize(int size) {
        return new PostgresSettings(jdbcUrl, user, password, size, connectionTimeout, socketTimeout);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "PostgresSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", maximumPoolSize=" + maximumPoolSize
                + ", connectionTimeout=" + connectionTimeout + ", socketTimeout=" + socketTimeout + "]";
    }
}
