package com.arkloop.projects.adapters.http;

import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertError;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertJson;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertTraceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.adapters.http.testing.ApiClient;
import com.arkloop.projects.adapters.http.testing.ApiResponse;
import com.arkloop.projects.adapters.http.testing.ApiServer;
import com.arkloop.projects.adapters.http.testing.TestCaller;
import com.arkloop.projects.adapters.http.testing.UseCaseWiring;
import com.arkloop.projects.domain.access.Permission;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProjectEndpointsTest {

    private static final Pattern NEXT_LINK = Pattern.compile("<(/v1/projects\\?limit=(\\d+)&cursor=([A-Za-z0-9_-]+))>; rel=\"next\"");
    private static final Pattern RFC3339_UTC = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    private static final Pattern LOWER_UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final UUID org = UUID.randomUUID();
    private final TestCaller admin = TestCaller.admin(org);
    private final TestCaller member = TestCaller.member(org);
    /** One server for the class: every test works in a fresh org, and orgs never see each other. */
    private static ApiServer server;
    private static ApiClient client;

    @BeforeAll
    static void start() {
        server = ApiServer.start(UseCaseWiring.inMemory());
        client = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private JsonNode create(TestCaller caller, String json) {
        return assertJson(client.post("/v1/projects", caller.token(), json), 201);
    }

    private String createTeam(String name) {
        return assertJson(client.post("/v1/teams", admin.token(), "{\"name\":\"" + name + "\"}"), 201).get("id").asText();
    }

    @Test
    void creating_a_project_answers_201_with_location_and_every_field() {
        ApiResponse response = client.post("/v1/projects", member.token(),
                "{\"name\":\"  Legal Counsel Project \",\"description\":\"contracts\"}");

        JsonNode body = assertJson(response, 201);
        String id = body.get("id").asText();
        assertEquals("/v1/projects/" + id, response.header("Location"));
        assertEquals(Set.of("id", "org_id", "team_id", "owner_user_id", "name", "description", "visibility",
                "created_at", "updated_at"), fieldNames(body));
        assertTrue(LOWER_UUID.matcher(id).matches());
        assertEquals(org.toString(), body.get("org_id").asText());
        assertTrue(body.get("team_id").isNull());
        assertEquals(member.userId().toString(), body.get("owner_user_id").asText());
        assertEquals("Legal Counsel Project", body.get("name").asText());
        assertEquals("contracts", body.get("description").asText());
        assertEquals("private", body.get("visibility").asText());
        assertTrue(RFC3339_UTC.matcher(body.get("created_at").asText()).matches(), body::toString);
        assertEquals(body.get("created_at"), body.get("updated_at"));
    }

    @Test
    void a_project_without_description_shows_it_as_null() {
        JsonNode body = create(member, "{\"name\":\"n\",\"description\":null,\"team_id\":null,\"visibility\":\"shared\"}");

        assertTrue(body.get("description").isNull());
        assertTrue(body.get("team_id").isNull());
        assertEquals("shared", body.get("visibility").asText());
    }

    @Test
    void a_project_can_be_shared_with_a_team_of_the_org_given_in_any_case() {
        String team = createTeam("Legal");

        JsonNode body = create(member, "{\"name\":\"n\",\"team_id\":\"" + team.toUpperCase() + "\",\"visibility\":\"shared\"}");

        assertEquals(team, body.get("team_id").asText());
    }

    @Test
    void a_team_of_another_org_or_none_is_a_422_on_team_id() {
        String otherOrgTeam = assertJson(client.post("/v1/teams", TestCaller.admin(UUID.randomUUID()).token(),
                "{\"name\":\"theirs\"}"), 201).get("id").asText();

        assertError(client.post("/v1/projects", member.token(), "{\"name\":\"n\",\"team_id\":\"" + otherOrgTeam + "\"}"),
                422, "validation.error", "team_id");
        assertError(client.post("/v1/projects", member.token(), "{\"name\":\"n\",\"team_id\":\"" + UUID.randomUUID() + "\"}"),
                422, "validation.error", "team_id");
    }

    @Test
    void getting_a_project_returns_what_creating_it_returned() {
        JsonNode created = create(member, "{\"name\":\"n\"}");

        ApiResponse response = client.get("/v1/projects/" + created.get("id").asText(), member.token());

        assertEquals(created, assertJson(response, 200));
    }

    @Test
    void an_uppercase_project_id_finds_the_project() {
        String id = create(member, "{\"name\":\"n\"}").get("id").asText();

        assertEquals(id, assertJson(client.get("/v1/projects/" + id.toUpperCase(), member.token()), 200).get("id").asText());
    }

    @Test
    void head_answers_like_get_without_a_body() {
        String id = create(member, "{\"name\":\"n\"}").get("id").asText();

        ApiResponse response = client.send("HEAD", "/v1/projects/" + id, member.token(), null);

        assertEquals(200, response.status());
        assertTraceId(response);
        assertEquals(0, response.body().length);
        assertEquals(401, client.send("HEAD", "/v1/projects/" + id, null, null).status());
    }

    @Test
    void listing_returns_the_visible_projects_oldest_first() {
        String first = create(member, "{\"name\":\"first\"}").get("id").asText();
        String second = create(admin, "{\"name\":\"second\",\"visibility\":\"shared\"}").get("id").asText();
        create(admin, "{\"name\":\"admin's private\"}");

        ApiResponse response = client.get("/v1/projects", member.token());

        JsonNode body = assertJson(response, 200);
        assertEquals(List.of(first, second), ids(body));
        assertNull(response.header("Link"));
    }

    @Test
    void listing_pages_with_limit_and_a_next_link_until_the_end() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(create(member, "{\"name\":\"p" + i + "\"}").get("id").asText());
        }

        List<String> seen = new ArrayList<>();
        String path = "/v1/projects?limit=2";
        int pages = 0;
        while (path != null) {
            ApiResponse response = client.get(path, member.token());
            seen.addAll(ids(assertJson(response, 200)));
            pages++;
            String link = response.header("Link");
            if (link == null) {
                path = null;
            } else {
                Matcher next = NEXT_LINK.matcher(link);
                assertTrue(next.matches(), link);
                assertEquals("2", next.group(2));
                path = next.group(1);
            }
        }

        assertEquals(created, seen);
        assertEquals(3, pages);
    }

    @Test
    void a_full_last_page_has_no_next_link() {
        create(member, "{\"name\":\"a\"}");
        create(member, "{\"name\":\"b\"}");

        ApiResponse response = client.get("/v1/projects?limit=2", member.token());

        assertEquals(2, assertJson(response, 200).size());
        assertNull(response.header("Link"));
    }

    @Test
    void limits_of_1_and_1000_are_accepted() {
        create(member, "{\"name\":\"a\"}");
        create(member, "{\"name\":\"b\"}");

        assertEquals(1, assertJson(client.get("/v1/projects?limit=1", member.token()), 200).size());
        assertEquals(2, assertJson(client.get("/v1/projects?limit=1000", member.token()), 200).size());
    }

    @Test
    void patch_changes_only_the_fields_given() {
        JsonNode created = create(member, "{\"name\":\"n\",\"description\":\"d\"}");
        String id = created.get("id").asText();

        JsonNode updated = assertJson(client.patch("/v1/projects/" + id, member.token(), "{\"name\":\" renamed \"}"), 200);

        assertEquals("renamed", updated.get("name").asText());
        assertEquals("d", updated.get("description").asText());
        assertEquals("private", updated.get("visibility").asText());
        assertEquals(created.get("created_at"), updated.get("created_at"));
        assertTrue(updated.get("updated_at").asText().compareTo(created.get("updated_at").asText()) > 0);
        assertEquals(updated, assertJson(client.get("/v1/projects/" + id, member.token()), 200));
    }

    @Test
    void patch_with_explicit_null_clears_description_and_team() {
        String team = createTeam("t");
        String id = create(member, "{\"name\":\"n\",\"description\":\"d\",\"team_id\":\"" + team + "\"}").get("id").asText();

        JsonNode updated = assertJson(client.patch("/v1/projects/" + id, member.token(),
                "{\"description\":null,\"team_id\":null}"), 200);

        assertTrue(updated.get("description").isNull());
        assertTrue(updated.get("team_id").isNull());
        assertEquals("n", updated.get("name").asText());
    }

    @Test
    void patch_refuses_null_name_or_visibility() {
        String id = create(member, "{\"name\":\"n\"}").get("id").asText();

        assertError(client.patch("/v1/projects/" + id, member.token(), "{\"name\":null}"), 422, "validation.error", "name");
        assertError(client.patch("/v1/projects/" + id, member.token(), "{\"visibility\":null}"), 422, "validation.error", "visibility");
        assertError(client.patch("/v1/projects/" + id, member.token(), "{\"name\":\"   \"}"), 422, "validation.error", "name");
    }

    @Test
    void a_member_who_sees_but_does_not_own_a_project_may_not_change_or_delete_it() {
        String id = create(admin, "{\"name\":\"n\",\"visibility\":\"shared\"}").get("id").asText();

        assertError(client.patch("/v1/projects/" + id, member.token(), "{\"name\":\"x\"}"), 403, "auth.forbidden");
        assertError(client.delete("/v1/projects/" + id, member.token()), 403, "auth.forbidden");
    }

    @Test
    void an_admin_may_change_and_delete_a_members_private_project() {
        String id = create(member, "{\"name\":\"n\"}").get("id").asText();

        assertEquals("x", assertJson(client.patch("/v1/projects/" + id, admin.token(), "{\"name\":\"x\"}"), 200).get("name").asText());
        assertEquals(204, client.delete("/v1/projects/" + id, admin.token()).status());
    }

    @Test
    void deleting_answers_204_then_the_project_is_gone() {
        String id = create(member, "{\"name\":\"n\"}").get("id").asText();

        ApiResponse deleted = client.delete("/v1/projects/" + id, member.token());

        assertEquals(204, deleted.status());
        assertTraceId(deleted);
        assertEquals(0, deleted.body().length);
        assertError(client.get("/v1/projects/" + id, member.token()), 404, "projects.not_found");
        assertError(client.delete("/v1/projects/" + id, member.token()), 404, "projects.not_found");
        assertEquals(0, assertJson(client.get("/v1/projects", member.token()), 200).size());
    }

    @Test
    void a_read_only_caller_can_read_but_not_write() {
        String id = create(member, "{\"name\":\"n\"}").get("id").asText();
        TestCaller readOnly = member.scoped(Permission.PROJECTS_READ);

        assertJson(client.get("/v1/projects/" + id, readOnly.token()), 200);
        assertError(client.post("/v1/projects", readOnly.token(), "{\"name\":\"n\"}"), 403, "auth.forbidden");
        assertError(client.patch("/v1/projects/" + id, readOnly.token(), "{\"name\":\"x\"}"), 403, "auth.forbidden");
        assertError(client.delete("/v1/projects/" + id, readOnly.token()), 403, "auth.forbidden");
    }

    @Test
    void permission_is_checked_before_ids_queries_and_bodies() {
        TestCaller nothing = member.scoped();

        assertError(client.get("/v1/projects/not-a-uuid", nothing.token()), 403, "auth.forbidden");
        assertError(client.get("/v1/projects?limit=abc", nothing.token()), 403, "auth.forbidden");
        assertError(client.post("/v1/projects", nothing.token(), "{oops"), 403, "auth.forbidden");
        assertError(client.patch("/v1/projects/not-a-uuid", member.scoped(Permission.PROJECTS_READ).token(), "{oops"),
                403, "auth.forbidden");
        assertError(client.get("/v1/projects/not-a-uuid", null), 401, "auth.missing_token");
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(project -> ids.add(project.get("id").asText()));
        return ids;
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
