package com.arkloop.projects.adapters.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL per test JVM, started on first use (a cold start costs seconds, a new
 * database on a running server milliseconds). Each test class opens its own fresh database.
 */
final class TestDatabases {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabases() {
    }

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException failure) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", failure);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; the server's directory is temporary anyway.
                }
            }));
        }
        return server;
    }

    /** Settings of a new, empty database on the shared server. */
    static PostgresSettings freshDatabase() {
        String name = "test_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException failure) {
            throw new IllegalStateException("could not create database " + name, failure);
        }
        return PostgresSettings.of(server().getJdbcUrl("postgres", name), "postgres", "postgres")
                .withMaximumPoolSize(4);
    }

    /** A migrated, empty database of its own. */
    static PostgresDatabase openFresh() {
        return PostgresDatabase.open(freshDatabase());
    }

    /** Every table of the schema, children first; CASCADE would catch a forgotten one anyway. */
    static void emptyTables(PostgresDatabase database) {
        database.jdbi().useHandle(handle -> handle.execute("TRUNCATE api_keys, workspace_revisions, "
                + "workspace_sessions, workspaces, projects, team_members, teams CASCADE"));
    }
}
