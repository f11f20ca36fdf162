package com.arkloop.projects.adapters.http.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.adapters.http.testing.OpenApiContract.RecordedRequest;
import com.arkloop.projects.adapters.http.testing.OpenApiContract.RecordedResponse;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The hand-written document is valid OpenAPI, lists what the server serves, and its validator catches drift. */
class OpenApiDocumentTest {

    static final OpenApiContract CONTRACT = OpenApiContract.load();

    static final String TOKEN = "Bearer ak-" + "0".repeat(64);
    static final String TRACE = "0123456789abcdef0123456789abcdef";
    static final String PROJECT_ID = "44444444-4444-4444-4444-444444444444";
    static final String PROJECT = """
            {"id": "44444444-4444-4444-4444-444444444444", "org_id": "11111111-1111-1111-1111-111111111111",
             "team_id": null, "owner_user_id": "22222222-2222-2222-2222-222222222222",
             "name": "Legal Counsel Project", "description": null, "visibility": "private",
             "created_at": "2024-01-01T00:00:00Z", "updated_at": "2024-01-01T00:00:00.123456Z"}""";
    static final String NOT_FOUND = "{\"code\": \"projects.not_found\", \"message\": \"project not found\", \"trace_id\": \"" + TRACE + "\"}";

    // ---------------------------------------------------------------- the document itself

    @Test
    void the_document_is_valid_openapi_3_0_3() throws IOException {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document());

