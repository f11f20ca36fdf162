package com.arkloop.projects.adapters.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.workspace.BlobContent;
import com.arkloop.projects.domain.workspace.BlobExpectation;
import com.arkloop.projects.domain.workspace.ByteRange;
import com.arkloop.projects.domain.workspace.ListedBlob;
import com.arkloop.projects.domain.workspace.Manifest;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.Sha256;
import com.arkloop.projects.domain.workspace.StoredBlob;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * What only the S3 store promises: its layout, how it streams large blobs and renews stored ones, its
 * clean-up, what collection sees and deletes, how it fails.
 */
class S3BlobStoreIT {

    private static final byte[] LARGE = new byte[20 * 1024 * 1024 + 123];
    private static final byte[] SMALL = "hello".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_OF_KNOWN_DIGEST = "known digest".getBytes(StandardCharsets.US_ASCII);

    private static S3ProxyServer server;

    private final WorkspaceRef workspace = new WorkspaceRef("wsref_" + UUID.randomUUID().toString().replace("-", ""));
    private final String prefix = "it-" + UUID.randomUUID() + "/";

    @BeforeAll
    static void start() throws Exception {
        new SplittableRandom(7).nextBytes(LARGE);
        server = S3ProxyServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private S3BlobStore store() {
        return S3BlobStore.create(server.settings(prefix));
    }

    private static byte[] readAll(BlobContent content) throws IOException {
        try (content) {
            return content.stream().readAllBytes();
        }
    }

    private void assertNothingLeftOver() {
        assertEquals(List.of(), server.keys(prefix + "tmp/"));
        assertEquals(List.of(), server.unfinishedUploads(prefix));
    }

    @Test
    void streams_a_large_blob_of_unknown_digest_in_parts_and_serves_ranges_across_them() throws IOException {
        try (S3BlobStore store = store()) {
            StoredBlob stored = store.putBlob(workspace, new ByteArrayInputStream(LARGE), BlobExpectation.atMost(64L << 20));
            assertEquals(new StoredBlob(Sha256.of(LARGE), LARGE.length), stored);
            assertServes(store, stored.sha256());
        }
        assertEquals(List.of(prefix + "workspaces/" + workspace.value() + "/blobs/" + Sha256.of(LARGE).hex()), server.keys(prefix));
        assertNothingLeftOver();
    }

    @Test
    void streams_a_large_blob_of_known_digest_straight_to_its_name() throws IOException {
        try (S3BlobStore store = store()) {
            StoredBlob stored = store.putBlob(workspace, new ByteArrayInputStream(LARGE),
                    BlobExpectation.exactly(Sha256.of(LARGE), LARGE.length));
            assertEquals(LARGE.length, stored.size());
            assertServes(store, stored.sha256());
        }
        assertEquals(1, server.keys(prefix).size());
        assertNothingLeftOver();
    }

    private void assertServes(S3BlobStore store, Sha256 sha) throws IOException {
        int boundary = S3BlobStore.MIN_PART_SIZE;
        assertArrayEquals(LARGE, readAll(store.openBlob(workspace, sha, Optional.empty()).orElseThrow()));
        BlobContent across = store.openBlob(workspace, sha, Optional.of(new ByteRange(boundary - 10, 20))).orElseThrow();
        assertEquals(LARGE.length, across.totalSize());
        assertEquals(boundary - 10, across.offset());
        assertArrayEquals(Arrays.copyOfRange(LARGE, boundary - 10, boundary + 10), readAll(across));
        BlobContent tail = store.openBlob(workspace, sha, Optional.of(new ByteRange(LARGE.length - 5, 1000))).orElseThrow();
        assertEquals(5, tail.length());
        assertArrayEquals(Arrays.copyOfRange(LARGE, LARGE.length - 5, LARGE.length), readAll(tail));
    }

    @Test
    void closes_a_partly_read_blob_without_reading_the_rest() throws IOException {
        try (S3BlobStore store = store()) {
            Sha256 sha = store.putBlob(workspace, new ByteArrayInputStream(LARGE), BlobExpectation.atMost(64L << 20)).sha256();
            for (int i = 0; i < 3; i++) {
                try (BlobContent content = store.openBlob(workspace, sha, Optional.empty()).orElseThrow()) {
                    assertEquals(LARGE[0], (byte) content.stream().read());
                }
            }
            // The aborted connections went back to nobody; the pool still serves.
            assertArrayEquals(Arrays.copyOfRange(LARGE, 1, 3),
                    readAll(store.openBlob(workspace, sha, Optional.of(new ByteRange(1, 2))).orElseThrow()));
        }
    }

    @Test
    void publishes_nothing_and_leaves_nothing_behind_when_content_breaks_its_expectation() {
        try (S3BlobStore store = store()) {
            Sha256 wrong = Sha256.of(SMALL);
            List<Supplier<StoredBlob>> rejected = List.of(
                    () -> store.putBlob(workspace, new ByteArrayInputStream(LARGE), BlobExpectation.exactly(wrong, LARGE.length)),
                    () -> store.putBlob(workspace, new ByteArrayInputStream(LARGE), BlobExpectation.exactly(Sha256.of(LARGE), LARGE.length + 1L)),
                    () -> store.putBlob(workspace, new ByteArrayInputStream(LARGE), BlobExpectation.exactly(Sha256.of(LARGE), LARGE.length - 1L)),
                    () -> store.putBlob(workspace, new ByteArrayInputStream(LARGE), BlobExpectation.atMost(LARGE.length - 1L)),
                    () -> store.putBlob(workspace, new ByteArrayInputStream(SMALL), BlobExpectation.exactly(Sha256.of(LARGE), SMALL.length)));
            for (Supplier<StoredBlob> put : rejected) {
                DomainException error = assertThrows(DomainException.class, put::get);
                assertTrue(error.errorCode() == ErrorCode.VALIDATION_FAILED || error.errorCode() == ErrorCode.REQUEST_TOO_LARGE);
            }
            assertFalse(store.blobExists(workspace, Sha256.of(LARGE)));
        }
        assertEquals(List.of(), server.keys(prefix));
        assertNothingLeftOver();
    }

    @Test
    void renews_the_write_time_of_a_blob_stored_again_on_every_path() throws Exception {
        try (S3BlobStore store = store()) {
            List<Supplier<StoredBlob>> puts = List.of(
                    () -> store.putBlob(workspace, new ByteArrayInputStream(SMALL), BlobExpectation.atMost(100)),
                    () -> store.putBlob(workspace, new ByteArrayInputStream(LARGE), BlobExpectation.atMost(64L << 20)),
                    () -> store.putBlob(workspace, new ByteArrayInputStream(CONTENT_OF_KNOWN_DIGEST),
                            BlobExpectation.exactly(Sha256.of(CONTENT_OF_KNOWN_DIGEST), CONTENT_OF_KNOWN_DIGEST.length)));
            puts.forEach(Supplier::get);
            Map<Sha256, Instant> first = writeTimes(store);
            assertEquals(3, first.size());
            // S3 keeps write times to the second.
            Thread.sleep(1100);
            puts.forEach(Supplier::get);
            Map<Sha256, Instant> second = writeTimes(store);
            assertEquals(first.keySet(), second.keySet());
            first.forEach((sha, writtenAt) -> assertTrue(second.get(sha).isAfter(writtenAt), sha + ": " + writtenAt));
            assertServes(store, Sha256.of(LARGE));
            assertArrayEquals(SMALL, readAll(store.openBlob(workspace, Sha256.of(SMALL), Optional.empty()).orElseThrow()));
        }
        assertNothingLeftOver();
    }

    private Map<Sha256, Instant> writeTimes(S3BlobStore store) {
        return store.listBlobs(workspace).stream().collect(Collectors.toMap(ListedBlob::sha256, ListedBlob::storedAt));
    }

    @Test
    void lists_only_what_has_the_names_it_writes() {
        String base = prefix + "workspaces/" + workspace.value() + "/blobs/";
        String sha = Sha256.of(SMALL).hex();
        for (String stray : List.of(base + "not-a-digest", base + sha.toUpperCase(Locale.ROOT),
                base + "nested/" + sha, prefix + "workspaces/not-a-ref/blobs/" + sha, prefix + "workspaces/loose-object")) {
            server.admin().putObject(request -> request.bucket(S3ProxyServer.BUCKET).key(stray), RequestBody.fromBytes(SMALL));
        }
        try (S3BlobStore store = store()) {
            assertEquals(List.of(), store.listBlobs(workspace));
            assertEquals(List.of(workspace), store.listWorkspaces());
            store.putBlob(workspace, new ByteArrayInputStream(SMALL), BlobExpectation.atMost(100));
            assertEquals(List.of(Sha256.of(SMALL)), store.listBlobs(workspace).stream().map(ListedBlob::sha256).toList());
        }
    }

    @Test
    void deletes_only_its_blob_and_judges_write_times_to_the_second() {
        try (S3BlobStore store = store()) {
            Sha256 sha = store.putBlob(workspace, new ByteArrayInputStream(SMALL), BlobExpectation.atMost(100)).sha256();
            Revision revision = Revision.create(Instant.parse("2024-03-09T16:00:00Z"), new SplittableRandom(3));
            store.putManifest(workspace, revision, Manifest.EMPTY);
            Instant writtenAt = store.listBlobs(workspace).getFirst().storedAt();
            // Later in the same second may still be before the write: kept.
            assertFalse(store.deleteBlob(workspace, sha, writtenAt.plusMillis(999)));
            assertTrue(store.deleteBlob(workspace, sha, writtenAt.plusSeconds(1)));
            assertEquals(List.of(prefix + "workspaces/" + workspace.value() + "/manifests/" + revision.value() + ".json"),
                    server.keys(prefix));
        }
    }

    @Test
    void does_not_upload_a_blob_that_is_already_stored_but_still_checks_the_content() {
        try (S3BlobStore store = store()) {
            String key = prefix + "workspaces/" + workspace.value() + "/blobs/" + Sha256.of(SMALL).hex();
            // A marker put behind the store's back shows whether the store writes the object again.
            server.admin().putObject(request -> request.bucket(S3ProxyServer.BUCKET).key(key), RequestBody.fromBytes(new byte[3]));
            store.putBlob(workspace, new ByteArrayInputStream(SMALL), BlobExpectation.atMost(100));
            store.putBlob(workspace, new ByteArrayInputStream(SMALL), BlobExpectation.exactly(Sha256.of(SMALL), SMALL.length));
            assertEquals(3, store.blobSize(workspace, Sha256.of(SMALL)).orElseThrow());
            DomainException error = assertThrows(DomainException.class, () -> store.putBlob(workspace,
                    new ByteArrayInputStream("jello".getBytes(StandardCharsets.US_ASCII)),
                    BlobExpectation.exactly(Sha256.of(SMALL), SMALL.length)));
            assertEquals(ErrorCode.VALIDATION_FAILED, error.errorCode());
        }
    }

    @Test
    void keeps_every_object_under_its_key_prefix() {
        Revision revision = Revision.create(Instant.parse("2024-03-09T16:00:00Z"), new SplittableRandom(1));
        try (S3BlobStore store = store()) {
            store.putBlob(workspace, new ByteArrayInputStream(SMALL), BlobExpectation.atMost(100));
            store.putManifest(workspace, revision, Manifest.EMPTY);
        }
        String base = prefix + "workspaces/" + workspace.value();
        assertEquals(List.of(base + "/blobs/" + Sha256.of(SMALL).hex(), base + "/manifests/" + revision.value() + ".json"),
                server.keys(prefix));
        try (S3BlobStore elsewhere = S3BlobStore.create(server.settings("other-" + prefix))) {
            assertFalse(elsewhere.blobExists(workspace, Sha256.of(SMALL)));
            assertEquals(Optional.empty(), elsewhere.getManifest(workspace, revision));
        }
    }

    @Test
    void reports_an_unreachable_store_as_unavailable_quickly_and_without_details() throws Exception {
        S3ProxyServer doomed = S3ProxyServer.start();
        try (S3BlobStore store = S3BlobStore.create(doomed.settings(prefix))) {
            Sha256 sha = store.putBlob(workspace, new ByteArrayInputStream(SMALL), BlobExpectation.atMost(100)).sha256();
            doomed.stop();
            Revision revision = Revision.create(Instant.parse("2024-03-09T16:00:00Z"), new SplittableRandom(2));
            List<Executable> calls = List.of(
                    () -> store.putBlob(workspace, new ByteArrayInputStream(SMALL), BlobExpectation.atMost(100)),
                    () -> store.putBlob(workspace, new ByteArrayInputStream(LARGE), BlobExpectation.atMost(64L << 20)),
                    () -> store.openBlob(workspace, sha, Optional.empty()),
                    () -> store.openBlob(workspace, sha, Optional.of(new ByteRange(1, 2))),
                    () -> store.blobSize(workspace, sha),
                    () -> store.putManifest(workspace, revision, Manifest.EMPTY),
                    () -> store.getManifest(workspace, revision),
                    store::listWorkspaces,
                    () -> store.listBlobs(workspace),
                    () -> store.deleteBlob(workspace, sha, Instant.now()));
            for (Executable call : calls) {
                long started = System.nanoTime();
                DomainException error = assertThrows(DomainException.class, call);
                assertEquals(ErrorCode.SERVICE_UNAVAILABLE, error.errorCode());
                assertEquals("workspace storage is unavailable", error.getMessage());
                assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0);
            }
            long started = System.nanoTime();
            assertFalse(store.isAvailable());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0);
        } finally {
            doomed.close();
        }
    }

    @Test
    void reports_a_missing_bucket_as_unavailable() {
        S3Settings settings = server.settings(prefix);
        S3Settings noBucket = new S3Settings(settings.endpoint(), settings.region(), "no-such-bucket", prefix,
                settings.accessKeyId(), settings.secretAccessKey());
        try (S3BlobStore store = S3BlobStore.create(noBucket)) {
            assertFalse(store.isAvailable());
            DomainException error = assertThrows(DomainException.class,
                    () -> store.openBlob(workspace, Sha256.of(SMALL), Optional.empty()));
            assertEquals(ErrorCode.SERVICE_UNAVAILABLE, error.errorCode());
            assertThrows(DomainException.class,
                    () -> store.putBlob(workspace, new ByteArrayInputStream(SMALL), BlobExpectation.atMost(100)));
            // A HEAD's 404 has no body to tell a missing bucket from a missing key: deleteBlob answers
            // false there, but collection lists first, and listing a missing bucket fails.
            for (Executable call : List.<Executable>of(store::listWorkspaces, () -> store.listBlobs(workspace))) {
                assertEquals(ErrorCode.SERVICE_UNAVAILABLE, assertThrows(DomainException.class, call).errorCode());
            }
        }
    }
}
