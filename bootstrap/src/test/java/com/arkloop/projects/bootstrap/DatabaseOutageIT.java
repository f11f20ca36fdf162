package com.arkloop.projects.bootstrap;

import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertError;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.adapters.http.testing.ApiClient;
import com.arkloop.projects.adapters.http.testing.ApiResponse;
import com.arkloop.projects.domain.OrgId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An external database that goes away and comes back: 503 with Retry-After meanwhile, never 500, then recovery. */
class DatabaseOutageIT {

    @TempDir
    Path dataDir;

    @TempDir
    Path databaseDir;

    @Test
    void answers_503_while_the_database_is_down_and_recovers_when_it_returns() throws Exception {
        int port = freePort();
        EmbeddedPostgres database = startDatabase(port);
        String token = TestServers.token(UUID.randomUUID(), new OrgId(UUID.randomUUID()), "org_admin");
        Settings settings = TestServers.settings(dataDir, Map.of(
                "ARKLOOP_DATABASE_URL", database.getJdbcUrl("postgres", "postgres"),
                "ARKLOOP_DATABASE_USER", "postgres",
                "ARKLOOP_AUTH_JWT_SECRET", TestServers.SECRET));
        try (ArkloopServer server = ArkloopServer.start(settings)) {
            ApiClient client = TestServers.client(server);
            assertJson(client.post("/v1/projects", token, "{\"name\":\"before\"}"), 201);

            database.close();
            long started = System.nanoTime();
            ApiResponse down = client.get("/v1/projects", token);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertError(down, 503, "service.unavailable");
            assertTrue(Integer.parseInt(down.header("Retry-After")) > 0, down::toString);
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "a dead database must fail fast, took " + took);
            assertError(client.post("/v1/projects", token, "{\"name\":\"during\"}"), 503, "service.unavailable");
            assertError(client.get("/readyz", null), 503, "service.unavailable");
            assertJson(client.get("/healthz", null), 200);

            database = startDatabase(port);
            assertEquals(1, awaitProjects(client, token).size(), "the project written before the outage, and only it");
        } finally {
            database.close();
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode awaitProjects(ApiClient client, String token) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        ApiResponse response = client.get("/v1/projects", token);
        while (response.status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            response = client.get("/v1/projects", token);
        }
        return assertJson(response, 200);
    }

    private EmbeddedPostgres startDatabase(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(databaseDir).setCleanDataDirectory(false).setPort(port).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
