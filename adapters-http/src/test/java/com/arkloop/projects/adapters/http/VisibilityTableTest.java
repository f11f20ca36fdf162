package com.arkloop.projects.adapters.http;

import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertError;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertJson;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.withoutTraceId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.arkloop.projects.adapters.http.testing.ApiClient;
import com.arkloop.projects.adapters.http.testing.ApiServer;
import com.arkloop.projects.adapters.http.testing.TestCaller;
import com.arkloop.projects.adapters.http.testing.UseCaseWiring;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who sees which project, as a table. Org A has an admin, an owner, a team member and an outsider; org B
 * an admin. The owner creates one project of each kind; every caller tries to get, list, change and
 * delete each. Hidden projects must look exactly like projects that do not exist.
 */
class VisibilityTableTest {

    private static final UUID ORG_A = UUID.randomUUID();
    private static final UUID ORG_B = UUID.randomUUID();
    private static final TestCaller ADMIN_A = TestCaller.admin(ORG_A);
    private static final TestCaller OWNER = TestCaller.member(ORG_A);
    private static final TestCaller TEAM_MEMBER = TestCaller.member(ORG_A);
    private static final TestCaller OUTSIDER = TestCaller.member(ORG_A);
    private static final TestCaller ADMIN_B = TestCaller.admin(ORG_B);
    private static final Map<String, TestCaller> CALLERS = Map.of("admin of A", ADMIN_A, "owner", OWNER,
            "team member", TEAM_MEMBER, "other member of A", OUTSIDER, "admin of B", ADMIN_B);

    private static ApiServer server;
    private static ApiClient client;
    private static final Map<String, String> PROJECTS = new java.util.HashMap<>();

    @BeforeAll
    static void start() {
        server = ApiServer.start(UseCaseWiring.inMemory());
        client = server.client();
        String team = assertJson(client.post("/v1/teams", ADMIN_A.token(), "{\"name\":\"legal\"}"), 201).get("id").asText();
        assertEquals(204, client.put("/v1/teams/" + team + "/members/" + TEAM_MEMBER.userId(), ADMIN_A.token()).status());
        PROJECTS.put("private", create("{\"name\":\"private\"}"));
        PROJECTS.put("shared with org", create("{\"name\":\"org\",\"visibility\":\"shared\"}"));
        PROJECTS.put("shared with team", create("{\"name\":\"team\",\"visibility\":\"shared\",\"team_id\":\"" + team + "\"}"));
        PROJECTS.put("private with team", create("{\"name\":\"pt\",\"visibility\":\"private\",\"team_id\":\"" + team + "\"}"));
    }

    private static String create(String json) {
        return assertJson(client.post("/v1/projects", OWNER.token(), json), 201).get("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** caller, project, sees it, may change it. */
    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("owner", "private", true, true),
                Arguments.of("owner", "shared with org", true, true),
                Arguments.of("owner", "shared with team", true, true),
                Arguments.of("owner", "private with team", true, true),
                Arguments.of("admin of A", "private", true, true),
                Arguments.of("admin of A", "shared with org", true, true),
                Arguments.of("admin of A", "shared with team", true, true),
                Arguments.of("admin of A", "private with team", true, true),
                Arguments.of("team member", "private", false, false),
                Arguments.of("team member", "shared with org", true, false),
                Arguments.of("team member", "shared with team", true, false),
                Arguments.of("team member", "private with team", false, false),
                Arguments.of("other member of A", "private", false, false),
                Arguments.of("other member of A", "shared with org", true, false),
                Arguments.of("other member of A", "shared with team", false, false),
                Arguments.of("other member of A", "private with team", false, false),
                Arguments.of("admin of B", "private", false, false),
                Arguments.of("admin of B", "shared with org", false, false),
                Arguments.of("admin of B", "shared with team", false, false),
                Arguments.of("admin of B", "private with team", false, false));
    }

    @ParameterizedTest(name = "{0} sees {1}: {2}, may change it: {3}")
    @MethodSource("table")
    void callers_see_and_change_exactly_what_the_rule_allows(String caller, String project, boolean sees, boolean manages) {
        String token = CALLERS.get(caller).token();
        String path = "/v1/projects/" + PROJECTS.get(project);
        String nowhere = "/v1/projects/" + UUID.randomUUID();

        if (sees) {
            assertEquals(PROJECTS.get(project), assertJson(client.get(path, token), 200).get("id").asText());
        } else {
            var hidden = client.get(path, token);
            assertError(hidden, 404, "projects.not_found");
            assertEquals(withoutTraceId(client.get(nowhere, token)), withoutTraceId(hidden));
            assertEquals(withoutTraceId(client.patch(nowhere, token, "{\"name\":\"x\"}")),
                    withoutTraceId(assertStatus(client.patch(path, token, "{\"name\":\"x\"}"), 404)));
            assertEquals(withoutTraceId(client.delete(nowhere, token)), withoutTraceId(assertStatus(client.delete(path, token), 404)));
        }
        if (sees && !manages) {
            assertError(client.patch(path, token, "{\"description\":\"x\"}"), 403, "auth.forbidden");
            assertError(client.delete(path, token), 403, "auth.forbidden");
        }
        if (manages) {
            assertJson(client.patch(path, token, "{\"description\":\"seen by " + caller + "\"}"), 200);
        }
    }

    private static com.arkloop.projects.adapters.http.testing.ApiResponse assertStatus(
            com.arkloop.projects.adapters.http.testing.ApiResponse response, int status) {
        assertEquals(status, response.status(), response::toString);
        return response;
    }

    @Test
    void each_caller_lists_exactly_the_projects_they_can_get() {
        Map<TestCaller, Set<String>> expected = Map.of(
                ADMIN_A, Set.of("private", "shared with org", "shared with team", "private with team"),
                OWNER, Set.of("private", "shared with org", "shared with team", "private with team"),
                TEAM_MEMBER, Set.of("shared with org", "shared with team"),
                OUTSIDER, Set.of("shared with org"),
                ADMIN_B, Set.of());

        expected.forEach((caller, names) -> {
            Set<String> listed = new HashSet<>();
            assertJson(client.get("/v1/projects", caller.token()), 200)
                    .forEach(project -> listed.add(project.get("id").asText()));
            Set<String> expectedIds = new HashSet<>();
            names.forEach(name -> expectedIds.add(PROJECTS.get(name)));
            assertEquals(expectedIds, listed, () -> "listing of " + caller);
        });
    }
}
