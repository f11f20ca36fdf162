package com.arkloop.projects.adapters.http;

import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertError;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertJson;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertTraceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.adapters.http.testing.ApiResponse;
import com.arkloop.projects.adapters.http.testing.ApiServer;
import com.arkloop.projects.adapters.http.testing.TestCaller;
import com.arkloop.projects.adapters.http.testing.TestTokens;
import com.arkloop.projects.adapters.http.testing.UseCaseWiring;
import com.arkloop.projects.application.fakes.InMemoryTeamRepository;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectCursor;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.team.TeamId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ErrorModelTest {

    private static ApiServer server;
    private final TestCaller member = TestCaller.member(UUID.randomUUID());

    @BeforeAll
    static void start() {
        server = ApiServer.start(UseCaseWiring.inMemory());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ApiServer withProjects(ProjectRepository projects, BooleanSupplier readiness) {
        return ApiServer.start(new ApiDependencies(UseCaseWiring.inMemoryUseCases(projects, new InMemoryTeamRepository()),
                new TestTokens(), readiness, ApiSettings.DEFAULTS));
    }

    @Test
    void an_unknown_route_is_404_http_not_found_even_without_a_token() {
        assertError(server.client().get("/nope", null), 404, "http.not_found");
        assertError(server.client().get("/v1/projects/" + UUID.randomUUID() + "/nothing", null), 404, "http.not_found");
        assertError(server.client().send("POST", "/v2/projects", null, "{}"), 404, "http.not_found");
    }

    @Test
    void a_known_route_with_a_wrong_method_is_405_with_allow() {
        ApiResponse put = server.client().put("/v1/projects", member.token());
        assertError(put, 405, "http.method_not_allowed");
        assertEquals(Set.of("GET", "HEAD", "POST"), methods(put.header("Allow")));

        ApiResponse post = server.client().post("/v1/projects/" + UUID.randomUUID(), null, "{}");
        assertError(post, 405, "http.method_not_allowed");
        assertEquals(Set.of("GET", "HEAD", "PATCH", "DELETE"), methods(post.header("Allow")));

        ApiResponse get = server.client().get("/v1/teams/" + UUID.randomUUID() + "/members/" + UUID.randomUUID(), null);
        assertEquals(Set.of("PUT", "DELETE"), methods(assertHas405(get).header("Allow")));
    }

    private static ApiResponse assertHas405(ApiResponse response) {
        assertError(response, 405, "http.method_not_allowed");
        return response;
    }

    private static Set<String> methods(String allow) {
        return Arrays.stream(allow.split(",")).map(String::strip).collect(Collectors.toSet());
    }

    @Test
    void every_response_has_its_own_trace_id() {
        List<ApiResponse> responses = List.of(server.client().get("/healthz", null), server.client().get("/healthz", null),
                server.client().get("/v1/projects", member.token()), server.client().get("/nope", null));

        responses.forEach(response -> assertTraceId(response));
        assertEquals(responses.size(), responses.stream().map(ApiResponse::traceId).distinct().count());
    }

    @Test
    void an_unexpected_failure_is_a_generic_500_with_the_details_only_in_the_log() {
        RuntimeException internal = new IllegalStateException("SELECT secret FROM projects; see /var/lib/db/file.java");
        try (ApiServer failing = withProjects(new FailingProjects(() -> internal), () -> true)) {
            ApiResponse response = failing.client().get("/v1/projects", member.token());

            assertError(response, 500, "internal.error");
            assertEquals("internal server error", response.json().get("message").asText());
            assertFalse(response.bodyText().contains("secret"));
        }
    }

    @Test
    void an_unreachable_database_is_503_with_retry_after() {
        Supplier<RuntimeException> down = () -> new DomainException(ErrorCode.SERVICE_UNAVAILABLE, "service unavailable");
        try (ApiServer failing = withProjects(new FailingProjects(down), () -> false)) {
            ApiResponse list = failing.client().get("/v1/projects", member.token());
            ApiResponse create = failing.client().post("/v1/projects", member.token(), "{\"name\":\"n\"}");
            ApiResponse ready = failing.client().get("/readyz", null);

            for (ApiResponse response : List.of(list, create, ready)) {
                assertError(response, 503, "service.unavailable");
                assertTrue(Integer.parseInt(response.header("Retry-After")) > 0);
            }
            assertJson(failing.client().get("/healthz", null), 200);
        }
    }

    @Test
    void a_readiness_check_that_throws_means_not_ready() {
        try (ApiServer failing = withProjects(new FailingProjects(IllegalStateException::new), () -> {
            throw new IllegalStateException("pool closed");
        })) {
            assertError(failing.client().get("/readyz", null), 503, "service.unavailable");
        }
    }

    @Test
    void health_and_readiness_answer_without_a_token() {
        assertEquals("ok", assertJson(server.client().get("/healthz", null), 200).get("status").asText());
        assertEquals("ready", assertJson(server.client().get("/readyz", null), 200).get("status").asText());
    }

    @Test
    void the_openapi_document_is_served_as_json() {
        ApiResponse response = server.client().get("/openapi.json", null);

        assertTrue(assertJson(response, 200).has("openapi"), response::toString);
    }

    @Test
    void requests_jetty_rejects_still_get_the_envelope_and_a_trace_id() throws IOException {
        assertEnvelope(raw("GET /v1/pro%zzjects HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400, "http.bad_request");
        assertEnvelope(raw("GET /v1/projects HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(40_000)
                + "\r\nConnection: close\r\n\r\n"), 431, "request.too_large");
    }

    @Test
    void a_malformed_percent_escape_in_the_query_is_a_400_naming_the_parameter() throws IOException {
        String response = raw("GET /v1/projects?cursor=%zz HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + member.token()
                + "\r\nConnection: close\r\n\r\n");

        assertEnvelope(response, 400, "validation.error");
        assertTrue(response.contains("\"cursor\""), response);
    }

    private static void assertEnvelope(String response, int status, String code) {
        assertTrue(response.startsWith("HTTP/1.1 " + status + " "), response);
        assertTrue(response.matches("(?s).*\r\nX-Trace-Id: [0-9a-f]{32}\r\n.*"), response);
        assertTrue(response.contains("\"code\":\"" + code + "\""), response);
        assertFalse(response.contains("<html"), response);
    }

    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void stopping_lets_an_in_flight_request_finish() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        BooleanSupplier slowReadiness = () -> {
            entered.countDown();
            try {
                Thread.sleep(500);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return true;
        };
        ApiServer slow = withProjects(new FailingProjects(IllegalStateException::new), slowReadiness);

        CompletableFuture<ApiResponse> inFlight = CompletableFuture.supplyAsync(() -> slow.client().get("/readyz", null));
        assertTrue(entered.await(5, TimeUnit.SECONDS));
        slow.close();

        assertEquals(200, inFlight.get(10, TimeUnit.SECONDS).status());
    }

    /** A project store that fails every call, as a broken database would. */
    private record FailingProjects(Supplier<RuntimeException> failure) implements ProjectRepository {
        @Override
        public void insert(Project project) {
            throw failure.get();
        }

        @Override
        public void update(Project project) {
            throw failure.get();
        }

        @Override
        public Optional<Project> find(OrgId orgId, ProjectId id) {
            throw failure.get();
        }

        @Override
        public List<Project> listVisible(Actor actor, Optional<ProjectCursor> after, int limit) {
            throw failure.get();
        }

        @Override
        public void detachTeam(OrgId orgId, TeamId teamId, Instant now) {
            throw failure.get();
        }
    }
}
