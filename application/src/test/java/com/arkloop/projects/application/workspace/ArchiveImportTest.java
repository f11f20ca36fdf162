package com.arkloop.projects.application.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.application.fakes.DelegatingBlobStore;
import com.arkloop.projects.application.fakes.InMemoryBlobStore;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.workspace.BlobExpectation;
import com.arkloop.projects.domain.workspace.Manifest;
import com.arkloop.projects.domain.workspace.ManifestEntry;
import com.arkloop.projects.domain.workspace.Sha256;
import com.arkloop.projects.domain.workspace.StoredBlob;
import com.arkloop.projects.domain.workspace.WorkspaceErrors;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** Small files are stored concurrently, which no caller can tell: same manifest, same first failure. */
class ArchiveImportTest {

    static final WorkspaceRef WORKSPACE = new WorkspaceRef("wsref_8398feadc3eb164d4079c8b41257dac1");
    static final int MANY = 200;

    /** Records the threads that store blobs, and fails the put numbered {@link #failAt} (from 1). */
    static final class RecordingBlobs extends DelegatingBlobStore {
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        final AtomicInteger puts = new AtomicInteger();
        final int failAt;
        final long failAfterNanos;
        final DomainException failure = WorkspaceErrors.storageUnavailable(new IOException("disk full"));

        RecordingBlobs(int failAt, long failAfterNanos) {
            super(new InMemoryBlobStore());
            this.failAt = failAt;
            this.failAfterNanos = failAfterNanos;
        }

        @Override
        public StoredBlob putBlob(WorkspaceRef workspace, InputStream content, BlobExpectation expectation) {
            threads.add(Thread.currentThread());
            if (puts.incrementAndGet() == failAt) {
                LockSupport.parkNanos(failAfterNanos);
                throw failure;
            }
            return super.putBlob(workspace, content, expectation);
        }

        void assertNoThreadLeftRunning() throws InterruptedException {
            for (Thread thread : threads) {
                if (thread != Thread.currentThread()) {
                    thread.join(5_000);
                    assertFalse(thread.isAlive(), thread + " still runs");
                }
            }
        }
    }

    static ArchiveEntry file(String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return ArchiveEntry.file(name, bytes.length, 0644, 0, new ByteArrayInputStream(bytes));
    }

    static List<ArchiveEntry> manySmallFiles() {
        List<ArchiveEntry> entries = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            entries.add(file("f" + i + ".txt", "content " + i));
        }
        return entries;
    }

    static Manifest read(RecordingBlobs blobs, List<ArchiveEntry> entries) {
        return ArchiveImport.read(blobs, WORKSPACE, new Manifest(List.of()), ArchiveEntries.of(entries),
                10_000, 100_000_000);
    }

    @Test
    void a_failed_concurrent_put_fails_the_whole_import_with_the_stores_error_and_leaves_no_thread() throws Exception {
        RecordingBlobs blobs = new RecordingBlobs(MANY / 2, 0);

        DomainException thrown = assertThrows(DomainException.class, () -> read(blobs, manySmallFiles()));

        assertSame(blobs.failure, thrown);
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, thrown.errorCode());
        assertTrue(blobs.threads.stream().anyMatch(thread -> thread != Thread.currentThread()),
                "small files are stored by other threads");
        blobs.assertNoThreadLeftRunning();
    }

    @Test
    void a_failed_put_of_an_earlier_file_wins_over_a_later_bad_entry() throws Exception {
        RecordingBlobs blobs = new RecordingBlobs(1, 200_000_000); // slow, so the bad entry is judged first
        List<ArchiveEntry> entries = new ArrayList<>(manySmallFiles());
        entries.add(ArchiveEntry.special("pipe", ArchiveEntryType.FIFO, 0644, 0));

        DomainException thrown = assertThrows(DomainException.class, () -> read(blobs, entries));

        assertSame(blobs.failure, thrown);
        blobs.assertNoThreadLeftRunning();
    }

    @Test
    void a_bad_entry_after_stored_files_is_still_refused_as_the_archive_it_is() throws Exception {
        RecordingBlobs blobs = new RecordingBlobs(0, 0);
        List<ArchiveEntry> entries = new ArrayList<>(manySmallFiles());
        entries.add(ArchiveEntry.special("pipe", ArchiveEntryType.FIFO, 0644, 0));

        DomainException thrown = assertThrows(DomainException.class, () -> read(blobs, entries));

        assertEquals(ErrorCode.WORKSPACE_INVALID_ARCHIVE, thrown.errorCode());
        blobs.assertNoThreadLeftRunning();
    }

    @Test
    void the_manifest_names_every_file_with_its_digest_and_every_blob_is_stored() throws Exception {
        RecordingBlobs blobs = new RecordingBlobs(0, 0);
        List<ArchiveEntry> entries = new ArrayList<>(manySmallFiles());
        String large = "x".repeat(ArchiveImport.SMALL_FILE_BYTES + 1);
        entries.add(file("large.txt", large));
        entries.add(ArchiveEntry.hardlink("copy.txt", "f7.txt", 0644, 0));

        Manifest manifest = read(blobs, entries);

        Map<String, ManifestEntry> files = new HashMap<>();
        manifest.entries().forEach(entry -> files.put(entry.path().value(), entry));
        assertEquals(MANY + 2, files.size());
        for (int i = 0; i < MANY; i++) {
            byte[] content = ("content " + i).getBytes(StandardCharsets.UTF_8);
            ManifestEntry entry = files.get("/f" + i + ".txt");
            assertEquals(Sha256.of(content), entry.sha256().orElseThrow());
            assertEquals(content.length, entry.size());
            assertTrue(blobs.blobExists(WORKSPACE, Sha256.of(content)));
        }
        Sha256 largeSha = Sha256.of(large.getBytes(StandardCharsets.UTF_8));
        assertEquals(largeSha, files.get("/large.txt").sha256().orElseThrow());
        assertTrue(blobs.blobExists(WORKSPACE, largeSha));
        assertEquals(files.get("/f7.txt").sha256(), files.get("/copy.txt").sha256());
        blobs.assertNoThreadLeftRunning();
    }
}
