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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The projects and teams API end to end: the real server, PostgreSQL and JWT verification, with every
 * exchange checked against the OpenAPI document the server publishes.
 */
class ProjectsEndToEndIT {

    static final OrgId ORG_A = new OrgId(UUID.randomUUID());
    static final OrgId ORG_B = new OrgId(UUID.randomUUID());
    static final UUID OWNER = UUID.randomUUID();
    static final UUID TEAMMATE = UUID.randomUUID();
    static final UUID COLLEAGUE = UUID.randomUUID();

    static final String ADMIN_A = TestServers.token(UUID.randomUUID(), ORG_A, "org_admin");
    static final String OWNER_A = TestServers.token(OWNER, ORG_A, "org_member");
    static final String TEAMMATE_A = TestServers.token(TEAMMATE, ORG_A, "member");
    static final String COLLEAGUE_A = TestServers.token(COLLEAGUE, ORG_A, "org_member");
    static final String ADMIN_B = TestServers.token(UUID.randomUUID(), ORG_B, "owner");
    static final String OWNER_IN_B = TestServers.token(OWNER, ORG_B, "org_member");

    @TempDir
    static Path dataDir;
    static ArkloopServer server;
    static ConformingClient client;
    static String privateProject;
    static String orgShared;
    static String teamShared;

    @BeforeAll
    static void start() {
        server = ArkloopServer.start(TestServers.settings(dataDir, Map.of("ARKLOOP_AUTH_JWT_SECRET", TestServers.SECRET)));
        client = new ConformingClient(TestServers.client(server));
        String team = assertJson(client.post("/v1/teams", ADMIN_A, "{\"name\":\"Litigation\"}"), 201).get("id").asText();
        assertEquals(204, client.put("/v1/teams/" + team + "/members/" + TEAMMATE, ADMIN_A).status());
        privateProject = create(OWNER_A, "{\"name\":\"private\"}");
        orgShared = create(OWNER_A, "{\"name\":\"org\",\"visibility\":\"shared\"}");
        teamShared = create(OWNER_A, "{\"name\":\"team\",\"visibility\":\"shared\",\"team_id\":\"" + team + "\"}");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String create(String token, String body) {
        ApiResponse response = client.post("/v1/projects", token, body);
        JsonNode project = assertJson(response, 201);
        assertEquals("/v1/projects/" + project.get("id").asText(), response.header("Location"));
        return project.get("id").asText();
    }

    static Stream<Arguments> visibility() {
        return Stream.of(
                // caller, project, visible?
                Arguments.of("owner", OWNER_A, "private", true),
                Arguments.of("owner", OWNER_A, "team", true),
                Arguments.of("admin", ADMIN_A, "private", true),
                Arguments.of("admin", ADMIN_A, "team", true),
                Arguments.of("teammate", TEAMMATE_A, "team", true),
                Arguments.of("teammate", TEAMMATE_A, "org", true),
                Arguments.of("teammate", TEAMMATE_A, "private", false),
                Arguments.of("colleague", COLLEAGUE_A, "org", true),
                Arguments.of("colleague", COLLEAGUE_A, "team", false),
                Arguments.of("colleague", COLLEAGUE_A, "private", false),
                Arguments.of("other org's admin", ADMIN_B, "org", false),
                Arguments.of("other org's admin", ADMIN_B, "private", false),
                Arguments.of("same user id in another org", OWNER_IN_B, "private", false));
    }

    static String project(String kind) {
        return switch (kind) {
            case "private" -> privateProject;
            case "org" -> orgShared;
            default -> teamShared;
        };
    }

    @ParameterizedTest(name = "{0} sees {2}: {3}")
    @MethodSource("visibility")
    void applies_the_visibility_rule_on_the_database(String caller, String token, String kind, boolean visible) {
        String id = project(kind);
        ApiResponse response = client.get("/v1/projects/" + id, token);
        List<String> listed = new ArrayList<>();
        assertJson(client.get("/v1/projects?limit=1000", token), 200).forEach(p -> listed.add(p.get("id").asText()));
        if (visible) {
            assertEquals(id, assertJson(response, 200).get("id").asText());
            assertTrue(listed.contains(id));
        } else {
            assertError(response, 404, "projects.not_found");
            assertEquals(withoutTraceId(client.get("/v1/projects/" + UUID.randomUUID(), token)), withoutTraceId(response),
                    "a hidden project answers exactly like one that does not exist");
            assertTrue(!listed.contains(id));
            assertError(client.patch("/v1/projects/" + id, token, "{\"name\":\"x\"}"), 404, "projects.not_found");
            assertError(client.delete("/v1/projects/" + id, token), 404, "projects.not_found");
        }
    }

    @Test
    void a_member_who_sees_a_project_but_does_not_own_it_may_not_change_it() {
        assertError(client.patch("/v1/projects/" + orgShared, COLLEAGUE_A, "{\"name\":\"mine now\"}"), 403, "auth.forbidden");
        assertError(client.delete("/v1/projects/" + orgShared, COLLEAGUE_A), 403, "auth.forbidden");
    }

    @Test
    void creates_updates_lists_and_deletes_a_project() {
        String id = create(OWNER_A, "{\"name\":\"  Legal Counsel Project  \",\"description\":\"d\"}");
        JsonNode updated = assertJson(client.patch("/v1/projects/" + id, OWNER_A,
                "{\"description\":null,\"visibility\":\"shared\"}"), 200);
        assertEquals("Legal Counsel Project", updated.get("name").asText());
        assertTrue(updated.get("description").isNull());
        assertEquals("shared", updated.get("visibility").asText());
        assertTrue(updated.get("updated_at").asText().compareTo(updated.get("created_at").asText()) > 0);

        assertEquals(204, client.delete("/v1/projects/" + id, OWNER_A).status());
        assertError(client.get("/v1/projects/" + id, OWNER_A), 404, "projects.not_found");
        assertError(client.delete("/v1/projects/" + id, OWNER_A), 404, "projects.not_found");
    }

    @Test
    void pages_through_projects_with_link_headers() {
        String token = TestServers.token(UUID.randomUUID(), new OrgId(UUID.randomUUID()), "org_member");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(create(token, "{\"name\":\"p" + i + "\"}"));
        }
        List<String> seen = new ArrayList<>();
        String next = "/v1/projects?limit=2";
        int pages = 0;
        while (next != null) {
            ApiResponse page = client.get(next, token);
            assertJson(page, 200).forEach(p -> seen.add(p.get("id").asText()));
            String link = page.header("Link");
            next = link == null ? null : link.substring(link.indexOf("/v1/"), link.indexOf('>'));
            pages++;
        }
        assertEquals(created, seen);
        assertEquals(3, pages);
    }

