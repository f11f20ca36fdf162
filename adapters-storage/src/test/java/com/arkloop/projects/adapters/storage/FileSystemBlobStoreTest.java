package com.arkloop.projects.adapters.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.workspace.BlobExpectation;
import com.arkloop.projects.domain.workspace.Manifest;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.Sha256;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** What only the file-system store promises: its layout, its clean-up, and how it fails. */
class FileSystemBlobStoreTest {

    private static final byte[] CONTENT = "hello".getBytes(StandardCharsets.US_ASCII);
    private static final WorkspaceRef WORKSPACE = new WorkspaceRef("wsref_8398feadc3eb164d4079c8b41257dac1");

    @TempDir
    Path root;

    private final Revision revision = Revision.create(Instant.parse("2024-01-01T00:00:00Z"), new SplittableRandom(3));

    @Test
    void lays_out_blobs_and_manifests_under_the_workspace_ref() {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        Sha256 sha = store.putBlob(WORKSPACE, new ByteArrayInputStream(CONTENT), BlobExpectation.atMost(100)).sha256();
        store.putManifest(WORKSPACE, revision, Manifest.EMPTY);
        Path workspace = root.resolve("workspaces").resolve(WORKSPACE.value());
        assertTrue(Files.isRegularFile(workspace.resolve("blobs").resolve(sha.hex())));
        assertTrue(Files.isRegularFile(workspace.resolve("manifests").resolve(revision.value() + ".json")));
    }

    @Test
    void storing_a_blob_again_renews_the_stored_file_instead_of_replacing_it() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        Sha256 sha = store.putBlob(WORKSPACE, new ByteArrayInputStream(CONTENT), BlobExpectation.atMost(100)).sha256();
        Path blob = root.resolve("workspaces").resolve(WORKSPACE.value()).resolve("blobs").resolve(sha.hex());
        Object inode = Files.getAttribute(blob, "unix:ino");
        Instant longAgo = Instant.parse("2020-01-01T00:00:00Z");
        Files.setLastModifiedTime(blob, java.nio.file.attribute.FileTime.from(longAgo));

        store.putBlob(WORKSPACE, new ByteArrayInputStream(CONTENT), BlobExpectation.atMost(100));

        assertEquals(inode, Files.getAttribute(blob, "unix:ino"), "the same file, not a new copy");
        assertTrue(Files.getLastModifiedTime(blob).toInstant().isAfter(longAgo), "its write time renewed");
        try (Stream<Path> files = Files.list(blob.getParent())) {
            assertEquals(List.of(blob), files.toList(), "no temporary file left");
        }
    }

    @Test
    void leaves_no_temporary_files_behind_on_success_or_rejection() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        store.putBlob(WORKSPACE, new ByteArrayInputStream(CONTENT), BlobExpectation.atMost(100));
        assertThrows(DomainException.class,
                () -> store.putBlob(WORKSPACE, new ByteArrayInputStream(CONTENT), BlobExpectation.atMost(2)));
        assertThrows(DomainException.class, () -> store.putBlob(WORKSPACE, new ByteArrayInputStream(CONTENT),
                BlobExpectation.exactly(Sha256.of(new byte[0]), CONTENT.length)));
        store.putManifest(WORKSPACE, revision, Manifest.EMPTY);
        try (Stream<Path> files = Files.walk(root)) {
            assertEquals(List.of(), files.filter(path -> path.getFileName().toString().startsWith(".tmp-")).toList());
        }
    }

    @Test
    void reports_a_corrupt_manifest_as_unavailable_storage() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        store.putManifest(WORKSPACE, revision, Manifest.EMPTY);
        Path file = root.resolve("workspaces").resolve(WORKSPACE.value()).resolve("manifests").resolve(revision.value() + ".json");
        Files.writeString(file, "{\"version\":1,\"entries\":[");
        assertUnavailable(() -> store.getManifest(WORKSPACE, revision));
    }

    @Test
    void reports_an_unusable_root_as_unavailable_storage_not_as_missing() throws IOException {
        Path notADirectory = Files.writeString(root.resolve("file"), "x");
        FileSystemBlobStore store = new FileSystemBlobStore(notADirectory);
        assertFalse(store.isAvailable());
        assertUnavailable(() -> store.putBlob(WORKSPACE, new ByteArrayInputStream(CONTENT), BlobExpectation.atMost(100)));
        assertUnavailable(() -> store.putManifest(WORKSPACE, revision, Manifest.EMPTY));
        assertUnavailable(() -> store.openBlob(WORKSPACE, Sha256.of(CONTENT), Optional.empty()));
        assertUnavailable(() -> store.blobSize(WORKSPACE, Sha256.of(CONTENT)));
        assertUnavailable(() -> store.getManifest(WORKSPACE, revision));
    }

    @Test
    void creates_its_root_on_first_use() {
        FileSystemBlobStore store = new FileSystemBlobStore(root.resolve("data"));
        assertTrue(store.isAvailable());
        assertTrue(Files.isDirectory(root.resolve("data")));
    }

    private static void assertUnavailable(Executable call) {
        DomainException error = assertThrows(DomainException.class, call);
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, error.errorCode());
        assertFalse(error.getMessage().contains("/"), "no file system path in the message");
    }
}
