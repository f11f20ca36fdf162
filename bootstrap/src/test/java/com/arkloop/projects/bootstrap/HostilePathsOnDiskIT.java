package com.arkloop.projects.bootstrap;

import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertError;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.arkloop.projects.adapters.http.testing.ApiResponse;
import com.arkloop.projects.adapters.http.testing.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Traversal attempts against the real server on the file-system blob store, sent raw on the wire:
 * sentinel files sit in the data directory, in the storage root and beside the workspace's own
 * directory, and no answer may contain them or be a 5xx.
 */
class HostilePathsOnDiskIT {

    static final String ORG = "11111111-1111-1111-1111-111111111111";
    static final String USER = "22222222-2222-2222-2222-222222222222";
    static final String SENTINEL = "SENTINEL-ON-DISK";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path source;

    static ArkloopServer server;
    static RawHttp raw;
    static String token;
    static String project;

    @BeforeAll
    static void start() throws Exception {
        Settings settings = TestServers.settings(dataDir, Map.of());
        server = ArkloopServer.start(settings);
        raw = new RawHttp(server.port());
        token = TokenCommand.run(new String[] {"token", "--user", USER, "--org", ORG}, settings);
        project = assertJson(TestServers.client(server).post("/v1/projects", token, "{\"name\":\"p\"}"), 201)
                .get("id").asText();
        Files.createDirectories(source.resolve("src"));
        Files.writeString(source.resolve("src/main.go"), "package main\n");
        int status = Main.run(new String[] {"import", "--org", ORG, "--user", USER, "--project", project, source.toString()},
                Map.of("ARKLOOP_DATA_DIR", dataDir.toString()), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, status);
        Files.writeString(dataDir.resolve("secret.txt"), SENTINEL);
        Files.writeString(dataDir.resolve("storage/secret.txt"), SENTINEL);
        try (var workspaces = Files.list(dataDir.resolve("storage/workspaces"))) {
            Path workspace = workspaces.findFirst().orElseThrow();
            Files.writeString(workspace.resolve("secret.txt"), SENTINEL);
            Files.writeString(workspace.resolve("blobs/secret.txt"), SENTINEL);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "../secret.txt, 400, workspace_files.invalid_path",
            "src/../../secret.txt, 400, workspace_files.invalid_path",
            "%2e%2e/secret.txt, 400, workspace_files.invalid_path",
            "%2e%2e%2fsecret.txt, 400, workspace_files.invalid_path",
            "..%2f..%2f..%2fsecret.txt, 400, workspace_files.invalid_path",
            "%252e%252e/secret.txt, 404, workspace_files.not_found",
            "%c0%ae%c0%ae/secret.txt, 400, workspace_files.invalid_path",
            "..%5csecret.txt, 400, workspace_files.invalid_path",
            "/blobs/secret.txt, 404, workspace_files.not_found",
            "/secret.txt, 404, workspace_files.not_found",
            "/manifests, 404, workspace_files.not_found",
            "/manifests/, 400, workspace_files.invalid_path",
            "src/main.go%00.txt, 400, workspace_files.invalid_path",
            "//secret.txt, 400, workspace_files.invalid_path",
            "C:/secret.txt, 404, workspace_files.not_found"})
    void never_serves_a_file_from_outside_the_workspace(String path, int status, String code) {
        ApiResponse response = raw.get("/v1/projects/" + project + "/workspace/file?path=" + path, token);
        assertError(response, status, code);
        assertFalse(response.bodyText().contains(SENTINEL), response::toString);

        ApiResponse listing = raw.get("/v1/projects/" + project + "/workspace/files?path=" + path, token);
        if (listing.status() == 200) {
            assertEquals(0, assertJson(listing, 200).get("items").size(), listing::toString);
        } else {
            assertError(listing, 400, "workspace_files.invalid_path");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"src/main.go", "/src/main.go", "%2fsrc%2fmain.go"})
    void serves_the_workspace_own_file(String path) {
        ApiResponse response = raw.get("/v1/projects/" + project + "/workspace/file?path=" + path, token);
        assertEquals(200, response.status(), response::toString);
        assertEquals("package main\n", new String(response.body(), StandardCharsets.UTF_8));
    }
}
