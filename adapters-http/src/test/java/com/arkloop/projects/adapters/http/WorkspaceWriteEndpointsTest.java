package com.arkloop.projects.adapters.http;

import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertError;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertJson;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.adapters.http.testing.ApiClient;
import com.arkloop.projects.adapters.http.testing.ApiResponse;
import com.arkloop.projects.adapters.http.testing.ApiServer;
import com.arkloop.projects.adapters.http.testing.OpenApiContract;
import com.arkloop.projects.adapters.http.testing.TestCaller;
import com.arkloop.projects.adapters.http.testing.UseCaseWiring;
import com.arkloop.projects.adapters.http.testing.UseCaseWiring.InMemoryWorkspaces;
import com.arkloop.projects.application.workspace.PublishRevision;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.workspace.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Writing workspaces over HTTP: file writes and deletes, snapshots, the history, and base revisions. */
class WorkspaceWriteEndpointsTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.load();
    private static final long MAX_FILE_BYTES = 64 * 1024;

    private static InMemoryWorkspaces world;
    private static ApiServer server;
    private static ApiClient client;

    private final UUID org = UUID.randomUUID();
    private final TestCaller member = TestCaller.member(org);
    private String project;

    @BeforeAll
    static void start() {
        world = UseCaseWiring.inMemoryWorkspaces(ApiSettings.DEFAULTS.withMaxFileBytes(MAX_FILE_BYTES),
                PublishRevision.Limits.DEFAULT);
        server = ApiServer.start(world.dependencies());
        client = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void createProject() {
        project = assertJson(client.post("/v1/projects", member.token(), "{\"name\":\"p\"}"), 201).get("id").asText();
    }

    private String workspace() {
        return "/v1/projects/" + project + "/workspace";
    }

    private String file(String path) {
        return workspace() + "/file?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    private ApiResponse put(String path, byte[] content, String... headers) {
        return send("PUT", file(path), content, headers);
    }

    private ApiResponse send(String method, String target, byte[] body, String... headers) {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            all.put(headers[i], headers[i + 1]);
        }
        return client.send(method, target, all, "Bearer " + member.token(), body);
    }

    /** Sends and checks the exchange against {@code openapi.json}. */
    private ApiResponse conforming(String method, String target, byte[] body, String... headers) {
        ApiResponse response = send(method, target, body, headers);
        OpenApiContract.RecordedRequest request = OpenApiContract.request(method, target)
                .header("Authorization", "Bearer " + member.token());
        for (int i = 0; i < headers.length; i += 2) {
            request = request.header(headers[i], headers[i + 1]);
        }
        if (body != null) {
            request = request.body(body);
        }
        CONTRACT.assertConforms(request, OpenApiContract.response(response.status(), response.headers().map(), response.body()));
        return response;
    }

    private String revisionOf(ApiResponse published) {
        return published.json().get("revision").asText();
    }

    private List<String> revisions() {
        List<String> revisions = new ArrayList<>();
        assertJson(client.get(workspace() + "/revisions?limit=1000", member.token()), 200).get("items")
                .forEach(item -> revisions.add(item.get("revision").asText()));
        return revisions;
    }

    private byte[] read(String path, String query) {
        ApiResponse response = client.get(file(path) + query, member.token());
        assertEquals(200, response.status(), response::toString);
        return response.body();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- PUT and DELETE

    @Test
    void a_put_publishes_a_revision_holding_the_file_and_answers_its_path_size_and_sha256() {
        byte[] content = bytes("package main\n");

        ApiResponse written = conforming("PUT", file("src/main.go"), content, "Content-Type", "application/octet-stream");

        JsonNode body = assertJson(written, 201);
        assertEquals("/src/main.go", body.get("path").asText());
        assertEquals(content.length, body.get("size").asLong());
        assertEquals(Sha256.of(content).hex(), body.get("sha256").asText());
        assertEquals(List.of(body.get("revision").asText()), revisions());
        assertEquals(body.get("revision").asText(),
                assertJson(client.get(workspace(), member.token()), 200).get("revision").asText());
        assertArrayEquals(content, read("/src/main.go", ""));
    }

    @Test
    void a_body_sent_as_a_form_the_way_curl_sends_data_is_stored_byte_for_byte() {
        byte[] content = bytes("a=1&b=%41+c");

        assertJson(put("/form.txt", content, "Content-Type", "application/x-www-form-urlencoded"), 201);

        assertArrayEquals(content, read("/form.txt", ""));
    }

    @Test
    void a_chunked_body_without_a_length_is_streamed_and_an_empty_body_is_an_empty_file() throws Exception {
        byte[] content = new byte[40_000];
        new java.util.Random(7).nextBytes(content);
        HttpRequest request = HttpRequest.newBuilder(client.base().resolve(file("/chunked.bin")))
                .header("Authorization", "Bearer " + member.token())
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(content))).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response::body);
        assertArrayEquals(content, read("/chunked.bin", ""));

        assertEquals(0, assertJson(put("/empty", new byte[0]), 201).get("size").asLong());
        assertArrayEquals(new byte[0], read("/empty", ""));
    }

    @Test
    void a_delete_publishes_a_revision_without_the_file_and_a_missing_file_is_404() {
        assertJson(put("/a.txt", bytes("a")), 201);
        assertJson(put("/b.txt", bytes("b")), 201);

        ApiResponse deleted = conforming("DELETE", file("/a.txt"), null);

        assertJson(deleted, 200);
        assertEquals(revisionOf(deleted), revisions().getFirst());
        assertError(client.get(file("/a.txt"), member.token()), 404, "workspace_files.not_found");
        assertError(conforming("DELETE", file("/a.txt"), null), 404, "workspace_files.not_found");
        assertError(send("DELETE", file("/nowhere/x"), null), 404, "workspace_files.not_found");
        assertEquals(3, revisions().size());
    }

    @Test
    void a_bad_path_is_400_and_a_caller_who_cannot_see_the_project_gets_404_first() {
        assertError(put("/a/../b", bytes("x")), 400, "workspace_files.invalid_path");
        assertError(put("/", bytes("x")), 400, "workspace_files.invalid_path");
        assertJson(put("/dir/file", bytes("x")), 201);
        assertError(put("/dir", bytes("x")), 400, "workspace_files.invalid_path");
        assertError(put("/dir/file/below", bytes("x")), 400, "workspace_files.invalid_path");

        TestCaller stranger = TestCaller.member(UUID.randomUUID());
        assertError(client.send("PUT", file("/a/../b"), Map.of(), "Bearer " + stranger.token(), bytes("x")),
                404, "projects.not_found");
        assertEquals(1, revisions().size());
    }

    @Test
    void writes_need_data_runs_write_checked_before_anything_else() {
        TestCaller reader = member.scoped(Permission.PROJECTS_READ, Permission.RUNS_READ);

        assertError(client.send("PUT", file("/a"), Map.of(), "Bearer " + reader.token(), bytes("x")), 403, "auth.forbidden");
        assertError(client.send("DELETE", "/v1/projects/not-a-uuid/workspace/file?path=/a", Map.of(),
                "Bearer " + reader.token(), null), 403, "auth.forbidden");
        assertError(client.send("POST", workspace() + "/snapshot", Map.of(), "Bearer " + reader.token(), bytes("x")),
                403, "auth.forbidden");
        assertEquals(List.of(), revisions());
    }

    // ---------------------------------------------------------------- the size cap

    @Test
    void a_content_length_over_the_cap_is_413_before_reading_and_publishes_nothing() {
        assertJson(put("/keep", bytes("kept")), 201);

        ApiResponse refused = conforming("PUT", file("/big"), new byte[(int) MAX_FILE_BYTES + 1]);

        assertError(refused, 413, "request.too_large", "body");
        assertEquals(1, revisions().size());
        assertJson(put("/exact", new byte[(int) MAX_FILE_BYTES]), 201);
    }

    @Test
    void a_chunked_body_over_the_cap_is_413_and_publishes_nothing() throws Exception {
        byte[] content = new byte[(int) MAX_FILE_BYTES + 10];
        HttpRequest request = HttpRequest.newBuilder(client.base().resolve(file("/big")))
                .header("Authorization", "Bearer " + member.token())
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(content))).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(413, response.statusCode(), response::body);
        assertTrue(response.body().contains("\"request.too_large\""), response::body);
        assertEquals(List.of(), revisions());
    }

    // ---------------------------------------------------------------- history and older revisions

    @Test
    void revisions_list_newest_first_in_pages_and_older_ones_stay_readable_with_their_own_content() {
        String first = revisionOf(assertResponse(put("/notes.txt", bytes("one")), 201));
        String second = revisionOf(assertResponse(put("/notes.txt", bytes("two")), 201));
        String third = revisionOf(assertResponse(send("DELETE", file("/notes.txt"), null), 200));

        JsonNode page = assertJson(conforming("GET", workspace() + "/revisions?limit=2", null), 200);
        assertEquals(List.of(third, second), List.of(page.get("items").get(0).get("revision").asText(),
                page.get("items").get(1).get("revision").asText()));
        assertEquals(0, page.get("items").get(0).get("file_count").asLong());
        assertEquals(1, page.get("items").get(1).get("file_count").asLong());
        assertEquals(3, page.get("items").get(1).get("byte_count").asLong());
        assertTrue(page.get("items").get(0).get("created_at").asText().endsWith("Z"));
        JsonNode last = assertJson(client.get(workspace() + "/revisions?limit=2&cursor=" + page.get("next_cursor").asText(),
                member.token()), 200);
        assertEquals(first, last.get("items").get(0).get("revision").asText());
        assertTrue(last.get("next_cursor").isNull());
        assertTrue(first.compareTo(second) < 0 && second.compareTo(third) < 0, "revision ids sort in creation order");

        assertArrayEquals(bytes("one"), read("/notes.txt", "&revision=" + first));
        assertArrayEquals(bytes("two"), read("/notes.txt", "&revision=" + second));
        assertError(client.get(file("/notes.txt"), member.token()), 404, "workspace_files.not_found");
        JsonNode listing = assertJson(conforming("GET", workspace() + "/files?path=/&revision=" + first, null), 200);
        assertEquals(first, listing.get("revision").asText());
        assertEquals("notes.txt", listing.get("items").get(0).get("name").asText());
        assertEquals(0, assertJson(client.get(workspace() + "/files?revision=" + third, member.token()), 200)
                .get("items").size());
    }

    @Test
    void an_unknown_revision_is_404_revision_not_found_after_the_project_and_path_checks() {
        assertJson(put("/a", bytes("a")), 201);
        String unknown = "01ARZ3NDEKTSV4RRFFQ69G5FAV";

        assertError(conforming("GET", file("/a") + "&revision=" + unknown, null), 404, "workspaces.revision_not_found");
        assertError(conforming("GET", workspace() + "/files?revision=" + unknown, null), 404, "workspaces.revision_not_found");
        assertError(client.get(workspace() + "/files?revision=nonsense", member.token()), 404, "workspaces.revision_not_found");
        assertError(client.get(file("/a") + "&revision=a&revision=b", member.token()), 404, "workspaces.revision_not_found");
        assertError(client.get(file("/a/../b") + "&revision=" + unknown, member.token()), 400, "workspace_files.invalid_path");
        TestCaller stranger = TestCaller.member(UUID.randomUUID());
        assertError(client.get(file("/a") + "&revision=" + unknown, stranger.token()), 404, "projects.not_found");
    }

    @Test
    void a_bad_limit_or_cursor_on_the_history_is_400() {
        assertError(client.get(workspace() + "/revisions?limit=0", member.token()), 400, "validation.error", "limit");
        assertError(client.get(workspace() + "/revisions?cursor=%25", member.token()), 400, "validation.error", "cursor");
    }

    // ---------------------------------------------------------------- base revisions

    @Test
    void a_stale_if_match_is_409_and_changes_nothing() {
        String first = revisionOf(assertResponse(put("/a.txt", bytes("one")), 201));
        String second = revisionOf(assertResponse(put("/a.txt", bytes("two"), "If-Match", "\"" + first + "\""), 201));

        assertError(conforming("PUT", file("/a.txt"), bytes("three"), "If-Match", "\"" + first + "\""),
                409, "workspaces.revision_conflict");
        assertError(conforming("DELETE", file("/a.txt"), null, "If-Match", "\"" + first + "\""),
                409, "workspaces.revision_conflict");
        assertError(send("POST", workspace() + "/snapshot", Tars.tar(Tars.file("x", "x")), "If-Match", "\"" + first + "\""),
                409, "workspaces.revision_conflict");
        assertError(put("/a.txt", bytes("three"), "If-Match", "\"nonsense\""), 409, "workspaces.revision_conflict");

        assertEquals(List.of(second, first), revisions());
        assertArrayEquals(bytes("two"), read("/a.txt", ""));
    }

    @Test
    void base_revision_works_like_if_match_and_both_must_agree() {
        String first = revisionOf(assertResponse(put("/a.txt", bytes("one")), 201));

        assertError(send("PUT", file("/a.txt") + "&base_revision=" + first, bytes("x"), "If-Match", "\"01ARZ3NDEKTSV4RRFFQ69G5FAV\""),
                400, "validation.error", "base_revision");
        assertError(send("PUT", file("/a.txt") + "&base_revision=" + first + "&base_revision=" + first, bytes("x")),
                400, "validation.error", "base_revision");
        assertError(put("/a.txt", bytes("x"), "If-Match", "\"" + first + "\", \"" + first + "\""), 400, "validation.error", "If-Match");
        assertError(put("/a.txt", bytes("x"), "If-Match", "W/\"" + first + "\""), 400, "validation.error", "If-Match");
        assertEquals(1, revisions().size());

        String second = revisionOf(assertResponse(send("PUT", file("/a.txt") + "&base_revision=" + first, bytes("two"),
                "If-Match", "\"" + first + "\""), 201));
        assertError(send("PUT", file("/a.txt") + "&base_revision=" + first, bytes("x")), 409, "workspaces.revision_conflict");
        String third = revisionOf(assertResponse(put("/a.txt", bytes("three"), "If-Match", second), 201));
        assertJson(put("/a.txt", bytes("four"), "If-Match", "*"), 201);
        assertNotEquals(second, third);
        assertArrayEquals(bytes("four"), read("/a.txt", ""));
    }

    // ---------------------------------------------------------------- snapshots

    @Test
    void a_gzip_snapshot_replaces_everything_in_one_revision() {
        assertJson(put("/old.txt", bytes("old")), 201);
        byte[] archive = Tars.gzip(Tars.tar(
                Tars.directory("./"),
                Tars.directory("./src/"),
                Tars.file("./src/main.go", "package main\n"),
                Tars.file("README.md", "# hi\n"),
                Tars.symlink("src/link", "main.go"),
                Tars.hardlink("copy.go", "src/main.go")));

        ApiResponse published = conforming("POST", workspace() + "/snapshot", archive, "Content-Type", "application/gzip");

        JsonNode body = assertJson(published, 201);
        assertEquals(3, body.get("file_count").asLong());
        assertEquals(13 + 5 + 13, body.get("byte_count").asLong());
        assertEquals(body.get("revision").asText(), revisions().getFirst());
        assertError(client.get(file("/old.txt"), member.token()), 404, "workspace_files.not_found");
        assertArrayEquals(bytes("package main\n"), read("/src/main.go", ""));
        assertArrayEquals(bytes("package main\n"), read("/copy.go", ""));
        JsonNode src = assertJson(client.get(workspace() + "/files?path=/src", member.token()), 200);
        assertEquals(2, src.get("items").size());
    }

    @Test
    void a_plain_tar_is_accepted_whatever_its_content_type_and_gzip_is_told_by_its_magic_bytes() {
        assertJson(send("POST", workspace() + "/snapshot", Tars.tar(Tars.file("a", "a")), "Content-Type", "application/json"), 201);
        assertJson(send("POST", workspace() + "/snapshot", Tars.gzip(Tars.tar(Tars.file("b", "b"))),
                "Content-Type", "application/x-tar"), 201);

        assertArrayEquals(bytes("b"), read("/b", ""));
        assertEquals(2, revisions().size());
    }

    // ---------------------------------------------------------------- concurrency

    /** A write that landed: its revision and the file it added. */
    private record Landed(String revision, String name) {
    }

    @Test
    void concurrent_writers_each_land_as_their_own_revision_or_get_409_and_the_history_adds_up() throws Exception {
        int writers = 8;
        int writesEach = 10;
        List<Landed> landed = Collections.synchronizedList(new ArrayList<>());
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < writesEach; i++) {
                        JsonNode current = assertJson(client.get(workspace(), member.token()), 200).get("revision");
                        String name = "w" + writer + "-" + i;
                        ApiResponse response = current.isNull() ? put("/f/" + name, bytes(name))
                                : put("/f/" + name, bytes(name), "If-Match", "\"" + current.asText() + "\"");
                        statuses.add(response.status());
                        if (response.status() == 201) {
                            landed.add(new Landed(revisionOf(response), name));
                        } else {
                            assertError(response, 409, "workspaces.revision_conflict");
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }

        assertEquals(writers * writesEach, statuses.size());
        assertTrue(!landed.isEmpty());
        List<Landed> inOrder = new ArrayList<>(landed);
        inOrder.sort(Comparator.comparing(Landed::revision));
        List<String> history = new ArrayList<>(revisions());
        Collections.reverse(history);
        assertEquals(inOrder.stream().map(Landed::revision).toList(), history, "every landed write is its own revision");
        List<String> expected = new ArrayList<>();
        for (Landed write : inOrder) {
            expected.add(write.name());
            JsonNode listing = assertJson(client.get(workspace() + "/files?path=/f&limit=10000&revision=" + write.revision(),
                    member.token()), 200);
            List<String> names = new ArrayList<>();
            listing.get("items").forEach(item -> names.add(item.get("name").asText()));
            assertEquals(expected.stream().sorted().toList(), names, "revision " + write.revision());
            assertArrayEquals(bytes(write.name()), read("/f/" + write.name(), "&revision=" + write.revision()));
        }
    }

    private static ApiResponse assertResponse(ApiResponse response, int status) {
        assertEquals(status, response.status(), response::toString);
        return response;
    }

    /** Builds tar archives, hostile ones included, with commons-compress. */
    static final class Tars {

        /** One entry: its header, and content for a file. */
        record Entry(TarArchiveEntry header, byte[] content) {
        }

        static Entry file(String name, String content) {
            return file(name, content.getBytes(StandardCharsets.UTF_8));
        }

        static Entry file(String name, byte[] content) {
            TarArchiveEntry header = new TarArchiveEntry(name, true);
            header.setSize(content.length);
            header.setMode(0644);
            return new Entry(header, content);
        }

        static Entry directory(String name) {
            TarArchiveEntry header = new TarArchiveEntry(name, TarConstants.LF_DIR, true);
            header.setMode(0755);
            return new Entry(header, new byte[0]);
        }

        static Entry symlink(String name, String target) {
            TarArchiveEntry header = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
            header.setLinkName(target);
            return new Entry(header, new byte[0]);
        }

        static Entry hardlink(String name, String target) {
            TarArchiveEntry header = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
            header.setLinkName(target);
            return new Entry(header, new byte[0]);
        }

        static Entry special(String name, byte type) {
            return new Entry(new TarArchiveEntry(name, type, true), new byte[0]);
        }

        static byte[] tar(Entry... entries) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                for (Entry entry : entries) {
                    tar.putArchiveEntry(entry.header());
                    tar.write(entry.content());
                    tar.closeArchiveEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        static byte[] gzip(byte[] data) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
                gzip.write(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
    }
}