    @Test
    void a_team_of_another_org_is_refused_as_the_team_of_a_project() {
        String foreignTeam = assertJson(client.post("/v1/teams", ADMIN_B, "{\"name\":\"theirs\"}"), 201).get("id").asText();
        assertError(client.post("/v1/projects", OWNER_A, "{\"name\":\"p\",\"team_id\":\"" + foreignTeam + "\"}"),
                422, "validation.error", "team_id");
        assertError(client.get("/v1/teams/" + foreignTeam + "/members", ADMIN_A), 404, "teams.not_found");
    }

    @Test
    void deleting_a_team_keeps_its_projects_without_a_team() {
        String team = assertJson(client.post("/v1/teams", ADMIN_A, "{\"name\":\"short-lived\"}"), 201).get("id").asText();
        String id = create(OWNER_A, "{\"name\":\"p\",\"visibility\":\"shared\",\"team_id\":\"" + team + "\"}");
        assertEquals(204, client.delete("/v1/teams/" + team, ADMIN_A).status());
        assertTrue(assertJson(client.get("/v1/projects/" + id, OWNER_A), 200).get("team_id").isNull());
        assertError(client.delete("/v1/teams/" + team, ADMIN_A), 404, "teams.not_found");
    }

    @Test
    void team_members_are_listed_and_removed() {
        String team = assertJson(client.post("/v1/teams", ADMIN_A, "{\"name\":\"m\"}"), 201).get("id").asText();
        assertEquals(204, client.put("/v1/teams/" + team + "/members/" + COLLEAGUE, ADMIN_A).status());
        assertEquals(204, client.put("/v1/teams/" + team + "/members/" + COLLEAGUE, ADMIN_A).status());
        JsonNode members = assertJson(client.get("/v1/teams/" + team + "/members", COLLEAGUE_A), 200);
        assertEquals(1, members.size());
        assertEquals(COLLEAGUE.toString(), members.get(0).get("user_id").asText());
        assertError(client.put("/v1/teams/" + team + "/members/" + OWNER, COLLEAGUE_A), 403, "auth.forbidden");
        assertEquals(204, client.delete("/v1/teams/" + team + "/members/" + COLLEAGUE, ADMIN_A).status());
        assertEquals(0, assertJson(client.get("/v1/teams/" + team + "/members", ADMIN_A), 200).size());
    }

    @Test
    void operations_endpoints_answer_without_a_token() {
        assertJson(client.get("/healthz", null), 200);
        assertJson(client.get("/readyz", null), 200);
        assertTrue(assertJson(client.get("/openapi.json", null), 200).has("paths"));
        assertError(client.get("/v1/projects", null), 401, "auth.missing_token");
    }
}
