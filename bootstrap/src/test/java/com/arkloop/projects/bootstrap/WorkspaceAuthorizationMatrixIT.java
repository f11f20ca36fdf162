package com.arkloop.projects.bootstrap;

import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertError;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertJson;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertTraceId;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.withoutTraceId;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.adapters.http.testing.ApiClient;
import com.arkloop.projects.adapters.http.testing.ApiResponse;
import com.arkloop.projects.adapters.http.testing.OpenApiContract;
import com.arkloop.projects.domain.OrgId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may do what to which workspace, as data: callers (users by role and visibility, a user of
 * another org, API keys with the scope subsets the workspace endpoints look at, no token, a revoked
 * key) × every workspace endpoint × targets (an own private project, a colleague's shared and private
 * ones, one of another org, a deleted one, an id never created). One server on PostgreSQL, seeded
 * once; each kind of exchange is checked against the OpenAPI document, every 404 against the body of the
 * same request for a random id, and every success against what the caller's own default workspace holds.
 *
 * <p>Two tables say what each cell answers, and the check order decides between them: authentication
 * (401), then the endpoint's permissions ({@link #PERMISSIONS}, 403), then the project
 * ({@link #VISIBILITY}, 404 {@code projects.not_found}); a cell that passes all three succeeds.
 */
class WorkspaceAuthorizationMatrixIT {

    static final OrgId ORG = new OrgId(UUID.randomUUID());
    static final OrgId OTHER_ORG = new OrgId(UUID.randomUUID());
    static final UUID ADMIN = UUID.randomUUID();
    static final UUID OWNER = UUID.randomUUID();
    static final UUID COLLEAGUE = UUID.randomUUID();
    static final UUID MEMBER = UUID.randomUUID();
    static final UUID OTHER_ADMIN = UUID.randomUUID();

    static final List<String> TARGETS = List.of("own", "shared", "private", "foreign", "deleted", "random");

    /**
     * Which projects each user sees ({@code +}) or not ({@code -}). {@code own}: OWNER's private project;
     * {@code shared}: COLLEAGUE's, shared with the org; {@code private}: COLLEAGUE's private one;
     * {@code foreign}: shared with the whole of another org; {@code deleted}: OWNER's, shared, then
     * deleted (with a file and a live session in OWNER's workspace); {@code random}: never created.
     * {@code other_member} has OWNER's user id, in the other org. An API key sees what its user sees.
     */
    static final String VISIBILITY = """
            user           own  shared  private  foreign  deleted  random
            admin           +     +       +        -        -        -
            owner           +     +       -        -        -        -
            member          -     +       -        -        -        -
            other_member    -     -       -        +        -        -
            """;

    /**
     * What each caller gets from each endpoint before any project is looked at: {@code +} go on to the
     * project, {@code 401} or {@code 403}. Key names list their scopes: {@code P} data.projects.read,
     * {@code M} data.projects.manage, {@code R} data.runs.read, {@code W} data.runs.write. Every key but {@code admin_key:PRW} is OWNER's. Reading needs P (and R for files and
     * history); writing and sessions need W alone.
     */
    static final String PERMISSIONS = """
            caller          workspace files file head  put delete snapshot revisions open change close
            admin               +       +    +    +     +    +       +        +        +     +     +
            owner               +       +    +    +     +    +       +        +        +     +     +
            member              +       +    +    +     +    +       +        +        +     +     +
            other_member        +       +    +    +     +    +       +        +        +     +     +
            unknown_role       403     403  403  403   403  403     403      403      403   403   403
            anonymous          401     401  401  401   401  401     401      401      401   401   401
            revoked_key        401     401  401  401   401  401     401      401      401   401   401
            key:P               +      403  403  403   403  403     403      403      403   403   403
            key:R              403     403  403  403   403  403     403      403      403   403   403
            key:W              403     403  403  403    +    +       +       403       +     +     +
            key:PR              +       +    +    +    403  403     403       +       403   403   403
            key:PW              +      403  403  403    +    +       +       403       +     +     +
            key:RW             403     403  403  403    +    +       +       403       +     +     +
            key:PMRW            +       +    +    +     +    +       +        +        +     +     +
            admin_key:PRW       +       +    +    +     +    +       +        +        +     +     +
            """;

    /** How a request's body is made. */
    enum Body { NONE, BYTES, TAR, OPEN_SESSION, CHANGE_SESSION }

    /**
     * One endpoint: {@code {id}} in the target is the project, {@code {session}} a session ref (one the
     * caller opened just before, in a cell that gets through; else one of the target project's own).
     */
    record Endpoint(String name, String method, String target, Body body, int success) {
        boolean needsOwnSession() {
            return target.contains("{session}");
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("workspace", "GET", "/v1/projects/{id}/workspace", Body.NONE, 200),
            new Endpoint("files", "GET", "/v1/projects/{id}/workspace/files", Body.NONE, 200),
            new Endpoint("file", "GET", "/v1/projects/{id}/workspace/file?path=/seed.txt", Body.NONE, 200),
            new Endpoint("head", "HEAD", "/v1/projects/{id}/workspace/file?path=/seed.txt", Body.NONE, 200),
            new Endpoint("put", "PUT", "/v1/projects/{id}/workspace/file?path=/put.txt", Body.BYTES, 201),
            new Endpoint("delete", "DELETE", "/v1/projects/{id}/workspace/file?path=/delete-me.txt", Body.NONE, 200),
            new Endpoint("snapshot", "POST", "/v1/projects/{id}/workspace/snapshot", Body.TAR, 201),
            new Endpoint("revisions", "GET", "/v1/projects/{id}/workspace/revisions", Body.NONE, 200),
            new Endpoint("open", "POST", "/v1/projects/{id}/workspace/sessions", Body.OPEN_SESSION, 201),
            new Endpoint("change", "PATCH", "/v1/projects/{id}/workspace/sessions/{session}", Body.CHANGE_SESSION, 200),
            new Endpoint("close", "DELETE", "/v1/projects/{id}/workspace/sessions/{session}", Body.NONE, 204));

    /**
     * A caller: the bearer token (null for none), the user it acts as and that user's own JWT (to
     * prepare its workspace; null when it is no user), whose row of {@link #VISIBILITY} applies, and the
     * code of its 401 when it gets one.
     */
    record Caller(String name, String token, UUID user, OrgId org, String userToken, String visibilityRow,
                  String unauthenticatedCode) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final OpenApiContract CONTRACT = OpenApiContract.load();
    private static final Set<String> VALIDATED = new HashSet<>();
    private static final byte[] PUT_BYTES = "written by the matrix\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dataDir;
    static ArkloopServer server;
    static ApiClient http;
    static final Map<String, Caller> CALLERS = new LinkedHashMap<>();
    static final Map<String, String> PROJECTS = new HashMap<>();
    /** For each target, a live session of someone's workspace in it: what a caller who may not see it names. */
    static final Map<String, String> TARGET_SESSIONS = new HashMap<>();
    static final Map<String, Map<String, String>> VISIBLE = table(VISIBILITY);
    static final Map<String, Map<String, String>> PERMITTED = table(PERMISSIONS);
    /** Per caller and endpoint, its answer for a project id nobody created: what every hidden project must look like. */
    static final Map<String, ApiResponse> MISSING = new HashMap<>();

    @BeforeAll
    static void start() {
        server = ArkloopServer.start(TestServers.settings(dataDir, Map.of("ARKLOOP_AUTH_JWT_SECRET", TestServers.SECRET)));
        http = TestServers.client(server);
        user("admin", ADMIN, ORG, "org_admin");
        user("owner", OWNER, ORG, "org_member");
        user("member", MEMBER, ORG, "member");
        user("other_member", OWNER, OTHER_ORG, "org_member");
        CALLERS.put("unknown_role", new Caller("unknown_role", TestServers.token(UUID.randomUUID(), ORG, "superuser"),
                null, ORG, null, null, null));
        CALLERS.put("anonymous", new Caller("anonymous", null, null, ORG, null, null, "auth.missing_token"));
        String revoked = assertJson(send("POST", "/v1/api-keys", token("owner"), "application/json",
                json("{\"name\":\"revoked\",\"scopes\":[\"data.projects.read\",\"data.runs.read\",\"data.runs.write\"]}")), 201)
                .get("key").asText();
        assertJson(send("GET", "/v1/projects", revoked, null, null), 200); // known, and cached, before it is revoked
        String revokedId = null;
        for (JsonNode listed : assertJson(send("GET", "/v1/api-keys", token("owner"), null, null), 200)) {
            if (listed.get("name").asText().equals("revoked")) {
                revokedId = listed.get("id").asText();
            }
        }
        assertEquals(204, send("DELETE", "/v1/api-keys/" + revokedId, token("owner"), null, null).status());
        CALLERS.put("revoked_key", new Caller("revoked_key", revoked, null, ORG, null, null, "auth.invalid_api_key"));
        for (String scopes : List.of("P", "R", "W", "PR", "PW", "RW", "PMRW")) {
            apiKey("key:" + scopes, "owner", scopes);
        }
        apiKey("admin_key:PRW", "admin", "PRW");

        String colleague = TestServers.token(COLLEAGUE, ORG, "org_member");
        String otherAdmin = TestServers.token(OTHER_ADMIN, OTHER_ORG, "org_admin");
        PROJECTS.put("own", project(token("owner"), "{\"name\":\"own\"}"));
        PROJECTS.put("shared", project(colleague, "{\"name\":\"shared\",\"visibility\":\"shared\"}"));
        PROJECTS.put("private", project(colleague, "{\"name\":\"private\"}"));
        PROJECTS.put("foreign", project(otherAdmin, "{\"name\":\"foreign\",\"visibility\":\"shared\"}"));
        PROJECTS.put("deleted", project(token("owner"), "{\"name\":\"deleted\",\"visibility\":\"shared\"}"));
        PROJECTS.put("random", UUID.randomUUID().toString());

        // Every user's workspace in every project it sees holds /seed.txt; the deleted project's did too.
        for (Caller user : List.of(CALLERS.get("admin"), CALLERS.get("owner"), CALLERS.get("member"), CALLERS.get("other_member"))) {
            for (String target : TARGETS) {
                if (visible(user, target)) {
                    seed(user, target);
                }
            }
        }
        seed(CALLERS.get("owner"), "deleted");
        TARGET_SESSIONS.put("own", openSession(token("owner"), "own"));
        TARGET_SESSIONS.put("shared", openSession(colleague, "shared"));
        TARGET_SESSIONS.put("private", openSession(colleague, "private"));
        TARGET_SESSIONS.put("foreign", openSession(otherAdmin, "foreign"));
        TARGET_SESSIONS.put("deleted", openSession(token("owner"), "deleted"));
        TARGET_SESSIONS.put("random", "shref_" + HexFormat.of().formatHex(sha256(UUID.randomUUID().toString())).substring(0, 32));
        assertEquals(204, send("DELETE", "/v1/projects/" + PROJECTS.get("deleted"), token("owner"), null, null).status());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static void user(String name, UUID user, OrgId org, String role) {
        String token = TestServers.token(user, org, role);
        CALLERS.put(name, new Caller(name, token, user, org, token, name, null));
    }

    /** An API key of the user, minted through the API, with the scopes its name's letters stand for. */
    static void apiKey(String name, String userName, String letters) {
        Caller user = CALLERS.get(userName);
        Map<Character, String> scopeNames = Map.of('P', "data.projects.read", 'M', "data.projects.manage",
                'R', "data.runs.read", 'W', "data.runs.write");
        String scopes = letters.chars().mapToObj(c -> "\"" + scopeNames.get((char) c) + "\"")
                .collect(Collectors.joining(","));
        String key = assertJson(send("POST", "/v1/api-keys", user.token(), "application/json",
                json("{\"name\":\"" + name + "\",\"scopes\":[" + scopes + "]}")), 201).get("key").asText();
        CALLERS.put(name, new Caller(name, key, user.user(), user.org(), user.userToken(), user.visibilityRow(), null));
    }

    static String token(String caller) {
        return CALLERS.get(caller).token();
    }

    static String project(String token, String body) {
        return assertJson(send("POST", "/v1/projects", token, "application/json", json(body)), 201).get("id").asText();
    }

    static void seed(Caller user, String target) {
        assertJson(send("PUT", "/v1/projects/" + PROJECTS.get(target) + "/workspace/file?path=/seed.txt", user.userToken(),
                "application/octet-stream", seedBytes(user, target)), 201);
    }

    /** What /seed.txt holds in the user's workspace in the target: different in every workspace. */
    static byte[] seedBytes(Caller caller, String target) {
        return ("seed of " + caller.visibilityRow() + " in " + target + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static String openSession(String token, String target) {
        return assertJson(send("POST", "/v1/projects/" + PROJECTS.get(target) + "/workspace/sessions", token,
                "application/json", json("{\"session_type\":\"shell\"}")), 201).get("session_ref").asText();
    }

    static boolean visible(Caller caller, String target) {
        return caller.visibilityRow() != null && VISIBLE.get(caller.visibilityRow()).get(target).equals("+");
    }

    // ---------------------------------------------------------------- the matrix

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (String caller : CALLERS.keySet()) {
            for (Endpoint endpoint : ENDPOINTS) {
                for (String target : TARGETS) {
                    cells.add(Arguments.of(caller, endpoint.name(), target));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} / {1} / {2}")
    @MethodSource("cells")
    void each_workspace_cell_answers_exactly_as_the_tables_say(String callerName, String endpointName, String target) {
        Caller caller = CALLERS.get(callerName);
        Endpoint endpoint = ENDPOINTS.stream().filter(e -> e.name().equals(endpointName)).findFirst().orElseThrow();
        String permitted = PERMITTED.get(callerName).get(endpointName);
        boolean succeeds = permitted.equals("+") && visible(caller, target);
        String id = PROJECTS.get(target);

        // A cell that gets through acts on the caller's own workspace, prepared with the user's own token.
        String session = endpoint.needsOwnSession() && succeeds ? openSession(caller.userToken(), target) : TARGET_SESSIONS.get(target);
        if (endpoint.name().equals("delete") && succeeds) {
            assertJson(send("PUT", "/v1/projects/" + id + "/workspace/file?path=/delete-me.txt", caller.userToken(),
                    "application/octet-stream", PUT_BYTES), 201);
        }
        ApiResponse response = call(endpoint, caller, id, session, target);

        switch (permitted) {
            case "401" -> assertFailure(endpoint, response, 401, caller.unauthenticatedCode());
            case "403" -> assertFailure(endpoint, response, 403, "auth.forbidden");
            case "+" -> {
                if (succeeds) {
                    assertSuccess(endpoint, caller, target, session, response);
                } else {
                    assertFailure(endpoint, response, 404, "projects.not_found");
                    ApiResponse missing = MISSING.computeIfAbsent(callerName + " " + endpointName,
                            ignored -> call(endpoint, caller, UUID.randomUUID().toString(), session, target));
                    assertSameFailure(endpoint, missing, response);
                }
            }
            default -> throw new IllegalStateException("no such cell value: " + permitted);
        }
    }

    static ApiResponse call(Endpoint endpoint, Caller caller, String projectId, String session, String target) {
        String path = endpoint.target().replace("{id}", projectId).replace("{session}", session);
        return switch (endpoint.body()) {
            case NONE -> send(endpoint.method(), path, caller.token(), null, null);
            case BYTES -> send(endpoint.method(), path, caller.token(), "application/octet-stream", PUT_BYTES);
            case TAR -> send(endpoint.method(), path, caller.token(), "application/x-tar", tar("seed.txt", seedBytes(caller, target)));
            case OPEN_SESSION -> send(endpoint.method(), path, caller.token(), "application/json", json("{\"session_type\":\"shell\"}"));
            case CHANGE_SESSION -> send(endpoint.method(), path, caller.token(), "application/json", json("{\"state\":\"busy\"}"));
        };
    }

    /** The status and error code; a HEAD answer has no body, so there the status, a trace id and nothing else. */
    static void assertFailure(Endpoint endpoint, ApiResponse response, int status, String code) {
        if (endpoint.method().equals("HEAD")) {
            assertEquals(status, response.status(), response::toString);
            assertTraceId(response);
            assertEquals(0, response.body().length, response::toString);
        } else {
            assertError(response, status, code);
        }
    }

    /** A project that exists but is hidden answers exactly as one that does not exist, but for the trace id. */
    static void assertSameFailure(Endpoint endpoint, ApiResponse missing, ApiResponse hidden) {
        assertFailure(endpoint, missing, 404, "projects.not_found");
        if (endpoint.method().equals("HEAD")) {
            assertEquals(comparableHeaders(missing), comparableHeaders(hidden), "hidden and missing look the same");
        } else {
            assertEquals(withoutTraceId(missing), withoutTraceId(hidden), "hidden and missing look the same");
            assertEquals(comparableHeaders(missing), comparableHeaders(hidden), "hidden and missing look the same");
        }
    }

    static Map<String, List<String>> comparableHeaders(ApiResponse response) {
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!Set.of("x-trace-id", "date", ":status").contains(lower)) {
                headers.put(lower, values);
            }
        });
        return headers;
    }

    /** What the caller's own default workspace in the target answers: the user's, for a key as well. */
    static void assertSuccess(Endpoint endpoint, Caller caller, String target, String session, ApiResponse response) {
        assertEquals(endpoint.success(), response.status(), response::toString);
        String id = PROJECTS.get(target);
        byte[] seed = seedBytes(caller, target);
        switch (endpoint.name()) {
            case "workspace" -> {
                JsonNode body = assertJson(response, 200);
                assertEquals(id, body.get("project_id").asText(), response::toString);
                assertEquals(caller.user().toString(), body.get("owner_user_id").asText(), response::toString);
                assertEquals(workspaceRef(caller, id), body.get("workspace_ref").asText(), response::toString);
            }
            case "files" -> {
                JsonNode body = assertJson(response, 200);
                assertEquals(workspaceRef(caller, id), body.get("workspace_ref").asText(), response::toString);
                List<String> names = new ArrayList<>();
                body.get("items").forEach(item -> names.add(item.get("name").asText()));
                assertTrue(names.contains("seed.txt"), response::toString);
            }
            case "file" -> {
                assertEquals("text/plain; charset=utf-8", response.header("Content-Type"), response::toString);
                assertArrayEquals(seed, response.body(), response::toString);
            }
            case "head" -> {
                assertEquals(String.valueOf(seed.length), response.header("Content-Length"), response::toString);
                assertEquals(0, response.body().length, response::toString);
            }
            case "put" -> {
                JsonNode body = assertJson(response, 201);
                assertEquals("/put.txt", body.get("path").asText(), response::toString);
                assertEquals(HexFormat.of().formatHex(sha256(PUT_BYTES)), body.get("sha256").asText(), response::toString);
            }
            case "delete" -> assertTrue(assertJson(response, 200).get("revision").isTextual(), response::toString);
            case "snapshot" -> {
                JsonNode body = assertJson(response, 201);
                assertEquals(1, body.get("file_count").asInt(), response::toString);
                assertEquals(seed.length, body.get("byte_count").asLong(), response::toString);
            }
            case "revisions" -> assertTrue(assertJson(response, 200).get("items").size() > 0, response::toString);
            case "open" -> {
                JsonNode body = assertJson(response, 201);
                assertTrue(body.get("session_ref").asText().startsWith("shref_"), response::toString);
                assertEquals("ready", body.get("state").asText(), response::toString);
            }
            case "change" -> {
                JsonNode body = assertJson(response, 200);
                assertEquals(session, body.get("session_ref").asText(), response::toString);
                assertEquals("busy", body.get("state").asText(), response::toString);
            }
            case "close" -> assertEquals(0, response.body().length, response::toString);
            default -> throw new IllegalStateException(endpoint.name());
        }
    }

    // ---------------------------------------------------------------- sessions of other workspaces

    static Stream<Arguments> otherWorkspaceSessions() {
        return Stream.of(
                Arguments.of("member", "shared"), Arguments.of("owner", "shared"), Arguments.of("admin", "shared"),
                Arguments.of("admin", "own"), Arguments.of("admin_key:PRW", "own"), Arguments.of("admin", "private"));
    }

    /** Seeing the project is not enough: a session of someone else's workspace in it is as unknown as none. */
    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("otherWorkspaceSessions")
    void a_session_of_another_users_workspace_is_not_found_in_a_project_the_caller_sees(String callerName, String target) {
        Caller caller = CALLERS.get(callerName);
        String sessions = "/v1/projects/" + PROJECTS.get(target) + "/workspace/sessions/";
        String unknown = "shref_" + "0".repeat(32);
        ApiResponse changed = send("PATCH", sessions + TARGET_SESSIONS.get(target), caller.token(), "application/json",
                json("{\"state\":\"busy\"}"));
        assertError(changed, 404, "sessions.not_found");
        assertEquals(withoutTraceId(send("PATCH", sessions + unknown, caller.token(), "application/json",
                json("{\"state\":\"busy\"}"))), withoutTraceId(changed));
        ApiResponse closed = send("DELETE", sessions + TARGET_SESSIONS.get(target), caller.token(), null, null);
        assertError(closed, 404, "sessions.not_found");
        assertEquals(withoutTraceId(send("DELETE", sessions + unknown, caller.token(), null, null)), withoutTraceId(closed));
    }

    /** The contract's derivation of the default workspace of the caller's user in the project. */
    static String workspaceRef(Caller caller, String project) {
        String org = caller.org().toString();
        String profile = "pref_" + HexFormat.of().formatHex(sha256("profile|" + org + "|" + caller.user())).substring(0, 32);
        return "wsref_" + HexFormat.of().formatHex(sha256("workspace|" + org + "|" + profile + "|project|" + project)).substring(0, 32);
    }

    // ---------------------------------------------------------------- the tables are complete

    @Test
    void the_matrix_covers_every_workspace_operation_in_the_openapi_document() throws IOException {
        JsonNode document;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi.json")) {
            document = new ObjectMapper().readTree(in);
        }
        Set<String> documented = new TreeSet<>();
        document.get("paths").properties().forEach(path -> {
            if (path.getKey().contains("/workspace")) {
                path.getValue().properties().forEach(operation -> {
                    if (!operation.getKey().equals("parameters")) {
                        documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                });
            }
        });
        Set<String> covered = new TreeSet<>();
        for (Endpoint endpoint : ENDPOINTS) {
            String path = endpoint.target().replaceFirst("\\?.*", "").replace("{id}", "{project_id}")
                    .replace("{session}", "{session_ref}");
            covered.add(endpoint.method() + " " + path);
        }
        assertEquals(documented, covered);
        assertEquals(CALLERS.keySet(), PERMITTED.keySet(), "a row of PERMISSIONS for every caller");
        for (Map<String, String> row : PERMITTED.values()) {
            assertEquals(ENDPOINTS.stream().map(Endpoint::name).collect(Collectors.toSet()), row.keySet());
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A table as text: the first line names the columns, every other line a row, by its first word. */
    static Map<String, Map<String, String>> table(String text) {
        List<String[]> lines = text.lines().map(String::strip).filter(line -> !line.isEmpty())
                .map(line -> line.split("\\s+")).toList();
        String[] columns = lines.getFirst();
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String[] line : lines.subList(1, lines.size())) {
            if (line.length != columns.length) {
                throw new IllegalArgumentException("row " + line[0] + " has " + line.length + " cells, not " + columns.length);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int column = 1; column < columns.length; column++) {
                row.put(columns[column], line[column]);
            }
            rows.put(line[0], row);
        }
        return rows;
    }

    /**
     * Sends the request and checks the exchange against the server's OpenAPI document: the first of each
     * kind (method, route, status, whether a key or a JWT was sent), since the validator costs a quarter
     * of the matrix's time and the rest of a kind differ only in ids.
     */
    static ApiResponse send(String method, String target, String token, String contentType, byte[] body) {
        ApiResponse response = http.send(method, target, contentType == null ? Map.of() : Map.of("Content-Type", contentType),
                token == null ? null : "Bearer " + token, body);
        String route = target.replaceFirst("\\?.*", "").replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}").replaceAll("shref_\\w+", "{ref}");
        String kind = method + " " + route + " " + response.status() + " " + (token == null ? "none" : token.startsWith("ak-") ? "key" : "jwt");
        if (!VALIDATED.add(kind)) {
            return response;
        }
        OpenApiContract.RecordedRequest request = OpenApiContract.request(method, target);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request = request.header("Content-Type", contentType);
        }
        if (body != null) {
            request = request.body(body);
        }
        CONTRACT.assertConforms(request, OpenApiContract.response(response.status(), response.headers().map(), response.body()));
        return response;
    }

    static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] tar(String name, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry entry = new TarArchiveEntry(name, true);
            entry.setSize(content.length);
            entry.setMode(0644);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
