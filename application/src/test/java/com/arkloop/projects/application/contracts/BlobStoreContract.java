package com.arkloop.projects.application.contracts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.workspace.BlobContent;
import com.arkloop.projects.domain.workspace.BlobExpectation;
import com.arkloop.projects.domain.workspace.BlobStore;
import com.arkloop.projects.domain.workspace.ByteRange;
import com.arkloop.projects.domain.workspace.ListedBlob;
import com.arkloop.projects.domain.workspace.Manifest;
import com.arkloop.projects.domain.workspace.ManifestEntry;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.Sha256;
import com.arkloop.projects.domain.workspace.StoredBlob;
import com.arkloop.projects.domain.workspace.WorkspacePath;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What every {@link BlobStore} must do. A subclass supplies a fresh, empty store per test; the fake
 * and every real store run this same suite.
 */
public abstract class BlobStoreContract {

    private static final long ANY_SIZE = 1L << 40;
    private static final byte[] CONTENT = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);

    private final SplittableRandom random = new SplittableRandom();
    private final WorkspaceRef workspace = newWorkspace();

    protected abstract BlobStore store();

    private static WorkspaceRef newWorkspace() {
        return new WorkspaceRef("wsref_" + UUID.randomUUID().toString().replace("-", ""));
    }

    private StoredBlob put(byte[] bytes) {
        return store().putBlob(workspace, new ByteArrayInputStream(bytes), BlobExpectation.atMost(ANY_SIZE));
    }

    private static byte[] readAll(BlobContent content) throws IOException {
        try (content) {
            return content.stream().readAllBytes();
        }
    }

    @Test
    void round_trips_a_blob_under_the_digest_of_its_bytes() throws IOException {
        StoredBlob stored = put(CONTENT);
        assertEquals(new StoredBlob(Sha256.of(CONTENT), CONTENT.length), stored);
        BlobContent content = store().openBlob(workspace, stored.sha256(), Optional.empty()).orElseThrow();
        assertEquals(CONTENT.length, content.totalSize());
        assertEquals(0, content.offset());
        assertEquals(CONTENT.length, content.length());
        assertArrayEquals(CONTENT, readAll(content));
        assertEquals(OptionalLong.of(CONTENT.length), store().blobSize(workspace, stored.sha256()));
        assertTrue(store().blobExists(workspace, stored.sha256()));
    }

    @Test
    void round_trips_an_empty_blob() throws IOException {
        StoredBlob stored = put(new byte[0]);
        assertEquals(0, stored.size());
        assertArrayEquals(new byte[0], readAll(store().openBlob(workspace, stored.sha256(), Optional.empty()).orElseThrow()));
    }

    @Test
    void streams_a_blob_larger_than_any_buffer() throws IOException {
        byte[] large = new byte[3 * 1024 * 1024 + 17];
        random.nextBytes(large);
        StoredBlob stored = put(large);
        assertEquals(large.length, stored.size());
        BlobContent tail = store().openBlob(workspace, stored.sha256(), Optional.of(new ByteRange(2_000_000, 5_000_000))).orElseThrow();
        assertArrayEquals(Arrays.copyOfRange(large, 2_000_000, large.length), readAll(tail));
    }

    @ParameterizedTest(name = "offset {0}, length {1}")
    @CsvSource({"0, 1", "19, 1", "5, 7", "0, 20", "15, 100"})
    void serves_a_byte_range_cut_short_at_the_end(long offset, long length) throws IOException {
        Sha256 sha = put(CONTENT).sha256();
        BlobContent content = store().openBlob(workspace, sha, Optional.of(new ByteRange(offset, length))).orElseThrow();
        int end = (int) Math.min(CONTENT.length, offset + length);
        assertEquals(CONTENT.length, content.totalSize());
        assertEquals(offset, content.offset());
        assertEquals(end - offset, content.length());
        assertArrayEquals(Arrays.copyOfRange(CONTENT, (int) offset, end), readAll(content));
    }

    @Test
    void refuses_a_range_that_starts_at_or_past_the_end() {
        Sha256 sha = put(CONTENT).sha256();
        for (long offset : new long[] {CONTENT.length, CONTENT.length + 1L, Long.MAX_VALUE - 1}) {
            DomainException error = assertThrows(DomainException.class,
                    () -> store().openBlob(workspace, sha, Optional.of(new ByteRange(offset, 1))));
            assertEquals(ErrorCode.WORKSPACE_RANGE_NOT_SATISFIABLE, error.errorCode());
        }
        Sha256 empty = put(new byte[0]).sha256();
        assertThrows(DomainException.class, () -> store().openBlob(workspace, empty, Optional.of(new ByteRange(0, 1))));
    }

    @Test
    void answers_empty_for_a_missing_blob() {
        Sha256 missing = Sha256.of("never stored".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), store().openBlob(workspace, missing, Optional.empty()));
        assertEquals(Optional.empty(), store().openBlob(workspace, missing, Optional.of(new ByteRange(0, 1))));
        assertEquals(OptionalLong.empty(), store().blobSize(workspace, missing));
        assertFalse(store().blobExists(workspace, missing));
    }

    @Test
    void keeps_the_blobs_of_each_workspace_apart() {
        Sha256 sha = put(CONTENT).sha256();
        WorkspaceRef other = newWorkspace();
        assertFalse(store().blobExists(other, sha));
        assertEquals(Optional.empty(), store().openBlob(other, sha, Optional.empty()));
    }

    @Test
    void stores_the_same_blob_twice_harmlessly() throws IOException {
        StoredBlob first = put(CONTENT);
        assertEquals(first, put(CONTENT));
        assertArrayEquals(CONTENT, readAll(store().openBlob(workspace, first.sha256(), Optional.empty()).orElseThrow()));
    }

    @Test
    void accepts_content_that_matches_its_expected_digest_and_size() {
        StoredBlob stored = store().putBlob(workspace, new ByteArrayInputStream(CONTENT),
                BlobExpectation.exactly(Sha256.of(CONTENT), CONTENT.length));
        assertEquals(new StoredBlob(Sha256.of(CONTENT), CONTENT.length), stored);
    }

    @Test
    void rejects_a_digest_mismatch_and_publishes_nothing() {
        Sha256 claimed = Sha256.of("something else".getBytes(StandardCharsets.UTF_8));
        DomainException error = assertThrows(DomainException.class, () -> store().putBlob(workspace,
                new ByteArrayInputStream(CONTENT), BlobExpectation.exactly(claimed, CONTENT.length)));
        assertEquals(ErrorCode.VALIDATION_FAILED, error.errorCode());
        assertFalse(store().blobExists(workspace, claimed));
        assertFalse(store().blobExists(workspace, Sha256.of(CONTENT)));
    }

    @Test
    void rejects_a_size_mismatch_and_publishes_nothing() {
        for (long claimedSize : new long[] {CONTENT.length - 1L, CONTENT.length + 1L}) {
            DomainException error = assertThrows(DomainException.class, () -> store().putBlob(workspace,
                    new ByteArrayInputStream(CONTENT), BlobExpectation.exactly(Sha256.of(CONTENT), claimedSize)));
            assertEquals(ErrorCode.VALIDATION_FAILED, error.errorCode());
        }
        assertFalse(store().blobExists(workspace, Sha256.of(CONTENT)));
    }

    @Test
    void rejects_content_over_the_limit_and_publishes_nothing() {
        DomainException error = assertThrows(DomainException.class, () -> store().putBlob(workspace,
                new ByteArrayInputStream(CONTENT), BlobExpectation.atMost(CONTENT.length - 1)));
        assertEquals(ErrorCode.REQUEST_TOO_LARGE, error.errorCode());
        assertFalse(store().blobExists(workspace, Sha256.of(CONTENT)));
        assertEquals(CONTENT.length, store().putBlob(workspace, new ByteArrayInputStream(CONTENT),
                BlobExpectation.atMost(CONTENT.length)).size());
    }

    @Test
    void blames_a_failing_source_stream_on_the_source_and_publishes_nothing() {
        InputStream broken = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ < 10) {
                    return 'x';
                }
                throw new IOException("client went away");
            }
        };
        assertThrows(UncheckedIOException.class, () -> store().putBlob(workspace, broken, BlobExpectation.atMost(ANY_SIZE)));
        assertFalse(store().blobExists(workspace, Sha256.of("xxxxxxxxxx".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void survives_concurrent_puts_of_the_same_blob() throws Exception {
        byte[] bytes = new byte[256 * 1024];
        random.nextBytes(bytes);
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<StoredBlob>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return put(bytes);
                }));
            }
            start.countDown();
            for (Future<StoredBlob> result : results) {
                assertEquals(new StoredBlob(Sha256.of(bytes), bytes.length), result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertArrayEquals(bytes, readAll(store().openBlob(workspace, Sha256.of(bytes), Optional.empty()).orElseThrow()));
    }

    @Test
    void round_trips_a_manifest() {
        Revision revision = Revision.create(Instant.parse("2024-03-09T16:00:00Z"), random);
        Manifest manifest = new Manifest(List.of(
                ManifestEntry.file(WorkspacePath.parseFile("/src/main.go"), 14, Sha256.of(CONTENT), 1_710_000_000_000L, 0644),
                ManifestEntry.directory(WorkspacePath.parseFile("/src/lib"), -5, 0755),
                ManifestEntry.symlink(WorkspacePath.parseFile("/src/link"), "../src/main.go", 0, 0777),
                ManifestEntry.file(WorkspacePath.parseFile("/caf\u00E9/\"quoted\" \uD83D\uDE00.txt"), 0,
                        Sha256.of(new byte[0]), Long.MAX_VALUE, 0)));
        store().putManifest(workspace, revision, manifest);
        assertEquals(Optional.of(manifest), store().getManifest(workspace, revision));
    }

    @Test
    void round_trips_an_empty_manifest() {
        Revision revision = Revision.create(Instant.parse("2024-03-09T16:00:00Z"), random);
        store().putManifest(workspace, revision, Manifest.EMPTY);
        assertEquals(Optional.of(Manifest.EMPTY), store().getManifest(workspace, revision));
    }

    @Test
    void answers_empty_for_a_missing_manifest() {
        Revision revision = Revision.create(Instant.parse("2024-03-09T16:00:00Z"), random);
        assertEquals(Optional.empty(), store().getManifest(workspace, revision));
        store().putManifest(newWorkspace(), revision, Manifest.EMPTY);
        assertEquals(Optional.empty(), store().getManifest(workspace, revision));
    }

    /** How far a store's write times may be from this machine's clock (a remote store's clock may differ). */
    private static final Duration SKEW = Duration.ofMinutes(5);

    private ListedBlob listed(WorkspaceRef in, Sha256 sha) {
        return store().listBlobs(in).stream().filter(blob -> blob.sha256().equals(sha)).findFirst().orElseThrow();
    }

    @Test
    void lists_the_complete_blobs_of_a_workspace_with_their_sizes_and_write_times() {
        Instant before = Instant.now().minus(SKEW);
        StoredBlob first = put(CONTENT);
        StoredBlob empty = put(new byte[0]);
        store().putBlob(newWorkspace(), new ByteArrayInputStream("elsewhere".getBytes(StandardCharsets.UTF_8)),
                BlobExpectation.atMost(ANY_SIZE));
        List<ListedBlob> blobs = store().listBlobs(workspace);
        assertEquals(Set.of(first.sha256(), empty.sha256()),
                blobs.stream().map(ListedBlob::sha256).collect(Collectors.toSet()));
        assertEquals(2, blobs.size());
        assertEquals(CONTENT.length, listed(workspace, first.sha256()).size());
        assertEquals(0, listed(workspace, empty.sha256()).size());
        Instant after = Instant.now().plus(SKEW);
        for (ListedBlob blob : blobs) {
            assertTrue(blob.storedAt().isAfter(before) && blob.storedAt().isBefore(after), blob.toString());
        }
    }

    @Test
    void lists_no_blobs_for_a_workspace_without_any() {
        assertEquals(List.of(), store().listBlobs(workspace));
        store().putManifest(workspace, Revision.create(Instant.parse("2024-03-09T16:00:00Z"), random), Manifest.EMPTY);
        assertEquals(List.of(), store().listBlobs(workspace));
    }

    @Test
    void lists_every_workspace_holding_a_blob_or_a_manifest() {
        WorkspaceRef withManifest = newWorkspace();
        put(CONTENT);
        store().putManifest(withManifest, Revision.create(Instant.parse("2024-03-09T16:00:00Z"), random), Manifest.EMPTY);
        assertTrue(store().listWorkspaces().containsAll(List.of(workspace, withManifest)));
        assertFalse(store().listWorkspaces().contains(newWorkspace()));
    }

    @Test
    void renews_the_write_time_of_a_blob_stored_again() {
        Sha256 sha = put(CONTENT).sha256();
        Instant first = listed(workspace, sha).storedAt();
        put(CONTENT);
        Instant second = listed(workspace, sha).storedAt();
        assertFalse(second.isBefore(first), first + " then " + second);
        assertEquals(1, store().listBlobs(workspace).size());
    }

    @Test
    void deletes_a_blob_last_written_before_the_cut_off() {
        Sha256 sha = put(CONTENT).sha256();
        WorkspaceRef other = newWorkspace();
        store().putBlob(other, new ByteArrayInputStream(CONTENT), BlobExpectation.atMost(ANY_SIZE));
        Instant cutOff = listed(workspace, sha).storedAt().plusSeconds(1);
        assertTrue(store().deleteBlob(workspace, sha, cutOff));
        assertFalse(store().blobExists(workspace, sha));
        assertEquals(Optional.empty(), store().openBlob(workspace, sha, Optional.empty()));
        assertEquals(List.of(), store().listBlobs(workspace));
        assertFalse(store().deleteBlob(workspace, sha, cutOff));
        assertTrue(store().blobExists(other, sha));
    }

    @Test
    void keeps_a_blob_written_at_or_after_the_cut_off() {
        Sha256 sha = put(CONTENT).sha256();
        Instant storedAt = listed(workspace, sha).storedAt();
        assertFalse(store().deleteBlob(workspace, sha, storedAt));
        assertFalse(store().deleteBlob(workspace, sha, storedAt.minus(Duration.ofHours(1))));
        assertTrue(store().blobExists(workspace, sha));
    }

    @Test
    void deletes_a_missing_blob_harmlessly() {
        assertFalse(store().deleteBlob(workspace, Sha256.of(CONTENT), Instant.now().plus(SKEW)));
        assertFalse(store().deleteBlob(newWorkspace(), Sha256.of(CONTENT), Instant.now().plus(SKEW)));
    }

    @Test
    void is_available_when_healthy() {
        assertTrue(store().isAvailable());
    }

    @Test
    void cannot_even_be_asked_for_a_hostile_name() {
        // The store's names come only from these values, and none can be built from a hostile string.
        for (String hostile : List.of("..", "../../etc/passwd", "/etc/passwd", "wsref_../../x", "a/b", "", "%2e%2e")) {
            assertThrows(IllegalArgumentException.class, () -> new WorkspaceRef(hostile));
            assertThrows(IllegalArgumentException.class, () -> new Revision(hostile));
            assertThrows(IllegalArgumentException.class, () -> new Sha256(hostile));
        }
    }
}
