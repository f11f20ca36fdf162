package com.arkloop.projects.adapters.http;

import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertError;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertJson;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.withoutTraceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.adapters.http.testing.ApiClient;
import com.arkloop.projects.adapters.http.testing.ApiResponse;
import com.arkloop.projects.adapters.http.testing.ApiServer;
import com.arkloop.projects.adapters.http.testing.OpenApiContract;
import com.arkloop.projects.adapters.http.testing.TestCaller;
import com.arkloop.projects.adapters.http.testing.UseCaseWiring;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /v1/api-keys} and authenticating with keys, through a started server over the in-memory fakes. */
class ApiKeyEndpointsTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.load();

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

    /** Sends, and checks the exchange against the OpenAPI document. */
    static ApiResponse send(String method, String path, String token, String json) {
        ApiResponse response = client.send(method, path, token, json);
        OpenApiContract.RecordedRequest request = OpenApiContract.request(method, path);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request = request.header("Content-Type", "application/json").body(json.getBytes(StandardCharsets.UTF_8));
        }
        CONTRACT.assertConforms(request, OpenApiContract.response(response.status(), response.headers().map(), response.body()));
        return response;
    }

    static JsonNode create(TestCaller caller, String... scopes) {
        String list = java.util.Arrays.stream(scopes).map(s -> "\"" + s + "\"").collect(Collectors.joining(","));
        return assertJson(send("POST", "/v1/api-keys", caller.token(), "{\"name\":\"ci\",\"scopes\":[" + list + "]}"), 201);
    }

    static String key(TestCaller caller, String... scopes) {
        return create(caller, scopes).get("key").asText();
    }

    static Set<String> ids(ApiResponse listing) {
        return StreamSupport.stream(assertJson(listing, 200).spliterator(), false)
                .map(key -> key.get("id").asText()).collect(Collectors.toSet());
    }

    @Test
    void creates_a_key_shown_once_with_its_prefix_scopes_and_no_use_yet() {
        ApiResponse response = send("POST", "/v1/api-keys", member.token(),
                "{\"name\":\"  CI reader \",\"scopes\":[\"data.runs.read\",\"data.projects.read\",\"data.runs.read\"]}");
        JsonNode created = assertJson(response, 201);

        assertEquals(new TreeSet<>(List.of("id", "name", "key_prefix", "scopes", "created_at", "last_used_at", "key")),
                fieldNames(created));
        String key = created.get("key").asText();
        assertTrue(key.matches("ak-[0-9a-f]{64}"), key);
        assertEquals(key.substring(0, 11), created.get("key_prefix").asText());
        assertEquals("CI reader", created.get("name").asText());
        assertEquals(List.of("data.projects.read", "data.runs.read"), texts(created.get("scopes")));
        assertTrue(created.get("last_used_at").isNull());
        assertEquals("no-store", response.header("Cache-Control"));

        JsonNode listed = assertJson(send("GET", "/v1/api-keys", member.token(), null), 200).get(0);
        assertFalse(listed.has("key"), "the plaintext is never shown again");
        assertFalse(send("GET", "/v1/api-keys", member.token(), null).bodyText().contains(key));
        assertEquals(created.get("id"), listed.get("id"));
        assertEquals(created.get("key_prefix"), listed.get("key_prefix"));
    }

    @Test
    void a_key_works_as_a_bearer_token_and_its_use_shows_in_the_listing() {
        String key = key(member, "data.projects.read", "data.api_keys.manage");

        assertJson(send("GET", "/v1/projects", key, null), 200);

        JsonNode listed = assertJson(send("GET", "/v1/api-keys", key, null), 200).get(0);
        assertTrue(listed.get("last_used_at").isTextual(), listed::toString);
    }

    @Test
    void an_api_key_cannot_mint_keys() {
        String key = key(member, "data.api_keys.manage", "data.projects.read");

        assertError(send("POST", "/v1/api-keys", key, "{\"name\":\"x\",\"scopes\":[]}"), 403, "auth.forbidden");
        // the check comes before the body is read
        assertError(send("POST", "/v1/api-keys", key, "{"), 403, "auth.forbidden");
    }

    @Test
    void scopes_must_be_known_permission_names_the_caller_holds() {
        assertError(send("POST", "/v1/api-keys", member.token(), "{\"name\":\"x\",\"scopes\":[\"data.everything\"]}"),
                422, "validation.error", "scopes");
        assertError(send("POST", "/v1/api-keys", member.token(), "{\"name\":\"x\",\"scopes\":[\"org.teams.manage\"]}"),
                403, "api_keys.scope_forbidden");
        assertEquals(List.of("org.teams.manage"), texts(create(admin, "org.teams.manage").get("scopes")));
        TestCaller narrowed = member.scoped(com.arkloop.projects.domain.access.Permission.API_KEYS_MANAGE);
        assertError(send("POST", "/v1/api-keys", narrowed.token(), "{\"name\":\"x\",\"scopes\":[\"data.projects.read\"]}"),
                403, "api_keys.scope_forbidden");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"x\"}", "{\"scopes\":[]}", "{\"name\":\"x\",\"scopes\":\"data.projects.read\"}",
            "{\"name\":\"x\",\"scopes\":[1]}", "{\"name\":\"x\",\"scopes\":[null]}", "{\"name\":\"x\",\"scopes\":[],\"role\":\"org_admin\"}",
            "{\"name\":\" \",\"scopes\":[]}", "{\"name\":5,\"scopes\":[]}", "[]", "{"})
    void bad_bodies_are_422(String body) {
        assertError(send("POST", "/v1/api-keys", member.token(), body), 422, "validation.error");
    }

    @Test
    void members_list_their_own_keys_admins_the_whole_org() {
        String mine = create(member).get("id").asText();
        String colleagues = create(TestCaller.member(org)).get("id").asText();
        String admins = create(admin).get("id").asText();
        create(TestCaller.admin(UUID.randomUUID()));

        assertEquals(Set.of(mine), ids(send("GET", "/v1/api-keys", member.token(), null)));
        assertEquals(Set.of(mine, colleagues, admins), ids(send("GET", "/v1/api-keys", admin.token(), null)));
    }

    @Test
    void revoking_a_key_the_caller_may_not_manage_is_404_like_a_missing_one() {
        String colleagues = create(TestCaller.member(org)).get("id").asText();
        String elsewhere = create(TestCaller.admin(UUID.randomUUID())).get("id").asText();

        ApiResponse missing = send("DELETE", "/v1/api-keys/" + UUID.randomUUID(), member.token(), null);
        assertError(missing, 404, "api_keys.not_found");
        for (String path : List.of("/v1/api-keys/" + colleagues, "/v1/api-keys/" + elsewhere, "/v1/api-keys/not-a-uuid")) {
            ApiResponse response = send("DELETE", path, member.token(), null);
            assertError(response, 404, "api_keys.not_found");
            assertEquals(withoutTraceId(missing), withoutTraceId(response), path);
        }
        assertError(send("DELETE", "/v1/api-keys/" + elsewhere, admin.token(), null), 404, "api_keys.not_found");
        assertEquals(204, send("DELETE", "/v1/api-keys/" + colleagues, admin.token(), null).status());
    }

    @Test
    void a_revoked_key_stops_working_at_once_and_a_second_revoke_is_404() {
        JsonNode created = create(member, "data.projects.read");
        String key = created.get("key").asText();
        assertJson(send("GET", "/v1/projects", key, null), 200);
        assertJson(send("GET", "/v1/projects", key, null), 200);

        assertEquals(204, send("DELETE", "/v1/api-keys/" + created.get("id").asText(), member.token(), null).status());

        assertError(send("GET", "/v1/projects", key, null), 401, "auth.invalid_api_key");
        assertError(send("DELETE", "/v1/api-keys/" + created.get("id").asText(), member.token(), null), 404, "api_keys.not_found");
        assertEquals(Set.of(), ids(send("GET", "/v1/api-keys", member.token(), null)));
    }

    @Test
    void unknown_malformed_and_revoked_keys_get_one_401_body() {
        JsonNode created = create(member, "data.projects.read");
        String revoked = created.get("key").asText();
        assertEquals(204, send("DELETE", "/v1/api-keys/" + created.get("id").asText(), member.token(), null).status());

        List<JsonNode> bodies = new ArrayList<>();
        for (String key : List.of(revoked, "ak-" + "0".repeat(64), "ak-", "ak-" + "A".repeat(64), "ak-" + "0".repeat(63),
                "ak-" + "0".repeat(65), "ak-" + "g".repeat(64), "ak-../../etc/passwd", "ak-' OR 1=1 --")) {
            ApiResponse response = client.get("/v1/projects", key);
            if (!key.contains(" ")) {
                assertError(response, 401, "auth.invalid_api_key");
                assertEquals("Bearer", response.header("WWW-Authenticate"));
                bodies.add(withoutTraceId(response));
            } else {
                assertError(response, 401, "auth.invalid_authorization");
            }
        }
        assertEquals(1, new java.util.HashSet<>(bodies).size(), bodies::toString);
    }

    @Test
    void a_key_acts_with_its_scopes_intersected_with_the_role() {
        String readOnly = key(admin, "data.projects.read");
        assertJson(send("GET", "/v1/projects", readOnly, null), 200);
        assertError(send("POST", "/v1/projects", readOnly, "{\"name\":\"x\"}"), 403, "auth.forbidden");
        assertError(send("GET", "/v1/teams", readOnly, null), 403, "auth.forbidden");
        assertError(send("GET", "/v1/api-keys", readOnly, null), 403, "auth.forbidden");

        String nothing = key(admin);
        assertError(send("GET", "/v1/projects", nothing, null), 403, "auth.forbidden");

        String teams = key(admin, "org.teams.manage", "org.teams.read");
        assertJson(send("POST", "/v1/teams", teams, "{\"name\":\"t\"}"), 201);
    }

    @Test
    void a_key_without_data_runs_read_cannot_read_workspace_files() {
        String project = assertJson(send("POST", "/v1/projects", member.token(), "{\"name\":\"p\"}"), 201).get("id").asText();
        String files = "/v1/projects/" + project + "/workspace/files";
        String withoutRuns = key(member, "data.projects.read", "data.projects.manage", "data.runs.write");
        String withRuns = key(member, "data.projects.read", "data.runs.read");

        assertError(client.get(files, withoutRuns), 403, "auth.forbidden");
        assertError(client.get("/v1/projects/" + project + "/workspace/file?path=/a.txt", withoutRuns), 403, "auth.forbidden");
        assertJson(client.get(files, withRuns), 200);
    }

    private static TreeSet<String> fieldNames(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
