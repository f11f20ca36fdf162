package com.arkloop.projects.bootstrap;

import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.adapters.http.testing.ApiClient;
import com.arkloop.projects.adapters.http.testing.ApiResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import command, run beside a server on the same data directory, and what the API then serves. */
class ImportCommandIT {

    static final String ORG = "11111111-1111-1111-1111-111111111111";
    static final String USER = "22222222-2222-2222-2222-222222222222";

    @TempDir
    Path dataDir;

    @TempDir
    Path source;

    @Test
    void publishes_a_directory_that_the_api_then_lists_and_serves() throws Exception {
        Files.createDirectories(source.resolve("src/lib"));
        Files.writeString(source.resolve("src/main.go"), "package main\n");
        Files.writeString(source.resolve("README.md"), "# hello\n");
        Files.createSymbolicLink(source.resolve("src/readme"), Path.of("../README.md"));
        Settings settings = TestServers.settings(dataDir, Map.of());

        try (ArkloopServer server = ArkloopServer.start(settings)) {
            ApiClient client = TestServers.client(server);
            String token = TokenCommand.run(new String[] {"token", "--user", USER, "--org", ORG}, settings);
            String project = assertJson(client.post("/v1/projects", token, "{\"name\":\"imported\"}"), 201).get("id").asText();

            Output output = run("import", "--org", ORG, "--user", USER, "--project", project, source.toString());
            assertEquals(0, output.status(), output.err());
            assertTrue(output.out().matches("revision [0-9A-Z]{26}: 2 files, 21 bytes\\R"), output.out());

            JsonNode listing = assertJson(client.get("/v1/projects/" + project + "/workspace/files?path=/src", token), 200);
            List<String> names = new ArrayList<>();
            listing.get("items").forEach(item -> names.add(item.get("name").asText() + ":" + item.get("type").asText()));
            assertEquals(List.of("lib:dir", "main.go:file", "readme:symlink"), names);
            ApiResponse file = client.get("/v1/projects/" + project + "/workspace/file?path=/src/main.go", token);
            assertEquals(200, file.status());
            assertEquals("package main\n", file.bodyText());
            assertEquals("text/plain; charset=utf-8", file.header("Content-Type"));
        }
    }

    @Test
    void refuses_a_directory_with_a_link_that_leaves_it_and_publishes_nothing() throws Exception {
        Files.writeString(source.resolve("ok.txt"), "fine");
        Files.createSymbolicLink(source.resolve("escape"), Path.of("../../etc/passwd"));
        Settings settings = TestServers.settings(dataDir, Map.of());
        try (ArkloopServer server = ArkloopServer.start(settings)) {
            ApiClient client = TestServers.client(server);
            String token = TokenCommand.run(new String[] {"token", "--user", USER, "--org", ORG}, settings);
            String project = assertJson(client.post("/v1/projects", token, "{\"name\":\"p\"}"), 201).get("id").asText();

            Output output = run("import", "--org", ORG, "--user", USER, "--project", project, source.toString());
            assertEquals(1, output.status());
            assertTrue(output.err().startsWith("error: workspaces.invalid_archive"), output.err());
            assertTrue(assertJson(client.get("/v1/projects/" + project + "/workspace", token), 200).get("revision").isNull());
        }
    }

    record Output(int status, String out, String err) {
    }

    /** Main as the shell runs it, with only the data directory in the environment. */
    private Output run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, Map.of("ARKLOOP_DATA_DIR", dataDir.toString()), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
