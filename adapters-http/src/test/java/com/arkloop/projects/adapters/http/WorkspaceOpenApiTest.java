package com.arkloop.projects.adapters.http;

import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.arkloop.projects.adapters.http.testing.ApiResponse;
import com.arkloop.projects.adapters.http.testing.ApiServer;
import com.arkloop.projects.adapters.http.testing.OpenApiContract;
import com.arkloop.projects.adapters.http.testing.RawHttp;
import com.arkloop.projects.adapters.http.testing.TestCaller;
import com.arkloop.projects.adapters.http.testing.UseCaseWiring;
import com.arkloop.projects.adapters.http.testing.UseCaseWiring.InMemoryWorkspaces;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.workspace.SessionRef;
import com.arkloop.projects.domain.workspace.SessionType;
import com.arkloop.projects.domain.workspace.Sha256;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import com.arkloop.projects.domain.workspace.WorkspaceSession;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real answers of the workspace endpoints, checked against {@code openapi.json}. */
class WorkspaceOpenApiTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.load();
    private static final UUID ORG = UUID.randomUUID();
    private static final TestCaller CALLER = TestCaller.member(ORG);
    private static final byte[] TEXT = "hello world".getBytes(StandardCharsets.UTF_8);

    private static InMemoryWorkspaces world;
    private static ApiServer server;
    private static RawHttp raw;
    private static String project;

    @BeforeAll
    static void start() {
        world = UseCaseWiring.inMemoryWorkspaces();
        server = ApiServer.start(world.dependencies());
        raw = new RawHttp(server.port());
        project = assertJson(server.client().post("/v1/projects", CALLER.token(), "{\"name\":\"p\"}"), 201).get("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Sends the request as written and checks the exchange against the document. */
    private static ApiResponse exchange(String method, String target, String... headerLines) {
        ApiResponse response = raw.send(method, target, CALLER.token(), headerLines);
        OpenApiContract.RecordedRequest request = OpenApiContract.request(method, target)
                .header("Authorization", "Bearer " + CALLER.token());
        for (String line : headerLines) {
            int colon = line.indexOf(':');
            request = request.header(line.substring(0, colon), line.substring(colon + 1).strip());
        }
        CONTRACT.assertConforms(request, OpenApiContract.response(response.status(), response.headers().map(), response.body()));
        return response;
    }

    private static String base() {
        return "/v1/projects/" + project + "/workspace";
    }

    @Test
    void the_workspace_conforms_idle_active_and_unavailable() {
        assertEquals(200, exchange("GET", base()).status());

        world.contents(CALLER, project).file("/src/main.go", TEXT).file("/a.txt", "a").file("/b.txt", "b").publish();
        WorkspaceRef ref = WorkspaceRef.derive(new OrgId(ORG), new UserId(CALLER.userId()), ProjectId.parse(project).orElseThrow());
        world.sessions().insert(WorkspaceSession.open(SessionRef.create(SessionType.SHELL, UUID.randomUUID()), ref,
                Instant.parse("2024-01-01T00:00:00Z")));
        assertEquals("active", exchange("GET", base()).json().get("status").asText());
        assertEquals(200, exchange("HEAD", base()).status());

        world.blobs().setAvailable(false);
        try {
            assertEquals("unavailable", exchange("GET", base()).json().get("status").asText());
            assertEquals(503, exchange("GET", base() + "/files").status());
            assertEquals(503, exchange("GET", base() + "/file?path=a.txt").status());
        } finally {
            world.blobs().setAvailable(true);
        }
        assertEquals(404, exchange("GET", "/v1/projects/" + UUID.randomUUID() + "/workspace").status());
        assertEquals(404, exchange("GET", "/v1/projects/nope/workspace/files").status());
    }

    @Test
    void listings_conform_with_pages_errors_and_empty_answers() {
        world.contents(CALLER, project).file("/src/main.go", TEXT).file("/src/lib/x.go", "x").file("/a.txt", "a")
                .file("/b.txt", "b").symlink("/l", "a.txt").publish();

        String cursor = exchange("GET", base() + "/files?limit=2").json().get("next_cursor").asText();
        assertEquals(200, exchange("GET", base() + "/files?limit=2&cursor=" + cursor).status());
        assertEquals(200, exchange("GET", base() + "/files?path=src/").status());
        assertEquals(200, exchange("GET", base() + "/files?path=nothing").status());
        assertEquals(400, exchange("GET", base() + "/files?path=%2e%2e").status());
        assertEquals(400, exchange("GET", base() + "/files?limit=0").status());
        assertEquals(400, exchange("GET", base() + "/files?cursor=%25").status());
    }

    @Test
    void files_conform_whole_ranged_conditional_and_failing() {
        world.contents(CALLER, project).file("/src/main.go", TEXT).file("/a.txt", "a").file("/img.png", new byte[]{1, 2})
                .file("/data.json", "{\"k\": 1}").publish();
        String file = base() + "/file?path=src/main.go";
        String etag = "\"" + Sha256.of(TEXT).hex() + "\"";

        ApiResponse whole = exchange("GET", file);
        assertEquals(200, whole.status());
        assertEquals(List.of(TEXT.length), List.of(whole.body().length));
        assertEquals(200, exchange("HEAD", file).status());
        assertEquals(200, exchange("GET", base() + "/file?path=img.png").status());
        assertEquals(200, exchange("GET", base() + "/file?path=data.json").status());
        ApiResponse part = exchange("GET", file, "Range: bytes=0-4");
        assertEquals(206, part.status());
        assertEquals(new String(Arrays.copyOfRange(TEXT, 0, 5), StandardCharsets.UTF_8), part.bodyText());
        assertEquals(206, exchange("HEAD", file, "Range: bytes=-3").status());
        assertEquals(304, exchange("GET", file, "If-None-Match: " + etag).status());
        assertEquals(416, exchange("GET", file, "Range: bytes=100-").status());
        assertEquals(400, exchange("GET", base() + "/file?path=/").status());
        assertEquals(400, exchange("GET", base() + "/file?path=a%5cb").status());
        assertEquals(404, exchange("GET", base() + "/file?path=nothing.txt").status());
        assertEquals(404, exchange("GET", "/v1/projects/" + UUID.randomUUID() + "/workspace/file?path=a.txt").status());
        assertEquals(405, exchange("PUT", base() + "/files").status());
    }

    @Test
    void the_document_catches_a_file_answer_without_its_headers() {
        world.contents(CALLER, project).file("/a.txt", "a").publish();
        String target = base() + "/file?path=a.txt";
        ApiResponse real = raw.get(target, CALLER.token());
        OpenApiContract.RecordedRequest request = OpenApiContract.request("GET", target)
                .header("Authorization", "Bearer " + CALLER.token());

        for (String dropped : List.of("ETag", "X-Content-Type-Options", "Content-Security-Policy", "Cache-Control")) {
            java.util.Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(real.headers().map());
            headers.remove(dropped);
            org.junit.jupiter.api.Assertions.assertFalse(CONTRACT.violations(request,
                    OpenApiContract.response(200, headers, real.body())).isEmpty(), dropped);
        }
        java.util.Map<String, List<String>> weak = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        weak.putAll(real.headers().map());
        weak.put("ETag", List.of("W/\"x\""));
        org.junit.jupiter.api.Assertions.assertFalse(CONTRACT.violations(request,
                OpenApiContract.response(200, weak, real.body())).isEmpty(), "a weak ETag");
    }
}
