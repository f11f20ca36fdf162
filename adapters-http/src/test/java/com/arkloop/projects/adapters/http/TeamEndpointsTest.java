package com.arkloop.projects.adapters.http;

import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertError;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertJson;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertTraceId;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.withoutTraceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.adapters.http.testing.ApiClient;
import com.arkloop.projects.adapters.http.testing.ApiResponse;
import com.arkloop.projects.adapters.http.testing.ApiServer;
import com.arkloop.projects.adapters.http.testing.TestCaller;
import com.arkloop.projects.adapters.http.testing.UseCaseWiring;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TeamEndpointsTest {

    private static ApiServer server;
    private static ApiClient client;

    private final UUID org = UUID.randomUUID();
    private final TestCaller admin = TestCaller.admin(org);
    private final TestCaller member = TestCaller.member(org);

    @BeforeAll
    static void start() {
        server = ApiServer.start(UseCaseWiring.inMemory());
        client = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private String createTeam(String name) {
        return assertJson(client.post("/v1/teams", admin.token(), "{\"name\":\"" + name + "\"}"), 201).get("id").asText();
    }

    private static void assertNoContent(ApiResponse response) {
        assertEquals(204, response.status(), response::toString);
        assertTraceId(response);
        assertEquals(0, response.body().length);
    }

    @Test
    void creating_a_team_answers_201_with_its_fields() {
        JsonNode team = assertJson(client.post("/v1/teams", admin.token(), "{\"name\":\"  Legal  \"}"), 201);

        assertEquals(4, team.size());
        assertEquals("Legal", team.get("name").asText());
        assertEquals(org.toString(), team.get("org_id").asText());
        assertTrue(team.get("id").asText().matches("[0-9a-f-]{36}"));
        assertTrue(team.get("created_at").asText().endsWith("Z"));
    }

    @Test
    void team_names_must_be_1_to_100_characters_after_stripping() {
        assertError(client.post("/v1/teams", admin.token(), "{\"name\":\"   \"}"), 422, "validation.error", "name");
        assertError(client.post("/v1/teams", admin.token(), "{\"name\":\"" + "x".repeat(101) + "\"}"), 422, "validation.error", "name");
        assertError(client.post("/v1/teams", admin.token(), "{}"), 422, "validation.error", "name");
        assertError(client.post("/v1/teams", admin.token(), "{\"name\":\"t\",\"color\":\"red\"}"), 422, "validation.error", "color");
        assertJson(client.post("/v1/teams", admin.token(), "{\"name\":\"" + "x".repeat(100) + "\"}"), 201);
    }

    @Test
    void members_can_list_teams_but_not_manage_them() {
        String team = createTeam("t");

        assertEquals(1, assertJson(client.get("/v1/teams", member.token()), 200).size());
        assertJson(client.get("/v1/teams/" + team + "/members", member.token()), 200);
        assertError(client.post("/v1/teams", member.token(), "{\"name\":\"x\"}"), 403, "auth.forbidden");
        assertError(client.delete("/v1/teams/" + team, member.token()), 403, "auth.forbidden");
        assertError(client.put("/v1/teams/" + team + "/members/" + member.userId(), member.token()), 403, "auth.forbidden");
        assertError(client.delete("/v1/teams/" + team + "/members/" + member.userId(), member.token()), 403, "auth.forbidden");
    }

    @Test
    void teams_are_listed_oldest_first_and_only_of_the_callers_org() {
        String first = createTeam("a");
        String second = createTeam("b");
        client.post("/v1/teams", TestCaller.admin(UUID.randomUUID()).token(), "{\"name\":\"elsewhere\"}");

        JsonNode teams = assertJson(client.get("/v1/teams", member.token()), 200);

        List<String> ids = new ArrayList<>();
        teams.forEach(team -> ids.add(team.get("id").asText()));
        assertEquals(List.of(first, second), ids);
    }

    @Test
    void adding_a_member_is_idempotent_and_keeps_the_first_added_at() {
        String team = createTeam("t");
        String path = "/v1/teams/" + team + "/members/" + member.userId();

        assertNoContent(client.put(path, admin.token()));
        JsonNode before = assertJson(client.get("/v1/teams/" + team + "/members", admin.token()), 200);
        assertNoContent(client.put(path, admin.token()));
        JsonNode after = assertJson(client.get("/v1/teams/" + team + "/members", admin.token()), 200);

        assertEquals(1, after.size());
        assertEquals(member.userId().toString(), after.get(0).get("user_id").asText());
        assertEquals(2, after.get(0).size());
        assertEquals(before, after);
    }

    @Test
    void removing_a_member_answers_204_even_when_not_a_member() {
        String team = createTeam("t");
        String path = "/v1/teams/" + team + "/members/" + member.userId();
        client.put(path, admin.token());

        assertNoContent(client.delete(path, admin.token()));
        assertNoContent(client.delete(path, admin.token()));
        assertEquals(0, assertJson(client.get("/v1/teams/" + team + "/members", admin.token()), 200).size());
    }

    @Test
    void deleting_a_team_keeps_its_projects_without_a_team() {
        String team = createTeam("t");
        String project = assertJson(client.post("/v1/projects", member.token(),
                "{\"name\":\"p\",\"team_id\":\"" + team + "\",\"visibility\":\"shared\"}"), 201).get("id").asText();

        assertNoContent(client.delete("/v1/teams/" + team, admin.token()));

        assertTrue(assertJson(client.get("/v1/projects/" + project, member.token()), 200).get("team_id").isNull());
        assertError(client.delete("/v1/teams/" + team, admin.token()), 404, "teams.not_found");
        assertError(client.get("/v1/teams/" + team + "/members", admin.token()), 404, "teams.not_found");
    }

    @Test
    void a_team_of_another_org_looks_exactly_like_no_team() {
        String theirs = assertJson(client.post("/v1/teams", TestCaller.admin(UUID.randomUUID()).token(),
                "{\"name\":\"theirs\"}"), 201).get("id").asText();
        String nobody = UUID.randomUUID().toString();

        for (String id : List.of(theirs, nobody, "not-a-uuid")) {
            ApiResponse members = client.get("/v1/teams/" + id + "/members", admin.token());
            assertError(members, 404, "teams.not_found");
            assertError(client.delete("/v1/teams/" + id, admin.token()), 404, "teams.not_found");
            assertError(client.put("/v1/teams/" + id + "/members/" + member.userId(), admin.token()), 404, "teams.not_found");
            assertError(client.delete("/v1/teams/" + id + "/members/" + member.userId(), admin.token()), 404, "teams.not_found");
            assertEquals(withoutTraceId(client.get("/v1/teams/" + nobody + "/members", admin.token())), withoutTraceId(members));
        }
    }

    @Test
    void a_user_id_that_is_not_a_uuid_is_a_422_naming_user_id() {
        String team = createTeam("t");

        assertError(client.put("/v1/teams/" + team + "/members/bob", admin.token()), 422, "validation.error", "user_id");
        assertError(client.delete("/v1/teams/" + team + "/members/bob", admin.token()), 422, "validation.error", "user_id");
    }
}
