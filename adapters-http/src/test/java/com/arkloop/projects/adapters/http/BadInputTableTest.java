package com.arkloop.projects.adapters.http;

import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertError;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertJson;

import com.arkloop.projects.adapters.http.testing.ApiClient;
import com.arkloop.projects.adapters.http.testing.ApiResponse;
import com.arkloop.projects.adapters.http.testing.ApiServer;
import com.arkloop.projects.adapters.http.testing.TestCaller;
import com.arkloop.projects.adapters.http.testing.UseCaseWiring;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input of every kind gets the contract's 4xx with a field named, never a 500. */
class BadInputTableTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final TestCaller ADMIN = TestCaller.admin(ORG);
    private static final String BIG = "x".repeat(64 * 1024);

    private static ApiServer server;
    private static ApiClient client;
    private static String project;
    private static String team;

    @BeforeAll
    static void start() {
        server = ApiServer.start(UseCaseWiring.inMemory());
        client = server.client();
        project = assertJson(client.post("/v1/projects", ADMIN.token(), "{\"name\":\"p\"}"), 201).get("id").asText();
        team = assertJson(client.post("/v1/teams", ADMIN.token(), "{\"name\":\"t\"}"), 201).get("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** method, path ({project}/{team} substituted), body, status, code, field named in details (or null). */
    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("POST", "/v1/projects", "{\"name\":", 422, "validation.error", "body"),
                bad("POST", "/v1/projects", "{'name':'x'}", 422, "validation.error", "body"),
                bad("POST", "/v1/projects", "{\"name\":\"a\"} {}", 422, "validation.error", "body"),
                bad("POST", "/v1/projects", "{\"name\":\"a\",\"name\":\"b\"}", 422, "validation.error", "body"),
                bad("POST", "/v1/projects", "", 422, "validation.error", "body"),
                bad("POST", "/v1/projects", "[]", 422, "validation.error", "body"),
                bad("POST", "/v1/projects", "\"name\"", 422, "validation.error", "body"),
                bad("POST", "/v1/projects", "null", 422, "validation.error", "body"),
                bad("POST", "/v1/projects", "[".repeat(5000) + "]".repeat(5000), 422, "validation.error", "body"),
                bad("POST", "/v1/projects", "{}", 422, "validation.error", "name"),
                bad("POST", "/v1/projects", "{\"name\":null}", 422, "validation.error", "name"),
                bad("POST", "/v1/projects", "{\"name\":5}", 422, "validation.error", "name"),
                bad("POST", "/v1/projects", "{\"name\":[\"a\"]}", 422, "validation.error", "name"),
                bad("POST", "/v1/projects", "{\"name\":\"\"}", 422, "validation.error", "name"),
                bad("POST", "/v1/projects", "{\"name\":\"" + "n".repeat(201) + "\"}", 422, "validation.error", "name"),
                bad("POST", "/v1/projects", "{\"name\":\"a\\u0000b\"}", 422, "validation.error", "name"),
                bad("POST", "/v1/projects", "{\"name\":\"\\ud800\"}", 422, "validation.error", "name"),
                bad("POST", "/v1/projects", "{\"name\":\"a\",\"description\":7}", 422, "validation.error", "description"),
                bad("POST", "/v1/projects", "{\"name\":\"a\",\"description\":\"" + "d".repeat(10_001) + "\"}", 422, "validation.error", "description"),
                bad("POST", "/v1/projects", "{\"name\":\"a\",\"visibility\":true}", 422, "validation.error", "visibility"),
                bad("POST", "/v1/projects", "{\"name\":\"a\",\"visibility\":\"Private\"}", 422, "validation.error", "visibility"),
                bad("POST", "/v1/projects", "{\"name\":\"a\",\"visibility\":null}", 422, "validation.error", "visibility"),
                bad("POST", "/v1/projects", "{\"name\":\"a\",\"team_id\":\"team\"}", 422, "validation.error", "team_id"),
                bad("POST", "/v1/projects", "{\"name\":\"a\",\"team_id\":42}", 422, "validation.error", "team_id"),
                bad("POST", "/v1/projects", "{\"name\":\"a\",\"owner_user_id\":\"" + UUID.randomUUID() + "\"}", 422, "validation.error", "owner_user_id"),
                bad("POST", "/v1/projects", "{\"name\":\"" + BIG + "\"}", 413, "request.too_large", "body"),
                bad("PATCH", "/v1/projects/{project}", "{\"id\":\"x\"}", 422, "validation.error", "id"),
                bad("PATCH", "/v1/projects/{project}", "{\"name\":5}", 422, "validation.error", "name"),
                bad("PATCH", "/v1/projects/{project}", "{\"visibility\":\"public\"}", 422, "validation.error", "visibility"),
                bad("PATCH", "/v1/projects/{project}", "{\"description\":{}}", 422, "validation.error", "description"),
                bad("PATCH", "/v1/projects/{project}", "nope", 422, "validation.error", "body"),
                bad("PATCH", "/v1/projects/{project}", "{\"description\":\"" + BIG + "\"}", 413, "request.too_large", "body"),
                bad("POST", "/v1/teams", "{\"name\":1}", 422, "validation.error", "name"),
                bad("POST", "/v1/teams", "{\"name\":\"t\",\"org_id\":\"x\"}", 422, "validation.error", "org_id"),
                bad("POST", "/v1/teams", "{", 422, "validation.error", "body"),
                bad("GET", "/v1/projects/not-a-uuid", null, 404, "projects.not_found", null),
                bad("GET", "/v1/projects/1-1-1-1-1", null, 404, "projects.not_found", null),
                // Jetty refuses a NUL in a path before routing: still the envelope, never a 500.
                bad("GET", "/v1/projects/%00", null, 400, "http.bad_request", null),
                bad("PATCH", "/v1/projects/not-a-uuid", "{\"name\":\"x\"}", 404, "projects.not_found", null),
                bad("DELETE", "/v1/projects/" + "9".repeat(300), null, 404, "projects.not_found", null),
                bad("DELETE", "/v1/teams/not-a-uuid", null, 404, "teams.not_found", null),
                bad("GET", "/v1/teams/not-a-uuid/members", null, 404, "teams.not_found", null),
                bad("PUT", "/v1/teams/{team}/members/not-a-uuid", null, 422, "validation.error", "user_id"),
                bad("GET", "/v1/projects?limit=0", null, 400, "validation.error", "limit"),
                bad("GET", "/v1/projects?limit=1001", null, 400, "validation.error", "limit"),
                bad("GET", "/v1/projects?limit=-1", null, 400, "validation.error", "limit"),
                bad("GET", "/v1/projects?limit=abc", null, 400, "validation.error", "limit"),
                bad("GET", "/v1/projects?limit=1.5", null, 400, "validation.error", "limit"),
                bad("GET", "/v1/projects?limit=", null, 400, "validation.error", "limit"),
                bad("GET", "/v1/projects?limit=99999999999999999999", null, 400, "validation.error", "limit"),
                bad("GET", "/v1/projects?limit=1&limit=2", null, 400, "validation.error", "limit"),
                bad("GET", "/v1/projects?cursor=", null, 400, "validation.error", "cursor"),
                bad("GET", "/v1/projects?cursor=garbage!", null, 400, "validation.error", "cursor"),
                bad("GET", "/v1/projects?cursor=MTIz", null, 400, "validation.error", "cursor"),
                bad("GET", "/v1/projects?cursor=a&cursor=b", null, 400, "validation.error", "cursor"));
    }

    private static Arguments bad(String method, String path, String body, int status, String code, String field) {
        return Arguments.of(method, path, body, status, code, field);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4} {5}")
    @MethodSource("badInputs")
    void bad_input_gets_the_contracts_4xx(String method, String path, String body, int status, String code, String field) {
        String resolved = path.replace("{project}", project).replace("{team}", team);
        ApiResponse response = client.send(method, resolved, body == null ? Map.of() : Map.of("Content-Type", "application/json"),
                "Bearer " + ADMIN.token(), body == null ? null : body.getBytes(StandardCharsets.UTF_8));

        if (field == null) {
            assertError(response, status, code);
        } else {
            assertError(response, status, code, field);
        }
    }

    @Test
    void invalid_utf8_in_a_body_is_malformed_json() {
        byte[] body = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertError(client.send("POST", "/v1/projects", Map.of(), "Bearer " + ADMIN.token(), body), 422, "validation.error", "body");
    }

    @Test
    void a_body_without_content_type_is_read_as_json() {
        ApiResponse response = client.send("POST", "/v1/projects", Map.of(), "Bearer " + ADMIN.token(),
                "{\"name\":\"no type\"}".getBytes(StandardCharsets.UTF_8));

        assertJson(response, 201);
    }

    @Test
    void every_problem_of_a_body_is_named_at_once() {
        ApiResponse response = client.post("/v1/projects", ADMIN.token(),
                "{\"name\":1,\"visibility\":\"PUBLIC\",\"team_id\":\"x\",\"colour\":\"red\"}");

        var details = assertError(response, 422, "validation.error").get("details");
        org.junit.jupiter.api.Assertions.assertEquals(4, details.size(), response::toString);
    }

    @Test
    void a_content_length_over_the_cap_is_refused_before_reading() {
        byte[] body = ("{\"name\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        assertError(client.send("POST", "/v1/projects", Map.of(), "Bearer " + ADMIN.token(), body), 413, "request.too_large");
    }
}
