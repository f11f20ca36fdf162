package com.arkloop.projects.bootstrap;

import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertError;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertJson;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.withoutTraceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.adapters.http.testing.ApiResponse;
import com.arkloop.projects.domain.OrgId;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API keys on the real server and PostgreSQL: revocation at once, one 401, last use kept across a restart. */
class ApiKeysEndToEndIT {

    static final OrgId ORG = new OrgId(UUID.randomUUID());
    static final String MEMBER = TestServers.token(UUID.randomUUID(), ORG, "org_member");

    @TempDir
    Path dataDir;

    ArkloopServer start() {
        return ArkloopServer.start(TestServers.settings(dataDir, Map.of("ARKLOOP_AUTH_JWT_SECRET", TestServers.SECRET)));
    }

    @Test
    void a_key_works_until_revoked_then_fails_like_unknown_and_malformed_ones_and_its_last_use_survives_a_restart() {
        String keyId;
        try (ArkloopServer server = start()) {
            ConformingClient client = new ConformingClient(TestServers.client(server));
            JsonNode created = assertJson(client.post("/v1/api-keys", MEMBER,
                    "{\"name\":\"ci\",\"scopes\":[\"data.projects.read\",\"data.api_keys.manage\"]}"), 201);
            String key = created.get("key").asText();
            keyId = created.get("id").asText();
            String revoked = assertJson(client.post("/v1/api-keys", MEMBER, "{\"name\":\"old\",\"scopes\":[\"data.projects.read\"]}"), 201)
                    .get("key").asText();
            assertJson(client.get("/v1/projects", revoked), 200);

            assertJson(client.get("/v1/projects", key), 200);
            assertError(client.post("/v1/projects", key, "{\"name\":\"x\"}"), 403, "auth.forbidden");
            String revokedId = assertJson(client.get("/v1/api-keys", MEMBER), 200).get(1).get("id").asText();
            assertEquals(204, client.delete("/v1/api-keys/" + revokedId, key).status());

            Set<JsonNode> bodies = new HashSet<>();
            for (String bad : List.of(revoked, "ak-" + "f".repeat(64), "ak-" + "F".repeat(64), "ak-123")) {
                ApiResponse response = client.get("/v1/projects", bad);
                assertError(response, 401, "auth.invalid_api_key");
                bodies.add(withoutTraceId(response));
            }
            assertEquals(1, bodies.size(), bodies::toString);
        }
        try (ArkloopServer restarted = start()) {
            JsonNode listed = assertJson(new ConformingClient(TestServers.client(restarted)).get("/v1/api-keys", MEMBER), 200);
            assertEquals(1, listed.size(), listed::toString);
            assertEquals(keyId, listed.get(0).get("id").asText());
            assertTrue(listed.get(0).get("last_used_at").isTextual(), "written on shutdown: " + listed);
        }
    }
}
