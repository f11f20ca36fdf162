package com.arkloop.projects.bootstrap;

import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertError;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertJson;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.withoutTraceId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.arkloop.projects.adapters.http.testing.ApiResponse;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.access.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may do what to which project, as data: callers (users by role and team, users of another org,
 * API keys with every subset of the project scopes) × endpoints × targets (projects of every kind of
 * visibility, deleted, of another org, never created). The real server on PostgreSQL; every exchange
 * is checked against the OpenAPI document, every 404 against the body of one for a random id.
 */
class AuthorizationMatrixIT {

    static final OrgId ORG = new OrgId(UUID.randomUUID());
    static final OrgId OTHER_ORG = new OrgId(UUID.randomUUID());
    static final UUID OWNER = UUID.randomUUID();
    static final UUID COLLEAGUE = UUID.randomUUID();
    static final UUID TEAMMATE = UUID.randomUUID();
    static final UUID OUTSIDER = UUID.randomUUID();

    /**
     * What each user may do to each target: {@code M} see and manage, {@code V} see only, {@code -}
     * nothing (404). {@code own}: OWNER's private project; {@code shared}: COLLEAGUE's, shared with the
     * org; {@code team}: COLLEAGUE's, shared with a team TEAMMATE is in; {@code private}: COLLEAGUE's
     * private one; {@code foreign}: shared with the whole of another org; {@code deleted}: OWNER's,
     * deleted; {@code random}: never created.
     */
    static final String VISIBILITY = """
            caller          own  shared  team  private  foreign  deleted  random
            admin            M     M      M      M        -        -        -
            owner            M     V      -      -        -        -        -
            colleague        -     M      M      M        -        -        -
            teammate         -     V      V      -        -        -        -
            outsider         -     V      -      -        -        -        -
            other_admin      -     -      -      -        M        -        -
            other_member     -     -      -      -        V        -        -
            unknown_role     -     -      -      -        -        -        -
            """;

    /** Endpoint: method, path (with {id}), body, the permissions it needs, its success status. */
    record Endpoint(String name, String method, String path, String body, Set<Permission> needs, boolean manages,
                    int success, String successCode) {
    }

    static final List<Endpoint> PROJECT_ENDPOINTS = List.of(
            new Endpoint("get", "GET", "/v1/projects/{id}", null, EnumSet.of(Permission.PROJECTS_READ), false, 200, null),
            new Endpoint("patch", "PATCH", "/v1/projects/{id}", "{\"description\":\"changed\"}",
                    EnumSet.of(Permission.PROJECTS_MANAGE), true, 200, null),
            new Endpoint("delete", "DELETE", "/v1/projects/{id}", null, EnumSet.of(Permission.PROJECTS_MANAGE), true, 204, null),
            new Endpoint("workspace", "GET", "/v1/projects/{id}/workspace", null, EnumSet.of(Permission.PROJECTS_READ), false, 200, null),
            new Endpoint("files", "GET", "/v1/projects/{id}/workspace/files", null,
                    EnumSet.of(Permission.PROJECTS_READ, Permission.RUNS_READ), false, 200, null),
            new Endpoint("file", "GET", "/v1/projects/{id}/workspace/file?path=/missing.txt", null,
                    EnumSet.of(Permission.PROJECTS_READ, Permission.RUNS_READ), false, 404, "workspace_files.not_found"));

    static final List<Endpoint> COLLECTION_ENDPOINTS = List.of(
            new Endpoint("list projects", "GET", "/v1/projects?limit=1000", null, EnumSet.of(Permission.PROJECTS_READ), false, 200, null),
            new Endpoint("create project", "POST", "/v1/projects", "{\"name\":\"m\"}", EnumSet.of(Permission.PROJECTS_MANAGE), false, 201, null),
            new Endpoint("list teams", "GET", "/v1/teams", null, EnumSet.of(Permission.TEAMS_READ), false, 200, null),
            new Endpoint("create team", "POST", "/v1/teams", "{\"name\":\"m\"}", EnumSet.of(Permission.TEAMS_MANAGE), false, 201, null),
            new Endpoint("list api keys", "GET", "/v1/api-keys", null, EnumSet.of(Permission.API_KEYS_MANAGE), false, 200, null));

    /** A caller: a bearer token, the permissions it holds, and whose row of {@link #VISIBILITY} it reads. */
    record Caller(String name, String token, Set<Permission> permissions, String visibilityRow) {
        @Override
        public String toString() {
            return name;
        }
    }

    @TempDir
    static Path dataDir;
    static ArkloopServer server;
    static ConformingClient client;
    static final Map<String, Caller> CALLERS = new LinkedHashMap<>();
    static final Map<String, String> TARGETS = new LinkedHashMap<>();
    static String team;

