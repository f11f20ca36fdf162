package com.arkloop.projects.application.fakes;

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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Blobs and manifests in maps. {@link #setAvailable(boolean) setAvailable(false)} simulates an outage:
 * every call then fails as a real store would. A blob's write time comes from the clock given (the
 * system clock by default), so tests can age blobs for garbage collection.
 */
public final class InMemoryBlobStore implements BlobStore {

    private record ManifestKey(WorkspaceRef workspace, Revision revision) {
    }

    private record BlobKey(WorkspaceRef workspace, Sha256 sha256) {
    }

    private record Stored(byte[] bytes, Instant storedAt) {
    }

    private final Map<BlobKey, Stored> blobs = new ConcurrentHashMap<>();
    private final Map<ManifestKey, Manifest> manifests = new ConcurrentHashMap<>();
    private final AtomicInteger manifestReads = new AtomicInteger();
    private final Clock clock;
    private volatile boolean available = true;

    public InMemoryBlobStore() {
        this(Clock.systemUTC());
    }

    public InMemoryBlobStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public StoredBlob putBlob(WorkspaceRef workspace, InputStream content, BlobExpectation expectation) {
        requireAvailable();
        // One byte past the limit is enough to tell that the content is too long.
        byte[] bytes = readAtMost(content, Math.max(expectation.maxSize(), expectation.maxSize() + 1));
        if (bytes.length > expectation.maxSize()) {
            throw expectation instanceof BlobExpectation.Exactly ? WorkspaceErrors.contentMismatch()
                    : WorkspaceErrors.tooLarge(expectation.maxSize());
        }
        Sha256 sha256 = Sha256.of(bytes);
        if (expectation instanceof BlobExpectation.Exactly exactly
                && (!exactly.sha256().equals(sha256) || exactly.size() != bytes.length)) {
            throw WorkspaceErrors.contentMismatch();
        }
        // Writing it again keeps the bytes (they are the same) but renews the write time, as a real store does.
        Instant now = clock.instant();
        blobs.merge(new BlobKey(workspace, sha256), new Stored(bytes, now),
                (old, fresh) -> new Stored(old.bytes(), now));
        return new StoredBlob(sha256, bytes.length);
    }

    private static byte[] readAtMost(InputStream content, long limit) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while (out.size() < limit && (read = content.read(buffer, 0, (int) Math.min(buffer.length, limit - out.size()))) >= 0) {
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<BlobContent> openBlob(WorkspaceRef workspace, Sha256 blob, Optional<ByteRange> range) {
        requireAvailable();
        Stored stored = blobs.get(new BlobKey(workspace, blob));
        if (stored == null) {
            return Optional.empty();
        }
        byte[] bytes = stored.bytes();
        Optional<ByteRange> served = range.map(requested -> requested.within(bytes.length));
        long offset = served.map(ByteRange::offset).orElse(0L);
        long length = served.map(ByteRange::length).orElse((long) bytes.length);
        return Optional.of(new BlobContent(bytes.length, offset, length,
                new ByteArrayInputStream(bytes, (int) offset, (int) length)));
    }

    @Override
    public OptionalLong blobSize(WorkspaceRef workspace, Sha256 blob) {
        requireAvailable();
        Stored stored = blobs.get(new BlobKey(workspace, blob));
        return stored == null ? OptionalLong.empty() : OptionalLong.of(stored.bytes().length);
    }

    @Override
    public void putManifest(WorkspaceRef workspace, Revision revision, Manifest manifest) {
        requireAvailable();
        manifests.put(new ManifestKey(workspace, revision), manifest);
    }

    @Override
    public Optional<Manifest> getManifest(WorkspaceRef workspace, Revision revision) {
        requireAvailable();
        manifestReads.incrementAndGet();
        return Optional.ofNullable(manifests.get(new ManifestKey(workspace, revision)));
    }

    @Override
    public List<WorkspaceRef> listWorkspaces() {
        requireAvailable();
        return Stream.concat(blobs.keySet().stream().map(BlobKey::workspace),
                manifests.keySet().stream().map(ManifestKey::workspace)).distinct().toList();
    }

    @Override
    public List<ListedBlob> listBlobs(WorkspaceRef workspace) {
        requireAvailable();
        return blobs.entrySet().stream()
                .filter(entry -> entry.getKey().workspace().equals(workspace))
                .map(entry -> new ListedBlob(entry.getKey().sha256(), entry.getValue().bytes().length,
                        entry.getValue().storedAt()))
                .toList();
    }

    @Override
    public boolean deleteBlob(WorkspaceRef workspace, Sha256 blob, Instant writtenBefore) {
        requireAvailable();
        AtomicBoolean deleted = new AtomicBoolean();
        blobs.computeIfPresent(new BlobKey(workspace, blob), (key, stored) -> {
            if (stored.storedAt().isBefore(writtenBefore)) {
                deleted.set(true);
                return null;
            }
            return stored;
        });
        return deleted.get();
    }

    @Override
    public boolean isAvailable() {
        return available;
    }

    /** Turns the simulated storage on or off. */
    public void setAvailable(boolean available) {
        this.available = available;
    }

    /** How many times a manifest was read, to show what a cache saves. */
    public int manifestReads() {
        return manifestReads.get();
    }

    private void requireAvailable() {
        if (!available) {
            throw WorkspaceErrors.storageUnavailable(new IOException("simulated outage"));
        }
    }
}
