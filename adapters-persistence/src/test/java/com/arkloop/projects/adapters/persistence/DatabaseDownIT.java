package com.arkloop.projects.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Role;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.RevisionSummary;
import com.arkloop.projects.domain.workspace.Workspace;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** A server of its own, since the test stops it. */
class DatabaseDownIT {

    private static final Duration QUICKLY = Duration.ofSeconds(3);

    private final OrgId org = new OrgId(UUID.randomUUID());
    private final Actor actor = Actor.withRole(new UserId(UUID.randomUUID()), org, Optional.of(Role.ORG_MEMBER));

    @TempDir
    Path dataDirectory;

    @Test
    void answers_service_unavailable_quickly_while_the_database_is_down_and_recovers_when_it_is_back()
            throws IOException {
        int port = freePort();
        EmbeddedPostgres server = start(port);
        try (PostgresDatabase database = PostgresDatabase.open(
                PostgresSettings.of(server.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")
                        .withMaximumPoolSize(2))) {
            database.teams().list(org);
            assertTrue(database.isReachable());

            server.close();

            Instant now = Instant.parse("2024-05-01T10:00:00Z");
            Workspace workspace = Workspace.create(org, actor.userId(), new ProjectId(UUID.randomUUID()), now);
            Map<String, Executable> calls = Map.of(
                    "find a project", () -> database.projects().find(org, new ProjectId(UUID.randomUUID())),
                    "find or create a workspace", () -> database.workspaces().findOrCreate(workspace),
                    "advance a workspace's revision", () -> database.workspaces().advanceRevision(
                            workspace.ref(), Optional.empty(), Revision.create(now, new Random(1)), now),
                    "list live sessions", () -> database.sessions().listLive(workspace.ref()),
                    "record a revision", () -> database.revisions().append(new RevisionSummary(
                            workspace.ref(), Revision.create(now, new Random(2)), now, 1, 1)),
                    "list a workspace's revisions", () -> database.revisions().listNewestFirst(
                            workspace.ref(), Optional.empty(), 10),
                    "list projects", () -> database.projects().listVisible(actor, Optional.empty(), 10),
                    "list teams in a transaction", () -> database.transactions().inTransaction(
                            () -> database.teams().list(org)));
            for (Map.Entry<String, Executable> call : calls.entrySet()) {
                long started = System.nanoTime();
                DomainException failure = assertTimeoutPreemptively(QUICKLY.multipliedBy(2),
                        () -> assertThrows(DomainException.class, call.getValue()), call.getKey());
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertEquals(ErrorCode.SERVICE_UNAVAILABLE, failure.errorCode(), call.getKey());
                assertTrue(took.compareTo(QUICKLY) < 0, call.getKey() + " took " + took);
            }
            assertFalse(assertTimeoutPreemptively(QUICKLY, database::isReachable));

            server = start(port);
            assertTrue(database.isReachable());
            assertEquals(List.of(), database.teams().list(org));
        } finally {
            server.close();
        }
    }

    @Test
    void refuses_quickly_to_open_a_database_nobody_listens_for() throws IOException {
        PostgresSettings nowhere = PostgresSettings.of(
                "jdbc:postgresql://127.0.0.1:" + freePort() + "/postgres", "postgres", "postgres");

        assertTimeoutPreemptively(QUICKLY, () -> assertThrows(RuntimeException.class, () -> PostgresDatabase.open(nowhere)));
    }

    /** Keeps the data directory, so a restart brings back the same, already migrated, database. */
    private EmbeddedPostgres start(int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
