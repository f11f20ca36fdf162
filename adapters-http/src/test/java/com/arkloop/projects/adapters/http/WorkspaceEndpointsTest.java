package com.arkloop.projects.adapters.http;

import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertError;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertJson;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertTraceId;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.adapters.http.testing.ApiClient;
import com.arkloop.projects.adapters.http.testing.ApiResponse;
import com.arkloop.projects.adapters.http.testing.ApiServer;
import com.arkloop.projects.adapters.http.testing.RawHttp;
import com.arkloop.projects.adapters.http.testing.TestCaller;
import com.arkloop.projects.adapters.http.testing.UseCaseWiring;
import com.arkloop.projects.adapters.http.testing.UseCaseWiring.InMemoryWorkspaces;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.SessionRef;
import com.arkloop.projects.domain.workspace.SessionState;
import com.arkloop.projects.domain.workspace.SessionType;
import com.arkloop.projects.domain.workspace.Sha256;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import com.arkloop.projects.domain.workspace.WorkspaceSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The three workspace endpoints through a started server over the in-memory fakes. */
class WorkspaceEndpointsTest {

    private static final Pattern RFC3339_UTC = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    private static final String TEXT = "text/plain; charset=utf-8";

    private static InMemoryWorkspaces world;
    private static ApiServer server;
    private static ApiClient client;
    private static RawHttp raw;

    private final UUID org = UUID.randomUUID();
    private final TestCaller admin = TestCaller.admin(org);
    private final TestCaller member = TestCaller.member(org);
    private String project;

