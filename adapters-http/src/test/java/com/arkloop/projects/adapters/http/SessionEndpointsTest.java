package com.arkloop.projects.adapters.http;

import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertError;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.adapters.http.testing.ApiClient;
import com.arkloop.projects.adapters.http.testing.ApiResponse;
import com.arkloop.projects.adapters.http.testing.ApiServer;
import com.arkloop.projects.adapters.http.testing.OpenApiContract;
import com.arkloop.projects.adapters.http.testing.TestCaller;
import com.arkloop.projects.adapters.http.testing.UseCaseWiring;
import com.arkloop.projects.domain.access.Permission;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions over HTTP, and what they make {@code GET …/workspace} report. */
class SessionEndpointsTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.load();

    private static ApiServer server;
    private static ApiClient client;

    private final UUID org = UUID.randomUUID();
    private final TestCaller member = TestCaller.member(org);
    private String project;

    @BeforeAll
    static void start() {
        server = ApiServer.start(UseCaseWiring.inMemoryWorkspaces().dependencies());
        client = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void createProject() {
        project = assertJson(client.post("/v1/projects", member.token(), "{\"name\":\"p\",\"visibility\":\"shared\"}"), 201)
                .get("id").asText();
    }

    private String sessions() {
        return "/v1/projects/" + project + "/workspace/sessions";
    }

    private ApiResponse conforming(String method, String target, String json) {
        ApiResponse response = client.send(method, target, member.token(), json);
        OpenApiContract.RecordedRequest request = OpenApiContract.request(method, target)
                .header("Authorization", "Bearer " + member.token());
        if (json != null) {
            request = request.header("Content-Type", "application/json").body(json);
        }
        CONTRACT.assertConforms(request, OpenApiContract.response(response.status(), response.headers().map(), response.body()));
        return response;
    }

    private JsonNode workspace() {
        return assertJson(client.get("/v1/projects/" + project + "/workspace", member.token()), 200);
    }

    @Test
    void sessions_make_the_workspace_active_with_the_most_recently_used_live_one_and_idle_when_all_are_closed() {
        assertEquals("idle", workspace().get("status").asText());

        JsonNode shell = assertJson(conforming("POST", sessions(), "{\"session_type\":\"shell\"}"), 201);
        assertTrue(shell.get("session_ref").asText().startsWith("shref_"));
        assertEquals("ready", shell.get("state").asText());
        assertEquals(shell.get("created_at"), shell.get("last_used_at"));
        JsonNode active = workspace();
        assertEquals("active", active.get("status").asText());
        assertEquals(shell.get("session_ref"), active.get("active_session").get("session_ref"));

        JsonNode browser = assertJson(conforming("POST", sessions(), "{\"session_type\":\"browser\"}"), 201);
        assertTrue(browser.get("session_ref").asText().startsWith("brref_"));
        assertEquals(browser.get("session_ref"), workspace().get("active_session").get("session_ref"));

        String shellRef = shell.get("session_ref").asText();
        JsonNode busy = assertJson(conforming("PATCH", sessions() + "/" + shellRef, "{\"state\":\"busy\"}"), 200);
        assertEquals("busy", busy.get("state").asText());
        assertTrue(busy.get("last_used_at").asText().compareTo(shell.get("last_used_at").asText()) > 0);
        active = workspace().get("active_session");
        assertEquals(shellRef, active.get("session_ref").asText());
        assertEquals("busy", active.get("state").asText());

        assertEquals(204, conforming("DELETE", sessions() + "/" + shellRef, null).status());
        assertEquals(browser.get("session_ref"), workspace().get("active_session").get("session_ref"));
        assertEquals(204, client.delete(sessions() + "/" + browser.get("session_ref").asText(), member.token()).status());
        JsonNode idle = workspace();
        assertEquals("idle", idle.get("status").asText());
        assertTrue(idle.get("active_session").isNull());

        assertError(conforming("PATCH", sessions() + "/" + shellRef, "{\"state\":\"ready\"}"), 404, "sessions.not_found");
        assertError(conforming("DELETE", sessions() + "/" + shellRef, null), 404, "sessions.not_found");
    }

    @Test
    void a_bad_type_or_state_is_422_and_an_unknown_or_foreign_session_is_404() {
        assertError(conforming("POST", sessions(), "{\"session_type\":\"Shell\"}"), 422, "validation.error", "session_type");
        assertError(client.post(sessions(), member.token(), "{}"), 422, "validation.error", "session_type");
        assertError(client.post(sessions(), member.token(), "{\"session_type\":\"shell\",\"x\":1}"), 422, "validation.error", "x");
        String ref = assertJson(client.post(sessions(), member.token(), "{\"session_type\":\"shell\"}"), 201)
                .get("session_ref").asText();
        assertError(conforming("PATCH", sessions() + "/" + ref, "{\"state\":\"closed\"}"), 422, "validation.error", "state");
        assertError(client.patch(sessions() + "/" + ref, member.token(), "{\"state\":5}"), 422, "validation.error", "state");

        assertError(client.patch(sessions() + "/shref_" + "0".repeat(32), member.token(), "{\"state\":\"busy\"}"),
                404, "sessions.not_found");
        assertError(client.delete(sessions() + "/not-a-ref", member.token()), 404, "sessions.not_found");
        TestCaller colleague = TestCaller.member(org);
        assertError(client.delete(sessions() + "/" + ref, colleague.token()), 404, "sessions.not_found");
        assertError(client.patch(sessions() + "/" + ref, colleague.token(), "{\"state\":\"busy\"}"), 404, "sessions.not_found");
        TestCaller stranger = TestCaller.member(UUID.randomUUID());
        assertError(client.post(sessions(), stranger.token(), "{\"session_type\":\"shell\"}"), 404, "projects.not_found");
        assertEquals("active", workspace().get("status").asText());
    }

    @Test
    void sessions_need_data_runs_write() {
        TestCaller reader = member.scoped(Permission.PROJECTS_READ, Permission.RUNS_READ);

        assertError(client.post(sessions(), reader.token(), "{\"session_type\":\"shell\"}"), 403, "auth.forbidden");
        assertError(client.delete(sessions() + "/x", reader.token()), 403, "auth.forbidden");
    }
}
