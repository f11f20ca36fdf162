package com.arkloop.projects.bootstrap;

import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertError;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.adapters.http.testing.ApiResponse;
import com.arkloop.projects.domain.OrgId;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics}: Prometheus text with request, pool and storage figures, and off when configured so. */
class MetricsIT {

    @TempDir
    Path dataDir;

    @Test
    void counts_requests_by_route_template_and_reports_the_pool_and_storage() {
        try (ArkloopServer server = ArkloopServer.start(TestServers.settings(dataDir,
                Map.of("ARKLOOP_AUTH_JWT_SECRET", TestServers.SECRET)))) {
            ConformingClient client = new ConformingClient(TestServers.client(server));
            String token = TestServers.token(UUID.randomUUID(), new OrgId(UUID.randomUUID()), "org_member");
            String id = assertJson(client.post("/v1/projects", token, "{\"name\":\"m\"}"), 201).get("id").asText();
            assertJson(client.get("/v1/projects/" + id, token), 200);
            assertError(client.get("/v1/projects/" + UUID.randomUUID(), token), 404, "projects.not_found");

            ApiResponse metrics = client.get("/metrics", null);
            assertEquals(200, metrics.status(), metrics::toString);
            assertTrue(metrics.header("Content-Type").startsWith("text/plain; version=0.0.4"), metrics::toString);
            String text = metrics.bodyText();
            assertTrue(text.contains("http_server_requests_seconds_count{method=\"GET\",route=\"/v1/projects/{project_id}\",status=\"200\"} 1"), text);
            assertTrue(text.contains("http_server_requests_seconds_count{method=\"GET\",route=\"/v1/projects/{project_id}\",status=\"404\"} 1"), text);
            assertTrue(text.contains("http_server_requests_seconds_count{method=\"POST\",route=\"/v1/projects\",status=\"201\"} 1"), text);
            assertFalse(text.contains(id), "ids never become label values");
            assertTrue(text.contains("arkloop_db_pool_connections_max 10"), text);
            assertTrue(text.matches("(?s).*\narkloop_db_pool_connections_open [1-9].*"), text);
            assertTrue(text.contains("arkloop_storage_available 1"), text);
            assertTrue(text.contains("jvm_memory_used_bytes"), text);
            assertEquals(200, client.send("HEAD", "/metrics", null, null).status());
            ApiResponse wrongMethod = client.post("/metrics", null, "{}");
            assertError(wrongMethod, 405, "http.method_not_allowed");
            assertEquals("GET, HEAD", wrongMethod.header("Allow"));
        }
    }

    @Test
    void can_be_turned_off() {
        try (ArkloopServer server = ArkloopServer.start(TestServers.settings(dataDir,
                Map.of("ARKLOOP_AUTH_JWT_SECRET", TestServers.SECRET, "ARKLOOP_METRICS_ENABLED", "false")))) {
            assertError(TestServers.client(server).get("/metrics", null), 404, "http.not_found");
        }
    }
}