    @BeforeAll
    static void start() {
        world = UseCaseWiring.inMemoryWorkspaces();
        server = ApiServer.start(world.dependencies());
        client = server.client();
        raw = new RawHttp(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void createProject() {
        world.blobs().setAvailable(true);
        project = assertJson(client.post("/v1/projects", admin.token(), "{\"name\":\"p\",\"visibility\":\"shared\"}"), 201)
                .get("id").asText();
    }

    private String workspace() {
        return "/v1/projects/" + project + "/workspace";
    }

    private String files(String query) {
        return workspace() + "/files" + query;
    }

    private String file(String rawPath) {
        return workspace() + "/file?path=" + rawPath;
    }

    private static String etag(byte[] content) {
        return "\"" + Sha256.of(content).hex() + "\"";
    }

    private static List<String> names(JsonNode listing) {
        List<String> names = new ArrayList<>();
        listing.get("items").forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    // ---------------------------------------------------------------- GET …/workspace

    @Test
    void the_workspace_is_created_on_first_access_idle_without_revision() {
        JsonNode body = assertJson(client.get(workspace(), member.token()), 200);

        assertEquals(Set.of("project_id", "workspace_ref", "owner_user_id", "status", "last_used_at", "revision",
                "active_session"), fieldNames(body));
        assertEquals(project, body.get("project_id").asText());
        assertEquals(WorkspaceRef.derive(new OrgId(org), new UserId(member.userId()),
                ProjectId.parse(project).orElseThrow()).value(), body.get("workspace_ref").asText());
        assertEquals(member.userId().toString(), body.get("owner_user_id").asText());
        assertEquals("idle", body.get("status").asText());
        assertTrue(RFC3339_UTC.matcher(body.get("last_used_at").asText()).matches(), body::toString);
        assertTrue(body.get("revision").isNull());
        assertTrue(body.get("active_session").isNull());
    }

    @Test
    void the_workspace_reports_its_latest_revision_and_its_most_recent_live_session() {
        Revision revision = world.contents(admin, project).file("/a.txt", "a").publish();
        WorkspaceRef ref = WorkspaceRef.derive(new OrgId(org), new UserId(admin.userId()), ProjectId.parse(project).orElseThrow());
        WorkspaceSession older = WorkspaceSession.open(SessionRef.create(SessionType.SHELL, UUID.randomUUID()), ref,
                Instant.parse("2024-05-01T10:00:00Z"));
        WorkspaceSession newer = WorkspaceSession.open(SessionRef.create(SessionType.BROWSER, UUID.randomUUID()), ref,
                Instant.parse("2024-05-01T11:00:00Z")).changeState(SessionState.BUSY, Instant.parse("2024-05-01T12:00:00Z"));
        world.sessions().insert(older);
        world.sessions().insert(newer);

        JsonNode body = assertJson(client.get(workspace(), admin.token()), 200);

        assertEquals(revision.value(), body.get("revision").asText());
        assertEquals("active", body.get("status").asText());
        JsonNode session = body.get("active_session");
        assertEquals(Set.of("session_ref", "session_type", "state", "last_used_at"), fieldNames(session));
        assertEquals(newer.ref().value(), session.get("session_ref").asText());
        assertEquals("browser", session.get("session_type").asText());
        assertEquals("busy", session.get("state").asText());
        assertEquals("2024-05-01T12:00:00Z", session.get("last_used_at").asText());
    }

    @Test
    void two_users_of_one_project_get_two_workspaces_and_only_their_own_files() {
        world.contents(admin, project).file("/mine.txt", "admin's").publish();
        world.contents(member, project).file("/theirs.txt", "member's").publish();

        String adminRef = assertJson(client.get(workspace(), admin.token()), 200).get("workspace_ref").asText();
        String memberRef = assertJson(client.get(workspace(), member.token()), 200).get("workspace_ref").asText();

        assertNotEquals(adminRef, memberRef);
        assertEquals(List.of("mine.txt"), names(assertJson(client.get(files(""), admin.token()), 200)));
        assertEquals(List.of("theirs.txt"), names(assertJson(client.get(files(""), member.token()), 200)));
        assertEquals("admin's", client.get(file("mine.txt"), admin.token()).bodyText());
        assertError(client.get(file("mine.txt"), member.token()), 404, "workspace_files.not_found");
        assertError(client.get(file("theirs.txt"), admin.token()), 404, "workspace_files.not_found");
    }

    @Test
    void a_storage_outage_is_503_with_retry_after_and_the_workspace_reports_unavailable() {
        world.contents(admin, project).file("/a.txt", "a").publish();
        world.blobs().setAvailable(false);
        try {
            assertEquals("unavailable", assertJson(client.get(workspace(), admin.token()), 200).get("status").asText());
            for (String target : List.of(files(""), file("a.txt"))) {
                ApiResponse response = client.get(target, admin.token());
                assertError(response, 503, "service.unavailable");
                assertEquals("5", response.header("Retry-After"));
            }
        } finally {
            world.blobs().setAvailable(true);
        }
    }

    @Test
    void permissions_come_first_then_the_project() {
        TestCaller readsProjectsOnly = admin.scoped(Permission.PROJECTS_READ);
        TestCaller outsider = TestCaller.admin(UUID.randomUUID());

        assertJson(client.get(workspace(), readsProjectsOnly.token()), 200);
        assertError(client.get(files(""), readsProjectsOnly.token()), 403, "auth.forbidden");
        assertError(client.get(file("..%2f"), readsProjectsOnly.token()), 403, "auth.forbidden");
        assertError(client.get(workspace(), admin.scoped(Permission.RUNS_READ).token()), 403, "auth.forbidden");
        assertError(client.get(workspace(), null), 401, "auth.missing_token");
        for (String target : List.of(workspace(), files("?path=..&limit=0"), file(".."))) {
            assertError(client.get(target, outsider.token()), 404, "projects.not_found");
            assertError(client.get(target.replace(project, "not-a-uuid"), admin.token()), 404, "projects.not_found");
        }
    }

    // ---------------------------------------------------------------- GET …/workspace/files

    @Test
    void an_empty_workspace_lists_nothing_with_every_field_present() {
        JsonNode body = assertJson(client.get(files(""), admin.token()), 200);

        assertEquals(Set.of("workspace_ref", "path", "revision", "items", "next_cursor"), fieldNames(body));
        assertEquals("/", body.get("path").asText());
        assertTrue(body.get("revision").isNull());
        assertEquals(0, body.get("items").size());
        assertTrue(body.get("next_cursor").isNull());
    }

    @Test
    void a_listing_shows_directories_first_then_files_by_byte_order_with_implied_directories() {
        Revision revision = world.contents(admin, project)
                .file("/src/main.go", "package main\n")
                .file("/src/lib/util.go", "package lib\n")
                .file("/b.txt", "b").file("/B.txt", "B").file("/_x", "x").file("/\u00e9.md", "e")
                .directory("/explicit")
                .file("/deep/er/still.txt", "s")
                .symlink("/link", "b.txt")
                .publish();

        JsonNode root = assertJson(client.get(files(""), admin.token()), 200);
        assertEquals(List.of("deep", "explicit", "src", "B.txt", "_x", "b.txt", "link", "\u00e9.md"), names(root));
        assertEquals(revision.value(), root.get("revision").asText());

        JsonNode src = assertJson(client.get(files("?path=src/"), admin.token()), 200);
        assertEquals("/src", src.get("path").asText());
        JsonNode lib = src.get("items").get(0);
        assertEquals(Map.of("name", "lib", "path", "/src/lib", "type", "dir"), Map.of("name", lib.get("name").asText(),
                "path", lib.get("path").asText(), "type", lib.get("type").asText()));
        assertTrue(lib.get("size").isNull() && lib.get("mtime_unix_ms").isNull() && lib.get("mime_type").isNull(), lib::toString);
        JsonNode main = src.get("items").get(1);
        assertEquals(Set.of("name", "path", "type", "size", "mtime_unix_ms", "mime_type"), fieldNames(main));
        assertEquals("/src/main.go", main.get("path").asText());
        assertEquals("file", main.get("type").asText());
        assertEquals(13, main.get("size").asLong());
        assertEquals(1_710_000_000_000L, main.get("mtime_unix_ms").asLong());
        assertEquals(TEXT, main.get("mime_type").asText());

        JsonNode explicit = root.get("items").get(1);
        assertEquals(1_710_000_000_000L, explicit.get("mtime_unix_ms").asLong(), "an explicit directory has its mtime");
        JsonNode link = root.get("items").get(6);
        assertEquals("symlink", link.get("type").asText());
        assertTrue(link.get("size").isNull() && link.get("mime_type").isNull(), link::toString);
        JsonNode unknownType = root.get("items").get(4);
        assertEquals("_x", unknownType.get("name").asText());
        assertTrue(unknownType.get("mime_type").isNull(), "listings do not sniff");
    }

    @Test
    void a_file_path_or_a_missing_path_lists_as_empty() {
        world.contents(admin, project).file("/src/main.go", "x").publish();

        for (String query : List.of("?path=src/main.go", "?path=/src/main.go/", "?path=nothing/here")) {
            JsonNode body = assertJson(client.get(files(query), admin.token()), 200);
            assertEquals(0, body.get("items").size(), query);
            assertTrue(body.get("next_cursor").isNull());
        }
    }

    @Test
    void a_missing_manifest_object_lists_as_empty_and_reports_the_revision() {
        Revision lost = world.contents(admin, project).publishWithoutManifest();

        JsonNode body = assertJson(client.get(files(""), admin.token()), 200);

        assertEquals(0, body.get("items").size());
        assertEquals(lost.value(), body.get("revision").asText());
        assertError(client.get(file("anything.txt"), admin.token()), 404, "workspace_files.not_found");
    }

    @Test
    void large_directories_page_with_next_cursor_until_it_is_null() {
        var contents = world.contents(admin, project);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            contents.file("/d" + i + "/f", "x");
            expected.add("d" + i);
        }
        for (int i = 0; i < 8; i++) {
            contents.file("/f" + i + ".txt", "x");
            expected.add("f" + i + ".txt");
        }
        contents.publish();

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = assertJson(client.get(files("?limit=4" + (cursor == null ? "" : "&cursor=" + cursor)), admin.token()), 200);
            assertTrue(page.get("items").size() <= 4);
            seen.addAll(names(page));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
            pages++;
        } while (cursor != null && pages < 10);

        assertEquals(expected, seen);
        assertEquals(3, pages);
        assertEquals(11, assertJson(client.get(files("?limit=10000"), admin.token()), 200).get("items").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"?limit=0", "?limit=10001", "?limit=abc", "?limit=", "?limit=%2B5", "?limit=1.5",
            "?limit=99999999999", "?limit=1&limit=2"})
    void a_bad_limit_is_400_naming_it(String query) {
        assertError(client.get(files(query), admin.token()), 400, "validation.error", "limit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"?cursor=%%%", "?cursor=not-base64!", "?cursor=", "?cursor=ZmFrZQ&cursor=ZmFrZQ", "?cursor=%zz"})
    void a_bad_cursor_is_400_naming_it(String query) {
        assertError(raw.get(files(query), admin.token()), 400, "validation.error", "cursor");
    }

    @Test
    void the_path_is_checked_before_limit_and_cursor() {
        assertError(client.get(files("?path=..&limit=0&cursor=%25"), admin.token()), 400, "workspace_files.invalid_path");
    }

    // ---------------------------------------------------------------- GET …/workspace/file

    static Stream<Arguments> contentTypes() {
        return Stream.of(
                type("main.go", TEXT), type("Main.java", TEXT), type("app.py", TEXT), type("lib.rs", TEXT),
                type("x.c", TEXT), type("x.h", TEXT), type("run.sh", TEXT), type("notes.txt", TEXT),
                type("server.log", TEXT), type("schema.sql", TEXT), type("Makefile", TEXT),
                type("README.md", "text/markdown; charset=utf-8"),
                type("index.html", "text/html; charset=utf-8"), type("old.htm", "text/html; charset=utf-8"),
                type("site.css", "text/css; charset=utf-8"),
                type("app.js", "text/javascript; charset=utf-8"), type("mod.mjs", "text/javascript; charset=utf-8"),
                type("data.csv", "text/csv; charset=utf-8"),
                type("data.json", "application/json"), type("feed.xml", "application/xml"),
                type("ci.yaml", "application/yaml"), type("ci.yml", "application/yaml"),
                type("logo.svg", "image/svg+xml"), type("a.png", "image/png"), type("A.PNG", "image/png"),
                type("b.jpg", "image/jpeg"), type("c.jpeg", "image/jpeg"), type("d.gif", "image/gif"),
                type("e.webp", "image/webp"), type("doc.pdf", "application/pdf"),
                type("a.zip", "application/zip"), type("a.gz", "application/gzip"), type("a.tar", "application/x-tar"));
    }

    private static Arguments type(String name, String expected) {
        return Arguments.of(name, expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("contentTypes")
    void the_content_type_comes_from_the_extension_table(String name, String expected) {
        world.contents(admin, project).file("/dir/" + name, new byte[]{0, 1, 2, (byte) 0xff}).publish();

        ApiResponse response = client.get(file("dir/" + name), admin.token());

        assertEquals(200, response.status(), response::toString);
        assertEquals(expected, response.header("Content-Type"));
        assertArrayEquals(new byte[]{0, 1, 2, (byte) 0xff}, response.body());
        assertEquals(expected, assertJson(client.get(files("?path=dir"), admin.token()), 200)
                .get("items").get(0).get("mime_type").asText(), "listings use the same table");
    }

    static Stream<Arguments> sniffed() {
        return Stream.of(
                Arguments.of("ascii text", "plain words\n".getBytes(StandardCharsets.UTF_8), TEXT),
                Arguments.of("multibyte UTF-8", "h\u00e9llo \u4e16\u754c \ud83d\ude00".getBytes(StandardCharsets.UTF_8), TEXT),
                Arguments.of("an empty file", new byte[0], TEXT),
                Arguments.of("a NUL byte", new byte[]{'a', 0, 'b'}, "application/octet-stream"),
                Arguments.of("invalid UTF-8", new byte[]{'a', (byte) 0xff, 'b'}, "application/octet-stream"),
                Arguments.of("an overlong form", new byte[]{(byte) 0xc0, (byte) 0xae}, "application/octet-stream"),
                Arguments.of("an unknown extension", "text".getBytes(StandardCharsets.UTF_8), TEXT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sniffed")
    void without_a_known_extension_the_content_type_is_sniffed(String what, byte[] content, String expected) {
        String name = what.equals("an unknown extension") ? "data.unknownext" : "blob";
        world.contents(admin, project).file("/" + name, content).publish();

        ApiResponse response = client.get(file(name), admin.token());

        assertEquals(200, response.status(), response::toString);
        assertEquals(expected, response.header("Content-Type"));
        assertArrayEquals(content, response.body());
        assertEquals(Integer.toString(content.length), response.header("Content-Length"));
    }

    @Test
    void a_file_answers_its_bytes_with_the_contract_headers() {
        byte[] content = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        world.contents(admin, project).file("/page.html", content).publish();

        ApiResponse response = raw.get(file("page.html"), admin.token());

        assertEquals(200, response.status(), response::toString);
        assertTraceId(response);
        assertArrayEquals(content, response.body());
        assertEquals(Integer.toString(content.length), response.header("Content-Length"));
        assertEquals("text/html; charset=utf-8", response.header("Content-Type"));
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("default-src 'none'; sandbox", response.header("Content-Security-Policy"));
        assertEquals(etag(content), response.header("ETag"));
        assertEquals("private, max-age=60", response.header("Cache-Control"));
        assertEquals("bytes", response.header("Accept-Ranges"));
        assertNull(response.header("Content-Encoding"));
        assertNull(response.header("Transfer-Encoding"));
    }

    @Test
    void file_bytes_are_never_compressed_even_when_the_client_accepts_it() {
        byte[] content = "compressible ".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        world.contents(admin, project).file("/big.txt", content).publish();

        ApiResponse response = raw.get(file("big.txt"), admin.token(), "Accept-Encoding: gzip, br, zstd");

        assertEquals(200, response.status());
        assertNull(response.header("Content-Encoding"));
        assertEquals(Integer.toString(content.length), response.header("Content-Length"));
        assertArrayEquals(content, response.body());
    }

    @Test
    void head_answers_the_same_headers_without_a_body() {
        byte[] content = "hello world".getBytes(StandardCharsets.UTF_8);
        world.contents(admin, project).file("/c.txt", content).publish();

        ApiResponse get = raw.get(file("c.txt"), admin.token());
        ApiResponse head = raw.send("HEAD", file("c.txt"), admin.token());

        assertEquals(200, head.status());
        assertEquals(0, head.body().length, "bytes after the head of a HEAD response");
        assertEquals(withoutVarying(get), withoutVarying(head));
        ApiResponse headRange = raw.send("HEAD", file("c.txt"), admin.token(), "Range: bytes=0-4");
        assertEquals(206, headRange.status());
        assertEquals("bytes 0-4/11", headRange.header("Content-Range"));
        assertEquals("5", headRange.header("Content-Length"));
        assertEquals(0, headRange.body().length);
        assertEquals(404, raw.send("HEAD", file("missing"), admin.token()).status());
    }

    private static Map<String, List<String>> withoutVarying(ApiResponse response) {
        Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(response.headers().map());
        headers.remove("Date");
        headers.remove("X-Trace-Id");
        return headers;
    }

    @Test
    void if_none_match_answers_304_with_the_etag_and_no_body() {
        byte[] content = "cached".getBytes(StandardCharsets.UTF_8);
        world.contents(admin, project).file("/c.txt", content).publish();
        String tag = etag(content);

        for (String header : List.of(tag, "\"other\", " + tag, "*", "W/" + tag, "\"a\",W/" + tag + " ")) {
            ApiResponse response = raw.get(file("c.txt"), admin.token(), "If-None-Match: " + header);
            assertEquals(304, response.status(), header);
            assertEquals(tag, response.header("ETag"));
            assertEquals("private, max-age=60", response.header("Cache-Control"));
            assertEquals(0, response.body().length);
            assertTraceId(response);
            assertTrue(response.header("Content-Length") == null || response.header("Content-Length").equals("6"),
                    "a 304 may only repeat the 200's Content-Length");
        }
        for (String header : List.of("\"other\"", "\"" + Sha256.of(content).hex().toUpperCase() + "\"", Sha256.of(content).hex(), "garbage")) {
            ApiResponse response = raw.get(file("c.txt"), admin.token(), "If-None-Match: " + header);
            assertEquals(200, response.status(), header);
            assertArrayEquals(content, response.body());
        }
        ApiResponse withRange = raw.get(file("c.txt"), admin.token(), "If-None-Match: " + tag, "Range: bytes=0-1");
        assertEquals(304, withRange.status(), "If-None-Match is evaluated before Range");
    }

    static Stream<Arguments> satisfiableRanges() {
        return Stream.of(
                Arguments.of("bytes=2-4", 2, 4),
                Arguments.of("bytes=0-0", 0, 0),
                Arguments.of("bytes=5-", 5, 10),
                Arguments.of("bytes=-3", 8, 10),
                Arguments.of("bytes=-100", 0, 10),
                Arguments.of("bytes=3-999", 3, 10),
                Arguments.of("bytes=0-99999999999999999999999", 0, 10),
                Arguments.of("BYTES=10-10", 10, 10),
                Arguments.of("bytes= 1-2", 1, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("satisfiableRanges")
    void a_single_range_answers_206_with_exactly_those_bytes(String range, int first, int last) {
        byte[] content = "hello world".getBytes(StandardCharsets.UTF_8);
        world.contents(admin, project).file("/c.txt", content).publish();

        ApiResponse response = raw.get(file("c.txt"), admin.token(), "Range: " + range);

        assertEquals(206, response.status(), response::toString);
        assertEquals("bytes " + first + "-" + last + "/11", response.header("Content-Range"));
        assertEquals(Integer.toString(last - first + 1), response.header("Content-Length"));
        assertArrayEquals(Arrays.copyOfRange(content, first, last + 1), response.body());
        assertEquals(TEXT, response.header("Content-Type"));
        assertEquals(etag(content), response.header("ETag"));
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=11-", "bytes=11-20", "bytes=-0", "bytes=99999999999999999999-"})
    void an_unsatisfiable_range_is_416_with_the_size(String range) {
        world.contents(admin, project).file("/c.txt", "hello world").publish();

        ApiResponse response = raw.get(file("c.txt"), admin.token(), "Range: " + range);

        assertError(response, 416, "workspace_files.range_not_satisfiable");
        assertEquals("bytes */11", response.header("Content-Range"));
    }

    @Test
    void every_range_of_an_empty_file_is_unsatisfiable() {
        world.contents(admin, project).file("/empty.txt", new byte[0]).publish();

        ApiResponse response = raw.get(file("empty.txt"), admin.token(), "Range: bytes=0-");

        assertError(response, 416, "workspace_files.range_not_satisfiable");
        assertEquals("bytes */0", response.header("Content-Range"));
        assertEquals(200, raw.get(file("empty.txt"), admin.token()).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=abc", "bytes=4-2", "items=0-1", "bytes=0-1,3-4", "bytes=0-1, 3-4", "bytes 0-1",
            "bytes=-", "bytes=", "bytes=1-2-3", "=0-1", "bytes=-1-2", "bytes=0x1-2"})
    void a_malformed_or_multiple_range_is_ignored(String range) {
        byte[] content = "hello world".getBytes(StandardCharsets.UTF_8);
        world.contents(admin, project).file("/c.txt", content).publish();

        ApiResponse response = raw.get(file("c.txt"), admin.token(), "Range: " + range);

        assertEquals(200, response.status(), response::toString);
        assertNull(response.header("Content-Range"));
        assertArrayEquals(content, response.body());
    }

    @Test
    void if_range_honours_the_range_only_for_the_current_etag() {
        byte[] content = "hello world".getBytes(StandardCharsets.UTF_8);
        world.contents(admin, project).file("/c.txt", content).publish();

        assertEquals(206, raw.get(file("c.txt"), admin.token(), "Range: bytes=0-1", "If-Range: " + etag(content)).status());
        assertEquals(200, raw.get(file("c.txt"), admin.token(), "Range: bytes=0-1", "If-Range: \"stale\"").status());
        assertEquals(200, raw.get(file("c.txt"), admin.token(), "Range: bytes=0-1", "If-Range: W/" + etag(content)).status());
        assertEquals(200, raw.get(file("c.txt"), admin.token(), "Range: bytes=0-1",
                "If-Range: Sat, 01 Jan 2000 00:00:00 GMT").status());
    }

    @Test
    void a_file_is_streamed_whole_and_by_range_with_exact_bytes() {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new java.util.SplittableRandom(7).nextBytes(content);
        world.contents(admin, project).file("/big.bin", content).publish();

        ApiResponse whole = client.get(file("big.bin"), admin.token());
        assertEquals(200, whole.status());
        assertEquals("application/octet-stream", whole.header("Content-Type"));
        assertArrayEquals(content, whole.body());

        ApiResponse middle = raw.get(file("big.bin"), admin.token(), "Range: bytes=1000000-2000000");
        assertEquals(206, middle.status());
        assertArrayEquals(Arrays.copyOfRange(content, 1_000_000, 2_000_001), middle.body());
    }

    @Test
    void missing_blobs_directories_symlinks_and_unknown_files_are_404() {
        world.contents(admin, project)
                .fileWithoutBlob("/lost.txt", "gone".getBytes(StandardCharsets.UTF_8))
                .directory("/empty-dir")
                .file("/implied/child.txt", "c")
                .symlink("/link", "implied/child.txt")
                .publish();

        for (String path : List.of("lost.txt", "empty-dir", "implied", "link", "nothing.txt", "implied/child.txt/more")) {
            assertError(client.get(file(path), admin.token()), 404, "workspace_files.not_found");
        }
        assertEquals(200, client.get(file("implied/child.txt"), admin.token()).status());
    }

    @Test
    void a_workspace_without_revision_has_no_files() {
        assertError(client.get(file("a.txt"), admin.token()), 404, "workspace_files.not_found");
    }

    @Test
    void the_root_is_not_a_file() {
        for (String target : List.of(file(""), file("/"), file("%2F"), workspace() + "/file", workspace() + "/file?limit=5")) {
            assertError(client.get(target, admin.token()), 400, "workspace_files.invalid_path", "path");
        }
    }

    @Test
    void unknown_methods_on_workspace_routes_are_405() {
        ApiResponse response = client.send("POST", files(""), admin.token(), "{}");
        assertError(response, 405, "http.method_not_allowed");
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    // ---------------------------------------------------------------- storage failing while streaming

    @Test
    void storage_failing_before_the_first_byte_is_503_and_after_it_cuts_the_connection() {
        InMemoryWorkspaces failing = UseCaseWiring.inMemoryWorkspaces(FailingBlobStore::new);
        try (ApiServer other = ApiServer.start(failing.dependencies())) {
            String id = assertJson(other.client().post("/v1/projects", admin.token(), "{\"name\":\"p\"}"), 201).get("id").asText();
            byte[] big = new byte[FailingBlobStore.FAIL_AFTER_BYTES * 4];
            failing.contents(admin, id).file("/big.png", big).file("/fails-at-once.png", new byte[]{1, 2, 3}).publish();
            String base = "/v1/projects/" + id + "/workspace/file?path=";

            ApiResponse atOnce = other.client().get(base + "fails-at-once.png", admin.token());
            assertError(atOnce, 503, "service.unavailable");
            assertEquals("5", atOnce.header("Retry-After"));
            assertNull(atOnce.header("ETag"), "the headers of the file response were dropped");

            assertThrows(UncheckedIOException.class, () -> other.client().get(base + "big.png", admin.token()),
                    "a body cut short must not look complete");
        }
    }
}
