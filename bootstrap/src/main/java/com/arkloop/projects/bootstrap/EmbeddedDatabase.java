package com.arkloop.projects.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by this process from binaries shipped in a Maven jar, so the server starts
 * on a fresh machine with no database installed. Its data directory lives under the server's data
 * directory and is kept across restarts; it listens on a free loopback port chosen at each start.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** The server this process started, or empty when it attached to one another process runs. */
    private final Optional<EmbeddedPostgres> owned;
    private final String jdbcUrl;

    private EmbeddedDatabase(Optional<EmbeddedPostgres> owned, String jdbcUrl) {
        this.owned = owned;
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * The PostgreSQL another process (a running server) already serves from this data directory, found
     * through its {@code postmaster.pid}; or, when none runs, a new one as {@link #start}. Lets the
     * command-line tools work beside a running server, which owns the database and stops it.
     */
    static EmbeddedDatabase attachOrStart(Path dataDir) {
        return runningPort(dataDir.resolve("postgres")).map(port -> {
            LOG.info("using the embedded PostgreSQL already running on port {}", port);
            return new EmbeddedDatabase(Optional.empty(), "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
        }).orElseGet(() -> start(dataDir));
    }

    /** The port of the live postmaster of a data directory: line 1 of postmaster.pid is its pid, line 4 its port. */
    private static Optional<Integer> runningPort(Path directory) {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("postmaster.pid"));
            boolean alive = ProcessHandle.of(Long.parseLong(lines.get(0).strip())).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(Integer.parseInt(lines.get(3).strip())) : Optional.empty();
        } catch (IOException | RuntimeException noLiveServer) {
            return Optional.empty();
        }
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
            return new EmbeddedDatabase(Optional.of(postgres), postgres.getJdbcUrl("postgres", "postgres"));
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + directory, failed);
        }
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    /** Stops the server if this process started it; an attached one belongs to its own process. */
    @Override
    public void close() {
        owned.ifPresent(postgres -> {
            try {
                postgres.close();
            } catch (IOException failed) {
                LOG.warn("embedded PostgreSQL did not stop cleanly", failed);
            }
        });
    }
}
