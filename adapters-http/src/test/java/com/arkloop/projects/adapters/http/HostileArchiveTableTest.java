package com.arkloop.projects.adapters.http;

import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertError;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertJson;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.adapters.http.WorkspaceWriteEndpointsTest.Tars;
import com.arkloop.projects.adapters.http.testing.ApiClient;
import com.arkloop.projects.adapters.http.testing.ApiResponse;
import com.arkloop.projects.adapters.http.testing.ApiServer;
import com.arkloop.projects.adapters.http.testing.OpenApiContract;
import com.arkloop.projects.adapters.http.testing.TestCaller;
import com.arkloop.projects.adapters.http.testing.UseCaseWiring;
import com.arkloop.projects.adapters.http.testing.UseCaseWiring.InMemoryWorkspaces;
import com.arkloop.projects.application.workspace.PublishRevision;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile tar archives over the wire: each is refused whole with 400 {@code workspaces.invalid_archive},
 * details naming the entry (when there is one) and the reason, and nothing is published. The server
 * runs with small caps: {@value #MAX_ENTRIES} entries, {@value #MAX_BYTES} bytes of files.
 */
class HostileArchiveTableTest {

    static final int MAX_ENTRIES = 10;
    static final long MAX_BYTES = 1024 * 1024;
    private static final OpenApiContract CONTRACT = OpenApiContract.load();
    private static final long GIB = 1024L * 1024 * 1024;

    private static InMemoryWorkspaces world;
    private static ApiServer server;
    private static ApiClient client;
    private static final TestCaller MEMBER = TestCaller.member(UUID.randomUUID());
    private static String project;
    private static String kept;

    @BeforeAll
    static void start() {
        world = UseCaseWiring.inMemoryWorkspaces(ApiSettings.DEFAULTS,
                new PublishRevision.Limits(MAX_ENTRIES, MAX_BYTES, Duration.ofHours(1)));
        server = ApiServer.start(world.dependencies());
        client = server.client();
        project = assertJson(client.post("/v1/projects", MEMBER.token(), "{\"name\":\"p\"}"), 201).get("id").asText();
        kept = assertJson(client.send("PUT", "/v1/projects/" + project + "/workspace/file?path=/kept.txt", Map.of(),
                "Bearer " + MEMBER.token(), "kept".getBytes(StandardCharsets.UTF_8)), 201).get("revision").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Arguments row(String name, byte[] archive, String entry, String reasonPart) {
        return Arguments.of(Named.of(name, archive), entry, reasonPart);
    }

    static Stream<Arguments> hostile() {
        byte[] valid = Tars.tar(Tars.file("a.txt", "a"), Tars.file("b.txt", "b"));
        byte[] corruptHeader = valid.clone();
        corruptHeader[100] ^= 0x55; // the mode field of the first header: its checksum no longer matches
        byte[] corruptSecondHeader = valid.clone();
        corruptSecondHeader[1024 + 148] ^= 0x55; // the checksum field of the second header
        byte[] bigFile = new byte[520 * 1024];
        return Stream.of(
                row("path traversal", Tars.tar(Tars.file("../x", "x")), "../x", ".."),
                row("path traversal inside", Tars.tar(Tars.file("src/../../x", "x")), "src/../../x", ".."),
                row("absolute path", Tars.tar(Tars.file("/etc/x", "x")), "/etc/x", "absolute"),
                row("symlink out of the root", Tars.tar(Tars.symlink("link", "../../etc/passwd")), "link", "outside"),
                row("symlink to an absolute target", Tars.tar(Tars.symlink("link", "/etc/passwd")), "link", "outside"),
                row("hardlink out of the root", Tars.tar(Tars.hardlink("link", "../outside")), "link", ".."),
                row("hardlink to an absolute path", Tars.tar(Tars.hardlink("link", "/etc/passwd")), "link", "absolute"),
                row("hardlink to nothing earlier", Tars.tar(Tars.hardlink("link", "later"), Tars.file("later", "x")), "link", "earlier"),
                row("duplicate names", Tars.tar(Tars.file("a.txt", "a"), Tars.file("./a.txt", "b")), "./a.txt", "duplicates"),
                row("an entry below a file", Tars.tar(Tars.file("a", "a"), Tars.file("a/b", "b")), "a/b", "not a directory"),
                row("character device", Tars.tar(Tars.special("dev/null", TarConstants.LF_CHR)), "dev/null", "device"),
                row("block device", Tars.tar(Tars.special("dev/sda", TarConstants.LF_BLK)), "dev/sda", "device"),
                row("fifo", Tars.tar(Tars.special("pipe", TarConstants.LF_FIFO)), "pipe", "fifo"),
                row("more entries than allowed", Tars.tar(IntStream.rangeClosed(0, MAX_ENTRIES)
                        .mapToObj(i -> Tars.file("f" + i, "x")).toArray(Tars.Entry[]::new)), "f10", "entries"),
                row("more bytes than allowed", Tars.tar(Tars.file("one", bigFile), Tars.file("two", bigFile)), "two", "bytes"),
                row("a gzip bomb: 1 GiB of zeros in one file", gzipBomb(true), "zeros", "bytes"),
                row("a gzip bomb after the end-of-archive record", gzipBomb(false), null, "larger than"),
                row("headers over 1 MiB (a PAX record of 2 MiB)", Tars.gzip(Tars.tar(bigPaxHeader())), null, "headers"),
                row("an empty body", new byte[0], null, "empty"),
                row("not an archive", "hello, this is not a tar archive".getBytes(StandardCharsets.UTF_8), null, "end-of-archive"),
                row("random bytes", randomBytes(4096), null, "not a valid tar"),
                row("a corrupt first header", corruptHeader, null, "not a valid tar"),
                row("a corrupt second header", corruptSecondHeader, null, "after the entry a.txt"),
                row("cut short inside a file", Arrays.copyOf(Tars.tar(Tars.file("big", new byte[5000])), 2048), "big", "inside"),
                row("cut short between entries", Arrays.copyOf(valid, 1024), null, "end-of-archive"),
                row("a corrupt gzip stream", corruptGzip(Tars.gzip(valid)), null, "not a valid tar"),
                row("garbage after the gzip stream", concat(Tars.gzip(valid), "garbage".getBytes(StandardCharsets.UTF_8)),
                        null, "b.txt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void is_refused_whole_with_400_invalid_archive_and_publishes_nothing(byte[] archive, String entry, String reasonPart) {
        String target = "/v1/projects/" + project + "/workspace/snapshot";
        ApiResponse response = client.send("POST", target, Map.of("Content-Type", "application/x-tar"),
                "Bearer " + MEMBER.token(), archive);

        JsonNode body = assertError(response, 400, "workspaces.invalid_archive", "reason");
        String reason = body.get("details").get("reason").asText();
        assertTrue(reason.contains(reasonPart), () -> "reason \"" + reason + "\" does not say " + reasonPart);
        if (entry != null) {
            assertEquals(entry, body.get("details").get("entry").asText(), response::toString);
        }
        if (archive.length < 64 * 1024) {
            CONTRACT.assertConforms(OpenApiContract.request("POST", target).header("Authorization", "Bearer " + MEMBER.token())
                            .header("Content-Type", "application/x-tar").body(archive),
                    OpenApiContract.response(response.status(), response.headers().map(), response.body()));
        }
        JsonNode history = assertJson(client.get("/v1/projects/" + project + "/workspace/revisions", MEMBER.token()), 200);
        assertEquals(1, history.get("items").size());
        assertEquals(kept, history.get("items").get(0).get("revision").asText());
        ApiResponse file = client.get("/v1/projects/" + project + "/workspace/file?path=/kept.txt", MEMBER.token());
        assertArrayEquals("kept".getBytes(StandardCharsets.UTF_8), file.body());
    }

    /**
     * 1 GiB of zeros, gzip-compressed to about 1 MiB: as one file (refused by its header, before a byte
     * of it is stored) or after a valid archive's end (refused when the cap on decompressed bytes is hit).
     */
    private static byte[] gzipBomb(boolean asFile) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 64 * 1024)) {
            byte[] zeros = new byte[1024 * 1024];
            if (asFile) {
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip);
                TarArchiveEntry header = new TarArchiveEntry("zeros", true);
                header.setSize(GIB);
                tar.putArchiveEntry(header);
                for (long written = 0; written < GIB; written += zeros.length) {
                    tar.write(zeros);
                }
                tar.closeArchiveEntry();
                tar.finish();
            } else {
                gzip.write(Tars.tar(Tars.file("small", "x")));
                for (long written = 0; written < GIB; written += zeros.length) {
                    gzip.write(zeros);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A file whose PAX header carries a 2 MiB comment, which a parser holds in memory. */
    private static Tars.Entry bigPaxHeader() {
        Tars.Entry entry = Tars.file("commented", "x");
        entry.header().addPaxHeader("comment", "x".repeat(2 * 1024 * 1024));
        return entry;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new java.util.Random(42).nextBytes(bytes);
        bytes[0] = 'x'; // not the gzip magic
        return bytes;
    }

    private static byte[] corruptGzip(byte[] gzip) {
        byte[] corrupt = gzip.clone();
        for (int i = 12; i < corrupt.length - 8; i++) {
            corrupt[i] = (byte) 0xff;
        }
        return corrupt;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
