package com.arkloop.projects.adapters.storage;

import com.arkloop.projects.domain.workspace.BlobContent;
import com.arkloop.projects.domain.workspace.BlobExpectation;
import com.arkloop.projects.domain.workspace.BlobStore;
import com.arkloop.projects.domain.workspace.ByteRange;
import com.arkloop.projects.domain.workspace.ListedBlob;
import com.arkloop.projects.domain.workspace.Manifest;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.Sha256;
import com.arkloop.projects.domain.workspace.StoredBlob;
import com.arkloop.projects.domain.workspace.WorkspaceErrors;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A {@link BlobStore} in a directory tree:
 * {@code {root}/workspaces/{workspace_ref}/blobs/{sha256}} and
 * {@code {root}/workspaces/{workspace_ref}/manifests/{revision}.json}. File names come only from
 * validated refs, digests and revision ids, which cannot spell a separator or a dot segment.
 *
 * <p>Every write goes to a temporary file ({@code .tmp-*}) in the destination directory, is fsynced,
 * renamed into place atomically, and the directory is fsynced, so after a crash an object is either
 * absent or complete. A crash can leave temporary files behind; nothing ever reads them. Directory
 * fsync needs a POSIX file system (Linux, macOS).
 *
 * <p>A blob's write time is its file's modification time, which a put renews (it renames a fresh
 * file into place). A conditional delete first renames the blob aside ({@code .gc-*}), then judges
 * the file it moved: one a put had just renewed goes back, so a put racing a delete always wins.
 */
public final class FileSystemBlobStore implements BlobStore {

    private static final int BUFFER_SIZE = 64 * 1024;
    private final Path root;

