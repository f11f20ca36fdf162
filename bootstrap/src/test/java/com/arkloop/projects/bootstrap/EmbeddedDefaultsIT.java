package com.arkloop.projects.bootstrap;

import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertError;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.adapters.http.testing.ApiClient;
import com.arkloop.projects.adapters.http.testing.ApiResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server with no configuration but a data directory: embedded PostgreSQL, development secret. */
class EmbeddedDefaultsIT {

    static final String ORG = "11111111-1111-1111-1111-111111111111";
    static final String USER = "22222222-2222-2222-2222-222222222222";

    @TempDir
    Path dataDir;

    @Test
    void serves_the_api_and_finds_the_data_of_the_previous_start() throws Exception {
        Settings settings = TestServers.settings(dataDir, Map.of());
        String id;
        String created;
        try (ArkloopServer server = ArkloopServer.start(settings)) {
            ApiClient client = TestServers.client(server);
            assertJson(client.get("/readyz", null), 200);
            String token = mintWithTheTokenCommand(settings);
            ApiResponse response = client.post("/v1/projects", token, "{\"name\":\"Kept\"}");
            JsonNode project = assertJson(response, 201);
            id = project.get("id").asText();
            created = response.bodyText();
        }
        assertTrue(Files.exists(dataDir.resolve("postgres/PG_VERSION")), "the database lives in the data directory");

        try (ArkloopServer again = ArkloopServer.start(settings)) {
            ApiResponse found = TestServers.client(again).get("/v1/projects/" + id, mintWithTheTokenCommand(settings));
            assertJson(found, 200);
            assertEquals(created, found.bodyText());
        }
    }

    @Test
    void keeps_the_development_secret_private_and_stable() throws Exception {
        Settings settings = TestServers.settings(dataDir, Map.of());
        String first = mintWithTheTokenCommand(settings);
        Path secret = dataDir.resolve("jwt-secret");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
        String content = Files.readString(secret);
        mintWithTheTokenCommand(settings);
        assertEquals(content, Files.readString(secret));
        try (ArkloopServer server = ArkloopServer.start(settings)) {
            assertJson(TestServers.client(server).get("/v1/projects", first), 200);
            assertError(TestServers.client(server).get("/v1/projects", TestServers.token(UUID.randomUUID(),
                    new com.arkloop.projects.domain.OrgId(UUID.fromString(ORG)), "org_admin")), 401, "auth.invalid_token");
        }
    }

    private static String mintWithTheTokenCommand(Settings settings) {
        return TokenCommand.run(new String[] {"token", "--user", USER, "--org", ORG, "--role", "org_admin"}, settings);
    }
}
