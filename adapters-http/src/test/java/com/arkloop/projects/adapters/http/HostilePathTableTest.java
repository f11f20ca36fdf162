package com.arkloop.projects.adapters.http;

import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertError;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertJson;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.adapters.http.testing.ApiResponse;
import com.arkloop.projects.adapters.http.testing.ApiServer;
import com.arkloop.projects.adapters.http.testing.RawHttp;
import com.arkloop.projects.adapters.http.testing.TestCaller;
import com.arkloop.projects.adapters.http.testing.UseCaseWiring;
import com.arkloop.projects.adapters.http.testing.UseCaseWiring.InMemoryWorkspaces;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile {@code ?path=} values, each sent on the wire exactly as written here (a raw socket, nothing
 * re-encoded), against both the file and the listing endpoint of a started server. Every row states
 * the status and code of each; no row may answer 5xx or show bytes or names from outside the caller's
 * workspace: sentinels sit in another user's workspace of the same project, in another project of the
 * caller, in another org, and in a file on disk next to the server.
 */
class HostilePathTableTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final TestCaller CALLER = TestCaller.member(ORG);
    private static final TestCaller NEIGHBOUR = TestCaller.member(ORG);
    private static final TestCaller STRANGER = TestCaller.admin(UUID.randomUUID());
    private static final String INVALID = "workspace_files.invalid_path";
    private static final String NOT_FOUND = "workspace_files.not_found";
    private static final List<String> SENTINELS = List.of("SENTINEL-OTHER-USER", "SENTINEL-OTHER-PROJECT",
            "SENTINEL-OTHER-ORG", "SENTINEL-DATA-ROOT", "secret-of-neighbour", "secret-of-other-project",
            "secret-of-other-org", "root:x:0:0");

    private static final String NFC = "caf\u00e9.txt";
    private static final String MAX_SEGMENT = "s".repeat(255);

    private static InMemoryWorkspaces world;
    private static ApiServer server;
    private static RawHttp raw;
    private static String project;
    private static String hiddenProject;
    private static String foreignProject;
    private static Path diskSentinel;

    @BeforeAll
    static void start() throws IOException {
        world = UseCaseWiring.inMemoryWorkspaces();
        server = ApiServer.start(world.dependencies());
        raw = new RawHttp(server.port());
        project = create(CALLER, "{\"name\":\"shared\",\"visibility\":\"shared\"}");
        String otherProject = create(CALLER, "{\"name\":\"other\"}");
        hiddenProject = create(NEIGHBOUR, "{\"name\":\"private to the neighbour\"}");
        foreignProject = create(STRANGER, "{\"name\":\"elsewhere\"}");

        world.contents(CALLER, project)
                .file("/src/main.go", "package main\n")
                .file("/lit/%2e%2e", "LITERAL-PERCENT")
                .file("/a+b.txt", "PLUS")
                .file("/a b.txt", "SPACE")
                .file("/" + NFC, "NFC")
                .file("/a\u2215b", "LOOKALIKE-SLASH")
                .file("/\u2024\u2024", "LOOKALIKE-DOTS")
                .file("/max/" + MAX_SEGMENT, "MAX-SEGMENT")
                .publish();
        world.contents(NEIGHBOUR, project).file("/src/main.go", "SENTINEL-OTHER-USER")
                .file("/secret-of-neighbour.txt", "SENTINEL-OTHER-USER").file("/etc/passwd", "root:x:0:0").publish();
        world.contents(CALLER, otherProject).file("/src/main.go", "SENTINEL-OTHER-PROJECT")
                .file("/secret-of-other-project.txt", "SENTINEL-OTHER-PROJECT").publish();
        world.contents(NEIGHBOUR, hiddenProject).file("/src/main.go", "SENTINEL-OTHER-USER").publish();
        world.contents(STRANGER, foreignProject).file("/src/main.go", "SENTINEL-OTHER-ORG")
                .file("/secret-of-other-org.txt", "SENTINEL-OTHER-ORG").publish();
        // The in-memory store never reads the disk; with a file-system store, the same rows must not reach this.
        diskSentinel = Path.of("target", "hostile-path-sentinel.txt").toAbsolutePath();
        Files.createDirectories(diskSentinel.getParent());
        Files.writeString(diskSentinel, "SENTINEL-DATA-ROOT");
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        Files.deleteIfExists(diskSentinel);
    }

    private static String create(TestCaller owner, String json) {
        return assertJson(server.client().post("/v1/projects", owner.token(), json), 201).get("id").asText();
    }

    /** What one endpoint answers: a status, the error code (null for a success) and, for a file, its bytes. */
    record Expect(int status, String code, String body) {
    }

    static Expect ok(String body) {
        return new Expect(200, null, body);
    }

    static final Expect LISTED_EMPTY = new Expect(200, null, "");
    static final Expect BAD = new Expect(400, INVALID, null);
    static final Expect MISSING = new Expect(404, NOT_FOUND, null);

    static Arguments row(String name, String query, Expect file, Expect listing) {
        return Arguments.of(Named.of(name + ": ?" + abbreviate(query), query), file, listing);
    }

    private static String abbreviate(String query) {
        return query.length() > 60 ? query.substring(0, 60) + "…(" + query.length() + " chars)" : query;
    }

    /** A path of {@code bytes} bytes (leading slash included) of 17 segments, none over 255 bytes. */
    static String percentEncoded(String ascii) {
        StringBuilder encoded = new StringBuilder();
        ascii.chars().forEach(c -> encoded.append('%').append(String.format("%02X", c)));
        return encoded.toString();
    }

    static String pathOfBytes(int bytes) {
        int segments = 17;
        int letters = bytes - segments;
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < segments; i++) {
            int size = letters / segments + (i < letters % segments ? 1 : 0);
            parts.add("p".repeat(size));
        }
        return "/" + String.join("/", parts);
    }

    static Stream<Arguments> rows() {
        String path4096 = pathOfBytes(4096);
        String path4097 = pathOfBytes(4097);
        return Stream.of(
                row("a valid file, for reference", "path=src/main.go", ok("package main\n"), LISTED_EMPTY),
                row("a valid directory, for reference", "path=src", MISSING, new Expect(200, null, "main.go")),
                row("dot-dot", "path=..", BAD, BAD),
                row("dot-dot below a directory", "path=src/..", BAD, BAD),
                row("dot-dot climbing out", "path=src/../../etc/passwd", BAD, BAD),
                row("encoded dot-dot", "path=%2e%2e", BAD, BAD),
                row("encoded dot-dot, upper case", "path=%2E%2E", BAD, BAD),
                row("half-encoded dot-dot", "path=.%2e", BAD, BAD),
                row("dot-dot and an encoded slash", "path=..%2f", BAD, BAD),
                row("dot-dot and an encoded slash, then a name", "path=..%2fsecret-of-neighbour.txt", BAD, BAD),
                row("fully encoded traversal", "path=%2e%2e%2f%2e%2e%2fetc%2fpasswd", BAD, BAD),
                row("double-encoded dot-dot is a literal name", "path=%252e%252e", MISSING, LISTED_EMPTY),
                row("double-encoded dot-dot names the literal file", "path=lit/%252e%252e", ok("LITERAL-PERCENT"), LISTED_EMPTY),
                row("double-encoded slash is part of a name", "path=src%252Fmain.go", MISSING, LISTED_EMPTY),
                row("an encoded slash separates, decoded once", "path=src%2Fmain.go", ok("package main\n"), LISTED_EMPTY),
                row("overlong UTF-8 dot", "path=%c0%ae%c0%ae", BAD, BAD),
                row("overlong UTF-8 slash", "path=src%c0%afmain.go", BAD, BAD),
                row("three-byte overlong dot", "path=%e0%80%ae%e0%80%ae", BAD, BAD),
                row("invalid UTF-8 byte", "path=%ff", BAD, BAD),
                row("an encoded surrogate", "path=%ed%a0%80", BAD, BAD),
                row("encoded backslash", "path=src%5cmain.go", BAD, BAD),
                row("raw backslash", "path=src\\main.go", BAD, BAD),
                row("backslash traversal", "path=..%5c..%5cetc%5cpasswd", BAD, BAD),
                row("UNC share, encoded", "path=%5c%5cserver%5cshare", BAD, BAD),
                row("UNC share, raw", "path=\\\\server\\share", BAD, BAD),
                row("a drive path with a backslash", "path=C:%5cWindows%5cwin.ini", BAD, BAD),
                row("a drive path with slashes is just names", "path=C:/Windows/win.ini", MISSING, LISTED_EMPTY),
                row("NUL", "path=a%00", BAD, BAD),
                row("NUL before an extension", "path=src/main.go%00.png", BAD, BAD),
                row("a dot segment", "path=.", BAD, BAD),
                row("a leading dot segment", "path=./src/main.go", BAD, BAD),
                row("an inner dot segment", "path=src/./main.go", BAD, BAD),
                row("an encoded dot segment", "path=%2e", BAD, BAD),
                row("an empty segment", "path=src//main.go", BAD, BAD),
                row("a leading double slash", "path=//src", BAD, BAD),
                row("three dots are a name", "path=...", MISSING, LISTED_EMPTY),
                row("the root", "path=/", BAD, new Expect(200, null, "a b.txt")),
                row("an empty path", "path=", BAD, new Expect(200, null, "a b.txt")),
                row("no path at all", "limit=5", BAD, new Expect(200, null, "a b.txt")),
                row("a trailing slash on a file", "path=src/main.go/", BAD, LISTED_EMPTY),
                row("a trailing slash on a directory", "path=src/", BAD, new Expect(200, null, "main.go")),
                row("control character SOH", "path=a%01b", BAD, BAD),
                row("control character US", "path=a%1fb", BAD, BAD),
                row("control character DEL", "path=a%7fb", BAD, BAD),
                row("line feed", "path=src/main.go%0a", BAD, BAD),
                row("carriage return and header injection", "path=a%0d%0aX-Evil:%201", BAD, BAD),
                row("tab", "path=a%09b", BAD, BAD),
                row("C1 control NEL", "path=a%c2%85b", BAD, BAD),
                row("C1 control APC", "path=a%c2%9fb", BAD, BAD),
                row("a path of exactly 4096 bytes", "path=" + path4096, MISSING, LISTED_EMPTY),
                row("a path of 4097 bytes", "path=" + path4097, BAD, BAD),
                row("a segment of 255 bytes", "path=max/" + MAX_SEGMENT, ok("MAX-SEGMENT"), LISTED_EMPTY),
                row("a segment of 256 bytes", "path=max/" + "s".repeat(256), BAD, BAD),
                row("a segment of 256 bytes in two-byte characters", "path=" + "%c3%a9".repeat(128), BAD, BAD),
                row("a path of exactly 4096 bytes, every byte percent-encoded", "path=" + percentEncoded(path4096),
                        MISSING, LISTED_EMPTY),
                row("a path of 4097 bytes, every byte percent-encoded", "path=" + percentEncoded(path4097), BAD, BAD),
                row("a request line over the server's 32 KiB limit", "path=" + "%61".repeat(12_000),
                        new Expect(414, "request.too_large", null), new Expect(414, "request.too_large", null)),
                row("a repeated path", "path=src&path=src", BAD, BAD),
                row("a repeated path, valid then hostile", "path=src/main.go&path=..", BAD, BAD),
                row("a repeated path under an encoded name", "path=src&pa%74h=src", BAD, BAD),
                row("a repeated empty path", "path=&path=", BAD, BAD),
                row("look-alike slash (division slash) is one name", "path=a%e2%88%95b", ok("LOOKALIKE-SLASH"), LISTED_EMPTY),
                row("look-alike slash does not make a directory", "path=a", MISSING, LISTED_EMPTY),
                row("fullwidth solidus", "path=src%ef%bc%8fmain.go", MISSING, LISTED_EMPTY),
                row("reverse solidus operator", "path=src%e2%a7%b5main.go", MISSING, LISTED_EMPTY),
                row("look-alike dots (one dot leader) are a name", "path=%e2%80%a4%e2%80%a4", ok("LOOKALIKE-DOTS"), LISTED_EMPTY),
                row("fullwidth full stops", "path=%ef%bc%8e%ef%bc%8e", MISSING, LISTED_EMPTY),
                row("fullwidth dots and slash", "path=%ef%bc%8e%ef%bc%8e%ef%bc%8fsrc", MISSING, LISTED_EMPTY),
                row("NFC, as seeded", "path=caf%c3%a9.txt", ok("NFC"), LISTED_EMPTY),
                row("NFD of the same name", "path=cafe%cc%81.txt", MISSING, LISTED_EMPTY),
                row("no case folding", "path=SRC/MAIN.GO", MISSING, LISTED_EMPTY),
                row("plus is a space", "path=a+b.txt", ok("SPACE"), LISTED_EMPTY),
                row("%20 is a space", "path=a%20b.txt", ok("SPACE"), LISTED_EMPTY),
                row("%2B is a plus", "path=a%2Bb.txt", ok("PLUS"), LISTED_EMPTY),
                row("%2b is a plus", "path=a%2bb.txt", ok("PLUS"), LISTED_EMPTY),
                row("a lone percent", "path=%", BAD, BAD),
                row("a short escape", "path=a%2", BAD, BAD),
                row("a non-hex escape", "path=%zz", BAD, BAD),
                row("a nested escape", "path=%%32%65", BAD, BAD),
                row("an absolute system path stays inside", "path=/etc/passwd", MISSING, LISTED_EMPTY),
                row("a home directory is just a name", "path=~/.ssh/id_rsa", MISSING, LISTED_EMPTY),
                row("a trailing dot is part of the name", "path=src/main.go.", MISSING, LISTED_EMPTY),
                row("a trailing space is part of the name", "path=src/main.go%20", MISSING, LISTED_EMPTY),
                row("another user's file name", "path=secret-of-neighbour.txt", MISSING, LISTED_EMPTY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void the_file_endpoint(String query, Expect file, Expect ignored) {
        for (String method : List.of("GET", "HEAD")) {
            ApiResponse response = raw.send(method, "/v1/projects/" + project + "/workspace/file?" + query, CALLER.token());
            assertSafe(response, query);
            assertEquals(file.status(), response.status(), () -> method + " " + response);
            if (method.equals("HEAD")) {
                // A request line over the limit is refused before its method is known, so that answer has a body.
                assertTrue(response.status() == 414 || response.body().length == 0, response::toString);
            } else if (file.code() != null) {
                assertError(response, file.status(), file.code());
            } else {
                assertArrayEquals(file.body().getBytes(StandardCharsets.UTF_8), response.body(), response::toString);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void the_listing_endpoint(String query, Expect ignored, Expect listing) {
        ApiResponse response = raw.get("/v1/projects/" + project + "/workspace/files?" + query, CALLER.token());
        assertSafe(response, query);
        if (listing.code() != null) {
            assertError(response, listing.status(), listing.code());
            return;
        }
        JsonNode body = assertJson(response, 200);
        List<String> names = new ArrayList<>();
        body.get("items").forEach(item -> names.add(item.get("name").asText()));
        if (listing.body().isEmpty()) {
            assertEquals(List.of(), names, response::toString);
        } else {
            assertTrue(names.contains(listing.body()), response::toString);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void a_project_in_another_org_answers_projects_not_found_first(String query, Expect file, Expect listing) {
        assertProjectNotFound(foreignProject, query, file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void a_hidden_project_answers_projects_not_found_first(String query, Expect file, Expect listing) {
        assertProjectNotFound(hiddenProject, query, file);
    }

    private static void assertProjectNotFound(String id, String query, Expect file) {
        for (String endpoint : List.of("/file?", "/files?")) {
            ApiResponse response = raw.get("/v1/projects/" + id + "/workspace" + endpoint + query, CALLER.token());
            assertSafe(response, query);
            if (file.status() == 414) {
                assertError(response, 414, "request.too_large"); // refused by the server before any route
            } else {
                assertError(response, 404, "projects.not_found");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void the_sentinel_check_sees_sentinels_where_they_may_be_read() {
        ApiResponse own = raw.get("/v1/projects/" + project + "/workspace/file?path=src/main.go", NEIGHBOUR.token());

        assertEquals(200, own.status());
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> assertSafe(own, "path=src/main.go"));
    }

    /** No 5xx, and no sentinel in the body, unless the client itself sent it (a listing echoes its path). */
    private static void assertSafe(ApiResponse response, String query) {
        assertTrue(response.status() < 500, response::toString);
        for (String sentinel : SENTINELS.stream().filter(sentinel -> !query.contains(sentinel)).toList()) {
            assertFalse(RawHttp.contains(response.body(), sentinel.getBytes(StandardCharsets.UTF_8)),
                    () -> "bytes from outside the workspace (" + sentinel + "): " + response);
        }
    }
}