    static String jwt(UUID user, OrgId org, String role) {
        return TestServers.token(user, org, role);
    }

    static void user(String name, UUID user, OrgId org, String role) {
        Set<Permission> permissions = Role.fromName(role).map(Role::permissions).orElse(Set.of());
        CALLERS.put(name, new Caller(name, jwt(user, org, role), permissions, name));
    }

    @BeforeAll
    static void start() {
        server = ArkloopServer.start(TestServers.settings(dataDir, Map.of("ARKLOOP_AUTH_JWT_SECRET", TestServers.SECRET)));
        client = new ConformingClient(TestServers.client(server));
        user("admin", UUID.randomUUID(), ORG, "org_admin");
        user("owner", OWNER, ORG, "org_member");
        user("colleague", COLLEAGUE, ORG, "member");
        user("teammate", TEAMMATE, ORG, "org_member");
        user("outsider", OUTSIDER, ORG, "org_member");
        user("other_admin", UUID.randomUUID(), OTHER_ORG, "owner");
        user("other_member", OWNER, OTHER_ORG, "org_member"); // the same user id, in another org
        user("unknown_role", UUID.randomUUID(), ORG, "superuser");

        // API keys of OWNER with every subset of the scopes the project endpoints look at, one with the
        // teams and api-keys scopes, and one of an admin narrowed to reading projects and managing teams.
        List<Permission> projectScopes = List.of(Permission.PROJECTS_READ, Permission.PROJECTS_MANAGE, Permission.RUNS_READ);
        for (int mask = 0; mask < 1 << projectScopes.size(); mask++) {
            EnumSet<Permission> scopes = EnumSet.noneOf(Permission.class);
            for (int bit = 0; bit < projectScopes.size(); bit++) {
                if ((mask & 1 << bit) != 0) {
                    scopes.add(projectScopes.get(bit));
                }
            }
            apiKey("owner", scopes);
        }
        apiKey("owner", EnumSet.of(Permission.TEAMS_READ, Permission.API_KEYS_MANAGE));
        apiKey("admin", EnumSet.of(Permission.PROJECTS_READ, Permission.TEAMS_MANAGE));

        team = assertJson(client.post("/v1/teams", token("admin"), "{\"name\":\"Litigation\"}"), 201).get("id").asText();
        assertEquals(204, client.put("/v1/teams/" + team + "/members/" + TEAMMATE, token("admin")).status());
        for (String target : List.of("own", "shared", "team", "private", "foreign", "deleted", "random")) {
            TARGETS.put(target, create(target));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String token(String caller) {
        return CALLERS.get(caller).token();
    }

    /** An API key of the user, minted through the API; its permissions are the role's ∩ the scopes. */
    static void apiKey(String userName, Set<Permission> scopes) {
        Caller user = CALLERS.get(userName);
        String list = scopes.stream().map(p -> "\"" + p.scopeName() + "\"").collect(Collectors.joining(","));
        String key = assertJson(client.post("/v1/api-keys", user.token(), "{\"name\":\"k\",\"scopes\":[" + list + "]}"), 201)
                .get("key").asText();
        EnumSet<Permission> effective = EnumSet.noneOf(Permission.class);
        effective.addAll(scopes);
        effective.retainAll(user.permissions());
        String name = userName + " key " + scopes.stream().map(Permission::scopeName).toList();
        CALLERS.put(name, new Caller(name, key, effective, userName));
    }

    /** A new project of the kind (or, for {@code random}, an id nobody created). */
    static String create(String kind) {
        return switch (kind) {
            case "own" -> project(token("owner"), "{\"name\":\"own\"}");
            case "shared" -> project(token("colleague"), "{\"name\":\"shared\",\"visibility\":\"shared\"}");
            case "team" -> project(token("colleague"), "{\"name\":\"team\",\"visibility\":\"shared\",\"team_id\":\"" + team + "\"}");
            case "private" -> project(token("colleague"), "{\"name\":\"private\"}");
            case "foreign" -> project(token("other_admin"), "{\"name\":\"foreign\",\"visibility\":\"shared\"}");
            case "deleted" -> {
                String id = project(token("owner"), "{\"name\":\"deleted\",\"visibility\":\"shared\"}");
                assertEquals(204, client.delete("/v1/projects/" + id, token("owner")).status());
                yield id;
            }
            case "random" -> UUID.randomUUID().toString();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    static String project(String token, String body) {
        return assertJson(client.post("/v1/projects", token, body), 201).get("id").asText();
    }

    static char access(Caller caller, String target) {
        List<String> lines = VISIBILITY.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        List<String> columns = Arrays.asList(lines.getFirst().split("\\s+"));
        String[] row = lines.stream().filter(line -> line.split("\\s+")[0].equals(caller.visibilityRow())).findFirst()
                .orElseThrow().split("\\s+");
        return row[columns.indexOf(target)].charAt(0);
    }

    // ---------------------------------------------------------------- project-scoped endpoints

    static Stream<Arguments> projectCells() {
        List<Arguments> cells = new ArrayList<>();
        for (String caller : CALLERS.keySet()) {
            for (Endpoint endpoint : PROJECT_ENDPOINTS) {
                for (String target : List.of("own", "shared", "team", "private", "foreign", "deleted", "random")) {
                    cells.add(Arguments.of(caller, endpoint.name(), target));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} / {1} / {2}")
    @MethodSource("projectCells")
    void each_project_cell_answers_exactly_as_the_tables_say(String callerName, String endpointName, String target) {
        Caller caller = CALLERS.get(callerName);
        Endpoint endpoint = PROJECT_ENDPOINTS.stream().filter(e -> e.name().equals(endpointName)).findFirst().orElseThrow();
        char access = access(caller, target);
        // A delete that succeeds uses up its target: give each such cell a project of its own.
        boolean consumes = endpoint.method().equals("DELETE") && access == 'M' && caller.permissions().containsAll(endpoint.needs());
        String id = consumes ? create(target) : TARGETS.get(target);
        ApiResponse response = client.send(endpoint.method(), endpoint.path().replace("{id}", id), caller.token(), endpoint.body());

        if (!caller.permissions().containsAll(endpoint.needs())) {
            assertError(response, 403, "auth.forbidden");
        } else if (access == '-') {
            assertError(response, 404, "projects.not_found");
            ApiResponse missing = client.send(endpoint.method(), endpoint.path().replace("{id}", UUID.randomUUID().toString()),
                    caller.token(), endpoint.body());
            assertEquals(withoutTraceId(missing), withoutTraceId(response), "hidden and missing look the same");
        } else if (endpoint.manages() && access == 'V') {
            assertError(response, 403, "auth.forbidden");
        } else if (endpoint.successCode() != null) {
            assertError(response, endpoint.success(), endpoint.successCode());
        } else if (endpoint.success() == 204) {
            assertEquals(204, response.status(), response::toString);
        } else {
            assertEquals(id, assertJson(response, endpoint.success()).path(endpoint.name().equals("get")
                    || endpoint.name().equals("patch") ? "id" : "project_id").asText(id));
        }
    }

    // ---------------------------------------------------------------- collection endpoints

    static Stream<Arguments> collectionCells() {
        List<Arguments> cells = new ArrayList<>();
        for (String caller : CALLERS.keySet()) {
            for (Endpoint endpoint : COLLECTION_ENDPOINTS) {
                cells.add(Arguments.of(caller, endpoint.name()));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("collectionCells")
    void each_collection_cell_answers_exactly_as_the_tables_say(String callerName, String endpointName) {
        Caller caller = CALLERS.get(callerName);
        Endpoint endpoint = COLLECTION_ENDPOINTS.stream().filter(e -> e.name().equals(endpointName)).findFirst().orElseThrow();
        ApiResponse response = client.send(endpoint.method(), endpoint.path(), caller.token(), endpoint.body());

        if (!caller.permissions().containsAll(endpoint.needs())) {
            assertError(response, 403, "auth.forbidden");
            return;
        }
        JsonNode body = assertJson(response, endpoint.success());
        if (endpoint.name().equals("list projects")) {
            Set<String> listed = new HashSet<>();
            body.forEach(project -> listed.add(project.get("id").asText()));
            for (String target : List.of("own", "shared", "team", "private", "foreign", "deleted")) {
                assertEquals(access(caller, target) != '-', listed.contains(TARGETS.get(target)),
                        () -> callerName + " lists " + target + ": " + listed);
            }
        }
    }

    // ---------------------------------------------------------------- minting keys

    static Stream<Arguments> mintingCells() {
        return CALLERS.keySet().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mintingCells")
    void only_user_tokens_with_the_manage_permission_mint_keys(String callerName) {
        Caller caller = CALLERS.get(callerName);
        ApiResponse response = client.post("/v1/api-keys", caller.token(), "{\"name\":\"m\",\"scopes\":[\"data.projects.read\"]}");
        boolean isKey = caller.token().startsWith("ak-");

        if (isKey || !caller.permissions().contains(Permission.API_KEYS_MANAGE)) {
            assertError(response, 403, "auth.forbidden");
        } else {
            assertJson(response, 201);
        }
    }
}
