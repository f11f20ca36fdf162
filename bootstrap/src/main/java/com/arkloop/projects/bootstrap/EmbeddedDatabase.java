package com.arkloop.projects.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by this process from binaries shipped in a Maven jar, so the server starts
 * on a fresh machine with no database installed. Its data directory lives under the server's data
 * directory and is kept across restarts; it listens on a free loopback port chosen at each start.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path dataDir) {
        Path directory = dataDir.resolve("postgres");
        try {
            Files.createDirectories(directory);
            boolean existing = Files.exists(directory.resolve("PG_VERSION"));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            LOG.info("embedded PostgreSQL {} data directory {} on port {}", existing ? "reopened" : "created", directory,
                    postgres.getPort());
            return new EmbeddedDatabase(postgres);
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + directory, failed);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException failed) {
            LOG.warn("embedded PostgreSQL did not stop cleanly", failed);
        }
    }
}