        assertEquals(List.of(), result.getMessages());
        assertEquals("3.0.3", result.getOpenAPI().getOpenapi());
    }

    @Test
    void the_document_lists_exactly_the_endpoints_of_this_delivery() throws IOException {
        OpenAPI api = new OpenAPIV3Parser().readContents(document()).getOpenAPI();
        TreeSet<String> operations = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet().forEach(method -> operations.add(method + " " + path)));

        assertEquals(new TreeSet<>(List.of(
                "GET /healthz", "GET /readyz", "GET /openapi.json", "GET /metrics",
                "GET /v1/projects", "POST /v1/projects",
                "GET /v1/projects/{project_id}", "PATCH /v1/projects/{project_id}", "DELETE /v1/projects/{project_id}",
                "GET /v1/projects/{project_id}/workspace", "GET /v1/projects/{project_id}/workspace/files",
                "GET /v1/projects/{project_id}/workspace/file", "HEAD /v1/projects/{project_id}/workspace/file",
                "PUT /v1/projects/{project_id}/workspace/file", "DELETE /v1/projects/{project_id}/workspace/file",
                "POST /v1/projects/{project_id}/workspace/snapshot", "GET /v1/projects/{project_id}/workspace/revisions",
                "POST /v1/projects/{project_id}/workspace/sessions",
                "PATCH /v1/projects/{project_id}/workspace/sessions/{session_ref}",
                "DELETE /v1/projects/{project_id}/workspace/sessions/{session_ref}",
                "GET /v1/teams", "POST /v1/teams", "DELETE /v1/teams/{team_id}",
                "GET /v1/teams/{team_id}/members",
                "PUT /v1/teams/{team_id}/members/{user_id}", "DELETE /v1/teams/{team_id}/members/{user_id}",
                "POST /v1/api-keys", "GET /v1/api-keys", "DELETE /v1/api-keys/{api_key_id}")), operations);
    }

    @Test
    void every_response_carries_x_trace_id_every_v1_operation_needs_a_bearer_token_and_documents_401_403_503_and_errors_use_the_error_schema() throws IOException {
        OpenAPI api = new OpenAPIV3Parser().readContents(document(), null, null).getOpenAPI();
        List<String> problems = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = method + " " + path;
            operation.getResponses().forEach((status, response) -> {
                var resolved = response.get$ref() == null ? response
                        : api.getComponents().getResponses().get(response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1));
                if (resolved.getHeaders() == null || !resolved.getHeaders().containsKey("X-Trace-Id")) {
                    problems.add(name + " " + status + " has no X-Trace-Id");
                }
                if (status.startsWith("4") || status.startsWith("5")) {
                    String schema = resolved.getContent().get("application/json").getSchema().get$ref();
                    if (!"#/components/schemas/Error".equals(schema)) {
                        problems.add(name + " " + status + " does not use the Error schema");
                    }
                }
            });
            if (path.startsWith("/v1/")) {
                for (String status : List.of("401", "403", "503")) {
                    if (!operation.getResponses().containsKey(status)) {
                        problems.add(name + " does not document " + status);
                    }
                }
                // Per operation, not only at the top: the validator reads the operation's block alone.
                if (operation.getSecurity() == null || operation.getSecurity().size() != 1
                        || !operation.getSecurity().getFirst().containsKey("bearerAuth")) {
                    problems.add(name + " does not require bearerAuth itself");
                }
            } else if (operation.getSecurity() == null || !operation.getSecurity().isEmpty()) {
                problems.add(name + " should need no authentication");
            }
        }));

        assertEquals(List.of(), problems);
    }

    @Test
    void the_project_schemas_match_the_contract() throws IOException {
        OpenAPI api = new OpenAPIV3Parser().readContents(document(), null, null).getOpenAPI();
        var schemas = api.getComponents().getSchemas();
        var create = schemas.get("ProjectCreate");

        assertEquals(Boolean.FALSE, create.getAdditionalProperties());
        assertEquals(List.of("name"), create.getRequired());
        assertEquals(1, ((io.swagger.v3.oas.models.media.Schema<?>) create.getProperties().get("name")).getMinLength());
        assertEquals(200, ((io.swagger.v3.oas.models.media.Schema<?>) create.getProperties().get("name")).getMaxLength());
        assertEquals(10_000, ((io.swagger.v3.oas.models.media.Schema<?>) create.getProperties().get("description")).getMaxLength());
        assertEquals(Boolean.TRUE, ((io.swagger.v3.oas.models.media.Schema<?>) create.getProperties().get("description")).getNullable());
        assertEquals(Boolean.TRUE, ((io.swagger.v3.oas.models.media.Schema<?>) create.getProperties().get("team_id")).getNullable());
        assertEquals(List.of("private", "shared"), ((io.swagger.v3.oas.models.media.Schema<?>) create.getProperties().get("visibility")).getEnum());
        assertEquals(Boolean.FALSE, schemas.get("ProjectPatch").getAdditionalProperties());
        assertEquals(List.of("code", "message", "trace_id"), schemas.get("Error").getRequired());
        assertEquals("bearer", api.getComponents().getSecuritySchemes().get("bearerAuth").getScheme());
    }

    // ---------------------------------------------------------------- exchanges the validator accepts

    static Stream<Arguments> conforming() {
        return Stream.of(
                exchange("a created project",
                        authorized("POST", "/v1/projects").header("Content-Type", "application/json; charset=utf-8")
                                .body("{\"name\": \"Legal Counsel Project\", \"description\": null, \"team_id\": null, \"visibility\": \"shared\"}"),
                        json(201, PROJECT, Map.of("Location", "/v1/projects/" + PROJECT_ID))),
                exchange("a page of projects with a next link",
                        authorized("GET", "/v1/projects?limit=1&cursor=abc_-123"),
                        json(200, "[" + PROJECT + "]", Map.of("Link", "</v1/projects?limit=1&cursor=abc_-123>; rel=\"next\""))),
                exchange("the last page", authorized("GET", "/v1/projects"), json(200, "[]", Map.of())),
                exchange("a project", authorized("GET", "/v1/projects/" + PROJECT_ID), json(200, PROJECT, Map.of())),
                exchange("HEAD on a project", authorized("HEAD", "/v1/projects/" + PROJECT_ID), noBody(200)),
                exchange("a patch clearing the description",
                        authorized("PATCH", "/v1/projects/" + PROJECT_ID).header("Content-Type", "application/json").body("{\"description\": null}"),
                        json(200, PROJECT, Map.of())),
                exchange("a delete", authorized("DELETE", "/v1/projects/" + PROJECT_ID), noBody(204)),
                exchange("a hidden project", authorized("GET", "/v1/projects/" + PROJECT_ID), json(404, NOT_FOUND, Map.of())),
                exchange("a non-UUID project id", authorized("GET", "/v1/projects/not-a-uuid"), json(404, NOT_FOUND, Map.of())),
                exchange("a missing token", OpenApiContract.request("GET", "/v1/projects"),
                        json(401, error("auth.missing_token"), Map.of("WWW-Authenticate", "Bearer"))),
                exchange("an unknown field, rejected",
                        authorized("POST", "/v1/projects").header("Content-Type", "application/json").body("{\"name\": \"x\", \"owner\": 1}"),
                        json(422, "{\"code\": \"validation.error\", \"message\": \"request validation failed\", \"trace_id\": \"" + TRACE
                                + "\", \"details\": {\"owner\": \"unknown field\"}}", Map.of())),
                exchange("a bad limit", authorized("GET", "/v1/projects?limit=0"), json(400, error("validation.error"), Map.of())),
                exchange("an outage", authorized("GET", "/v1/teams"), json(503, error("service.unavailable"), Map.of("Retry-After", "5"))),
                exchange("a team",
                        authorized("POST", "/v1/teams").header("Content-Type", "application/json").body("{\"name\": \"Litigation\"}"),
                        json(201, "{\"id\": \"" + PROJECT_ID + "\", \"org_id\": \"" + PROJECT_ID + "\", \"name\": \"Litigation\", \"created_at\": \"2024-01-01T00:00:00Z\"}", Map.of())),
                exchange("team members", authorized("GET", "/v1/teams/" + PROJECT_ID + "/members"),
                        json(200, "[{\"user_id\": \"" + PROJECT_ID + "\", \"added_at\": \"2024-01-01T00:00:00Z\"}]", Map.of())),
                exchange("a member added", authorized("PUT", "/v1/teams/" + PROJECT_ID + "/members/" + PROJECT_ID), noBody(204)),
                exchange("health", OpenApiContract.request("GET", "/healthz"), json(200, "{\"status\": \"ok\"}", Map.of())),
                exchange("not ready", OpenApiContract.request("GET", "/readyz"), json(503, error("service.unavailable"), Map.of("Retry-After", "5"))),
                exchange("the document", OpenApiContract.request("GET", "/openapi.json"), json(200, "{\"openapi\": \"3.0.3\"}", Map.of())),
                exchange("an unknown route", authorized("GET", "/v1/nothing-here"), json(404, error("http.not_found"), Map.of())),
                exchange("a wrong method", authorized("PUT", "/v1/projects"), json(405, error("http.method_not_allowed"), Map.of("Allow", "GET, HEAD, POST"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conforming")
    void the_validator_accepts_exchanges_that_follow_the_document(RecordedRequest request, RecordedResponse response) {
        CONTRACT.assertConforms(request, response);
    }

    // ---------------------------------------------------------------- exchanges it must catch

    static Stream<Arguments> violating() {
        RecordedRequest get = authorized("GET", "/v1/projects/" + PROJECT_ID);
        RecordedRequest create = authorized("POST", "/v1/projects").header("Content-Type", "application/json").body("{\"name\": \"x\"}");
        return Stream.of(
                exchange("a project missing id", get, json(200, without(PROJECT, "id"), Map.of())),
                exchange("a project missing a nullable field", get, json(200, without(PROJECT, "team_id"), Map.of())),
                exchange("a project with an undocumented field", get, json(200, PROJECT.replace("{", "{\"deleted_at\": null, "), Map.of())),
                exchange("a project with an uppercase id", get, json(200, PROJECT.replace("44444444-4444", "4444444A-4444"), Map.of())),
                exchange("a project with a non-UTC timestamp", get, json(200, PROJECT.replace("00:00:00Z\", \"updated", "00:00:00+01:00\", \"updated"), Map.of())),
                exchange("a project with an unknown visibility", get, json(200, PROJECT.replace("\"private\"", "\"Private\""), Map.of())),
                exchange("a project that is not JSON", get, json(200, "project!", Map.of())),
                exchange("an undocumented status: 500", get, json(500, error("internal.error"), Map.of())),
                exchange("an undocumented status: 400 on get", get, json(400, error("validation.error"), Map.of())),
                exchange("an undocumented status: 200 on delete", authorized("DELETE", "/v1/projects/" + PROJECT_ID), json(200, PROJECT, Map.of())),
                exchange("a body on 204", authorized("DELETE", "/v1/projects/" + PROJECT_ID), json(204, "{}", Map.of())),
                exchange("no X-Trace-Id", get, new RecordedResponse(200, Map.of("Content-Type", List.of("application/json")), PROJECT.getBytes(StandardCharsets.UTF_8))),
                exchange("a malformed X-Trace-Id", get, new RecordedResponse(200,
                        Map.of("Content-Type", List.of("application/json"), "X-Trace-Id", List.of("ABC")), PROJECT.getBytes(StandardCharsets.UTF_8))),
                exchange("a created project without Location", create, json(201, PROJECT, Map.of())),
                exchange("an error without trace_id", get, json(404, "{\"code\": \"projects.not_found\", \"message\": \"project not found\"}", Map.of())),
                exchange("an error whose trace_id differs from the header", get,
                        json(404, "{\"code\": \"projects.not_found\", \"message\": \"m\", \"trace_id\": \"" + "f".repeat(32) + "\"}", Map.of())),
                exchange("an error leaking a stack field", get,
                        json(404, NOT_FOUND.replace("{", "{\"stack\": \"at com.example\", "), Map.of())),
                exchange("a 503 without Retry-After", get, json(503, error("service.unavailable"), Map.of())),
                exchange("a plain-text response", get, new RecordedResponse(200,
                        Map.of("Content-Type", List.of("text/plain"), "X-Trace-Id", List.of(TRACE)), "hi".getBytes(StandardCharsets.UTF_8))),
                exchange("a 2xx for an undocumented field in the request",
                        authorized("POST", "/v1/projects").header("Content-Type", "application/json").body("{\"name\": \"x\", \"owner\": 1}"),
                        json(201, PROJECT, Map.of("Location", "/v1/projects/" + PROJECT_ID))),
                exchange("a 2xx for a bad visibility",
                        authorized("POST", "/v1/projects").header("Content-Type", "application/json").body("{\"name\": \"x\", \"visibility\": \"Private\"}"),
                        json(201, PROJECT, Map.of("Location", "/v1/projects/" + PROJECT_ID))),
                exchange("a 2xx without credentials", OpenApiContract.request("GET", "/v1/projects"), json(200, "[]", Map.of())),
                exchange("a 2xx for a limit out of range", authorized("GET", "/v1/projects?limit=1001"), json(200, "[]", Map.of())),
                exchange("an unknown route answered 200", authorized("GET", "/v1/nothing-here"), json(200, "[]", Map.of())),
                exchange("an unknown route with another code", authorized("GET", "/v1/nothing-here"), json(404, error("projects.not_found"), Map.of())),
                exchange("a wrong method answered 404", authorized("PUT", "/v1/projects"), json(404, error("http.not_found"), Map.of())),
                exchange("a 405 without Allow", authorized("PUT", "/v1/projects"), json(405, error("http.method_not_allowed"), Map.of())),
                exchange("a HEAD response with a body", authorized("HEAD", "/v1/projects/" + PROJECT_ID), json(200, PROJECT, Map.of())),
                exchange("a bad Link header", authorized("GET", "/v1/projects"), json(200, "[]", Map.of("Link", "next page please"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violating")
    void the_validator_catches_exchanges_that_depart_from_the_document(RecordedRequest request, RecordedResponse response) {
        AssertionError failure = assertThrows(AssertionError.class, () -> CONTRACT.assertConforms(request, response));

        assertTrue(failure.getMessage().startsWith("the exchange departs from openapi.json"), failure.getMessage());
        assertFalse(failure.getMessage().contains(TOKEN), "the failure message shows the token");
    }

    @Test
    void the_failure_lists_the_validation_messages() {
        AssertionError failure = assertThrows(AssertionError.class, () -> CONTRACT.assertConforms(
                authorized("GET", "/v1/projects/" + PROJECT_ID), json(200, without(PROJECT, "id"), Map.of())));

        assertTrue(failure.getMessage().contains("id"), failure.getMessage());
        assertTrue(failure.getMessage().contains("[validation.response.body"), failure.getMessage());
    }

    // ---------------------------------------------------------------- helpers

    static String document() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getClassLoader().getResourceAsStream("openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Arguments exchange(String name, RecordedRequest request, RecordedResponse response) {
        return Arguments.of(Named.of(name, request), response);
    }

    static RecordedRequest authorized(String method, String target) {
        return OpenApiContract.request(method, target).header("Authorization", TOKEN);
    }

    static RecordedResponse json(int status, String body, Map<String, String> headers) {
        Map<String, List<String>> all = new java.util.HashMap<>();
        all.put("Content-Type", List.of("application/json; charset=utf-8"));
        all.put("X-Trace-Id", List.of(TRACE));
        headers.forEach((name, value) -> all.put(name, List.of(value)));
        return new RecordedResponse(status, all, body.getBytes(StandardCharsets.UTF_8));
    }

    static RecordedResponse noBody(int status) {
        return new RecordedResponse(status, Map.of("X-Trace-Id", List.of(TRACE)), new byte[0]);
    }

    static String error(String code) {
        return "{\"code\": \"" + code + "\", \"message\": \"something\", \"trace_id\": \"" + TRACE + "\"}";
    }

    static String without(String json, String field) {
        return json.replaceFirst("\"" + field + "\": (null|\"[^\"]*\"),\\s*", "");
    }
}