    public FileSystemBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public StoredBlob putBlob(WorkspaceRef workspace, InputStream content, BlobExpectation expectation) {
        Path directory = workspaceDirectory(workspace).resolve("blobs");
        Path temp = null;
        try {
            ensureDirectory(directory);
            temp = Files.createTempFile(directory, ".tmp-", "");
            MessageDigest digest = Sha256.newDigest();
            long size;
            Sha256 sha256;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                size = copy(content, out, digest, expectation);
                sha256 = Sha256.fromDigest(digest.digest());
                if (expectation instanceof BlobExpectation.Exactly exactly
                        && (!exactly.sha256().equals(sha256) || exactly.size() != size)) {
                    throw WorkspaceErrors.contentMismatch();
                }
                if (renewExisting(directory.resolve(sha256.hex()))) {
                    return new StoredBlob(sha256, size);
                }
                out.force(true);
            }
            // Replacing a blob with the same name replaces it with the same bytes: concurrent puts are harmless.
            publish(temp, directory.resolve(sha256.hex()));
            temp = null;
            return new StoredBlob(sha256, size);
        } catch (IOException e) {
            throw WorkspaceErrors.storageUnavailable(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * A blob stored under this digest already holds these very bytes: renewing its write time (which
     * garbage collection judges by) spares syncing and renaming them again, the bulk of the cost of a
     * snapshot that repeats most of its files. If the collector moved the blob aside meanwhile, the
     * renewal fails and the caller stores its own copy.
     */
    private static boolean renewExisting(Path blob) throws IOException {
        try {
            Files.setLastModifiedTime(blob, FileTime.from(Instant.now()));
            return true;
        } catch (NoSuchFileException absent) {
            return false;
        }
    }

    private static long copy(InputStream content, FileChannel out, MessageDigest digest, BlobExpectation expectation)
            throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long size = 0;
        while (true) {
            int read;
            try {
                read = content.read(buffer);
            } catch (IOException sourceFailed) {
                throw new UncheckedIOException(sourceFailed);
            }
            if (read < 0) {
                return size;
            }
            size += read;
            if (size > expectation.maxSize()) {
                throw expectation instanceof BlobExpectation.Exactly ? WorkspaceErrors.contentMismatch()
                        : WorkspaceErrors.tooLarge(expectation.maxSize());
            }
            digest.update(buffer, 0, read);
            ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public Optional<BlobContent> openBlob(WorkspaceRef workspace, Sha256 blob, Optional<ByteRange> range) {
        FileChannel channel;
        try {
            channel = FileChannel.open(blobPath(workspace, blob), StandardOpenOption.READ);
        } catch (NoSuchFileException missing) {
            requireRoot(missing);
            return Optional.empty();
        } catch (IOException e) {
            throw WorkspaceErrors.storageUnavailable(e);
        }
        try {
            long totalSize = channel.size();
            Optional<ByteRange> served = range.map(requested -> requested.within(totalSize));
            long offset = served.map(ByteRange::offset).orElse(0L);
            long length = served.map(ByteRange::length).orElse(totalSize);
            channel.position(offset);
            InputStream bytes = new BoundedInputStream(Channels.newInputStream(channel), length);
            return Optional.of(new BlobContent(totalSize, offset, length, bytes));
        } catch (IOException e) {
            closeQuietly(channel);
            throw WorkspaceErrors.storageUnavailable(e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    @Override
    public OptionalLong blobSize(WorkspaceRef workspace, Sha256 blob) {
        try {
            return OptionalLong.of(Files.readAttributes(blobPath(workspace, blob), BasicFileAttributes.class).size());
        } catch (NoSuchFileException missing) {
            requireRoot(missing);
            return OptionalLong.empty();
        } catch (IOException e) {
            throw WorkspaceErrors.storageUnavailable(e);
        }
    }

    @Override
    public void putManifest(WorkspaceRef workspace, Revision revision, Manifest manifest) {
        Path directory = workspaceDirectory(workspace).resolve("manifests");
        Path temp = null;
        try {
            ensureDirectory(directory);
            temp = Files.createTempFile(directory, ".tmp-", "");
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream stream = Channels.newOutputStream(out);
                ManifestJson.write(manifest, stream);
                out.force(true);
            }
            publish(temp, manifestPath(workspace, revision));
            temp = null;
        } catch (IOException e) {
            throw WorkspaceErrors.storageUnavailable(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public Optional<Manifest> getManifest(WorkspaceRef workspace, Revision revision) {
        try (InputStream in = Files.newInputStream(manifestPath(workspace, revision))) {
            return Optional.of(ManifestJson.read(in));
        } catch (NoSuchFileException missing) {
            requireRoot(missing);
            return Optional.empty();
        } catch (IOException e) {
            throw WorkspaceErrors.storageUnavailable(e);
        }
    }

    @Override
    public List<WorkspaceRef> listWorkspaces() {
        List<WorkspaceRef> workspaces = new ArrayList<>();
        Path directory = root.resolve("workspaces");
        if (!Files.isDirectory(directory)) {
            requireRoot(new NoSuchFileException(directory.toString()));
            return workspaces;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
            for (Path child : children) {
                WorkspaceRef.parse(child.getFileName().toString()).ifPresent(workspaces::add);
            }
        } catch (IOException e) {
            throw WorkspaceErrors.storageUnavailable(e);
        }
        return workspaces;
    }

    @Override
    public List<ListedBlob> listBlobs(WorkspaceRef workspace) {
        List<ListedBlob> blobs = new ArrayList<>();
        Path directory = workspaceDirectory(workspace).resolve("blobs");
        try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
            for (Path child : children) {
                // Temporary files of writes in progress and of deletes have names no digest has.
                Optional<Sha256> sha256 = Sha256.parse(child.getFileName().toString());
                if (sha256.isPresent()) {
                    try {
                        BasicFileAttributes attributes = Files.readAttributes(child, BasicFileAttributes.class);
                        blobs.add(new ListedBlob(sha256.get(), attributes.size(), attributes.lastModifiedTime().toInstant()));
                    } catch (NoSuchFileException deletedMeanwhile) {
                        // Gone since the directory was read: not a blob any more.
                    }
                }
            }
        } catch (NoSuchFileException missing) {
            requireRoot(missing);
        } catch (IOException e) {
            throw WorkspaceErrors.storageUnavailable(e);
        }
        return blobs;
    }

    @Override
    public boolean deleteBlob(WorkspaceRef workspace, Sha256 blob, Instant writtenBefore) {
        Path path = blobPath(workspace, blob);
        try {
            if (!lastWrittenBefore(path, writtenBefore)) {
                return false;
            }
            Path aside = path.resolveSibling(".gc-" + blob.hex() + "-" + UUID.randomUUID());
            try {
                Files.move(path, aside, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException deletedMeanwhile) {
                return false;
            }
            if (lastWrittenBefore(aside, writtenBefore)) {
                Files.delete(aside);
                fsync(path.getParent());
                return true;
            }
            // A put renewed it between the check and the move: put it back (over any newer copy,
            // which holds the same bytes).
            publish(aside, path);
            return false;
        } catch (IOException e) {
            throw WorkspaceErrors.storageUnavailable(e);
        }
    }

    private boolean lastWrittenBefore(Path path, Instant writtenBefore) throws IOException {
        try {
            return Files.getLastModifiedTime(path).toInstant().isBefore(writtenBefore);
        } catch (NoSuchFileException missing) {
            requireRoot(missing);
            return false;
        }
    }

    /**
     * A missing object is only "not found" if the store itself is there: a vanished or unmounted root
     * (or one that is not a directory) must read as an outage, never as a 404.
     */
    private void requireRoot(NoSuchFileException missing) {
        if (!Files.isDirectory(root)) {
            throw WorkspaceErrors.storageUnavailable(missing);
        }
    }

    @Override
    public boolean isAvailable() {
        try {
            Files.createDirectories(root);
            return Files.isWritable(root);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private Path workspaceDirectory(WorkspaceRef workspace) {
        return root.resolve("workspaces").resolve(workspace.value());
    }

    private Path blobPath(WorkspaceRef workspace, Sha256 blob) {
        return workspaceDirectory(workspace).resolve("blobs").resolve(blob.hex());
    }

    private Path manifestPath(WorkspaceRef workspace, Revision revision) {
        return workspaceDirectory(workspace).resolve("manifests").resolve(revision.value() + ".json");
    }

    /** Creates the directory if needed, making each new directory's entry in its parent durable too. */
    private void ensureDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path existing = directory;
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        Files.createDirectories(directory);
        for (Path created = directory; created != null && !created.equals(existing); created = created.getParent()) {
            fsync(created.getParent());
        }
    }

    private static void publish(Path temp, Path target) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        fsync(target.getParent());
    }

    private static void fsync(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The store already failed; a leftover temporary file is never read.
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing a read-only channel loses nothing.
        }
    }
}
