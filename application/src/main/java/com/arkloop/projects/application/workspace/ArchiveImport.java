package com.arkloop.projects.application.workspace;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.workspace.BlobExpectation;
import com.arkloop.projects.domain.workspace.BlobStore;
import com.arkloop.projects.domain.workspace.EntryType;
import com.arkloop.projects.domain.workspace.Manifest;
import com.arkloop.projects.domain.workspace.ManifestEntry;
import com.arkloop.projects.domain.workspace.Sha256;
import com.arkloop.projects.domain.workspace.StoredBlob;
import com.arkloop.projects.domain.workspace.WorkspaceErrors;
import com.arkloop.projects.domain.workspace.WorkspacePath;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns the entries of an archive into the manifest of a new revision, storing file contents as it
 * goes (an archive streams, so a bad entry may come after good ones were stored: their blobs are then
 * unreferenced, invisible, and collected later). Every entry is judged before its content is read;
 * one bad entry rejects the whole archive with {@code workspaces.invalid_archive}, whose details name
 * the entry and the reason.
 *
 * <p>Names are taken relative to the workspace root: leading {@code ./} segments are dropped, a
 * directory may end with {@code /}, and the root itself ({@code .}, {@code ./}) is skipped. Anything
 * absolute, with a {@code ..} or {@code .} segment or otherwise not a valid workspace path is refused,
 * as are devices, fifos and other special files, symlinks whose target leaves the root, hard links to
 * anything but an earlier file of the archive (they become a copy of it), duplicate paths, entries
 * below a file or symlink, and archives with more entries or file bytes than allowed. File sizes are
 * enforced on the bytes actually read, not only on what the header claims.
 *
 * <p>Storing a blob is latency-bound (a durable store syncs each one), so the content of a small file
 * (at most {@value #SMALL_FILE_BYTES} bytes) that reads back whole, as long as its header says and
 * matching any digest known in advance, is read into memory and stored by one of a few threads while
 * the next entries are judged; every other file is stored inline, as it streams. This changes nothing
 * a caller can see: entries are judged in order, the manifest is the same, and before returning every
 * pending write is awaited and the first failure, in the order of the entries, is thrown, exactly the
 * failure a one-by-one import would have stopped at. Writes still queued then are cancelled, and the
 * threads are gone before {@link #read} returns or throws.
 */
final class ArchiveImport {

    /** The largest file whose content is read into memory and stored concurrently. */
    static final int SMALL_FILE_BYTES = 64 * 1024;
    /** How many blobs are stored at once. */
    static final int CONCURRENT_PUTS = 8;
    /** The most bytes held in memory for pending writes, each write also charged {@link #PUT_OVERHEAD}. */
    private static final int BUFFERED_BYTES = 8 * 1024 * 1024;
    /** What a pending write costs beyond its bytes, so that a run of empty files also stays bounded. */
    private static final int PUT_OVERHEAD = 1024;
    private static final AtomicInteger IMPORTS = new AtomicInteger();

    private final BlobStore blobs;
    private final WorkspaceRef workspace;
    private final int maxEntries;
    private final long maxBytes;
    /** Sizes of the blobs the base revision names: the only blobs safe to reuse without writing them. */
    private final Map<Sha256, Long> baseBlobs = new HashMap<>();
    private final Map<String, ManifestEntry> byPath = new LinkedHashMap<>();
    private final Set<String> impliedDirectories = new HashSet<>();
    private int entryCount;
    private long byteCount;
    /** Created on the first small file; shut down, and its threads gone, before {@link #read} ends. */
    private ExecutorService putters;
    private final Semaphore bufferedBytes = new Semaphore(BUFFERED_BYTES);
    /** Writes not yet known to have succeeded, in the order of their entries. */
    private final Deque<Future<?>> pending = new ArrayDeque<>();
    private volatile boolean putFailed;

    private ArchiveImport(BlobStore blobs, WorkspaceRef workspace, Manifest base, int maxEntries, long maxBytes) {
        this.blobs = blobs;
        this.workspace = workspace;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        for (ManifestEntry entry : base.entries()) {
            entry.sha256().ifPresent(sha -> baseBlobs.put(sha, entry.size()));
        }
    }

    /** The manifest the archive describes, every file's blob stored. */
    static Manifest read(BlobStore blobs, WorkspaceRef workspace, Manifest base, ArchiveEntries entries,
                         int maxEntries, long maxBytes) {
        ArchiveImport archive = new ArchiveImport(blobs, workspace, base, maxEntries, maxBytes);
        try {
            try {
                for (Optional<ArchiveEntry> next = entries.next(); next.isPresent(); next = entries.next()) {
                    archive.add(next.get());
                    archive.collectFinishedPuts(false);
                }
            } catch (RuntimeException | Error failure) {
                // A write of an earlier entry that failed is what a one-by-one import would have thrown.
                archive.collectFinishedPuts(true);
                throw failure;
            }
            archive.collectFinishedPuts(true);
            return new Manifest(new ArrayList<>(archive.byPath.values()));
        } finally {
            archive.stopPuts();
        }
    }

    private void add(ArchiveEntry entry) {
        if (++entryCount > maxEntries) {
            throw invalid(entry, "the archive has more than " + maxEntries + " entries");
        }
        Optional<WorkspacePath> path = pathOf(entry);
        if (path.isEmpty()) {
            return; // the root directory itself
        }
        switch (entry.type()) {
            case DEVICE -> throw invalid(entry, "is a device, which a workspace cannot hold");
            case FIFO -> throw invalid(entry, "is a fifo, which a workspace cannot hold");
            case OTHER -> throw invalid(entry, "is a special file, which a workspace cannot hold");
            default -> {
            }
        }
        WorkspacePath at = path.get();
        checkPlace(entry, at, entry.type() == ArchiveEntryType.DIRECTORY);
        ManifestEntry added = switch (entry.type()) {
            case FILE -> file(entry, at);
            case DIRECTORY -> ManifestEntry.directory(at, entry.mtimeUnixMs(), permissions(entry));
            case SYMLINK -> symlink(entry, at);
            case HARDLINK -> hardlink(entry, at);
            default -> throw new IllegalStateException("refused above");
        };
        byPath.put(at.value(), added);
        for (Optional<WorkspacePath> parent = at.parent(); parent.isPresent() && !parent.get().isRoot();
             parent = parent.get().parent()) {
            if (!impliedDirectories.add(parent.get().value())) {
                break; // this ancestor, and so all above it, is already known
            }
        }
    }

    private Optional<WorkspacePath> pathOf(ArchiveEntry entry) {
        String name = entry.name();
        String inner = relative(entry, name, "");
        boolean trailingSlash = inner.endsWith("/");
        if (trailingSlash) {
            inner = inner.substring(0, inner.length() - 1);
        }
        if (inner.isEmpty() || inner.equals(".")) {
            if (entry.type() == ArchiveEntryType.DIRECTORY) {
                return Optional.empty();
            }
            throw invalid(entry, "names the root, which only a directory may");
        }
        if (trailingSlash && entry.type() != ArchiveEntryType.DIRECTORY) {
            throw invalid(entry, "ends with / but is not a directory");
        }
        return Optional.of(workspacePath(entry, inner, ""));
    }

    /** The name without leading {@code ./}, refused if absolute or climbing with {@code ..}. */
    private static String relative(ArchiveEntry entry, String name, String what) {
        if (name.isEmpty()) {
            throw invalid(entry, "has an empty " + (what.isEmpty() ? "name" : what));
        }
        if (name.startsWith("/")) {
            throw invalid(entry, what.isEmpty() ? "is an absolute path" : "has an absolute " + what + ", outside the root");
        }
        String inner = name;
        while (inner.startsWith("./")) {
            inner = inner.substring(2);
        }
        for (String segment : inner.split("/", -1)) {
            if (segment.equals("..")) {
                throw invalid(entry, what.isEmpty() ? "climbs out of the root with .."
                        : "has a " + what + " that climbs out of the root with ..");
            }
        }
        return inner;
    }

    private static WorkspacePath workspacePath(ArchiveEntry entry, String inner, String what) {
        try {
            return WorkspacePath.parseFile("/" + inner);
        } catch (DomainException notAPath) {
            throw invalid(entry, (what.isEmpty() ? "is not a valid workspace path: " : "has an invalid " + what + ": ")
                    + notAPath.details().getOrDefault("path", "invalid"));
        }
    }

    private void checkPlace(ArchiveEntry entry, WorkspacePath path, boolean directory) {
        if (byPath.containsKey(path.value())) {
            throw invalid(entry, "duplicates the path of an earlier entry");
        }
        for (Optional<WorkspacePath> parent = path.parent(); parent.isPresent() && !parent.get().isRoot();
             parent = parent.get().parent()) {
            ManifestEntry above = byPath.get(parent.get().value());
            if (above != null && above.type() != EntryType.DIRECTORY) {
                throw invalid(entry, "lies below " + parent.get() + ", which is not a directory");
            }
        }
        if (!directory && impliedDirectories.contains(path.value())) {
            throw invalid(entry, "is not a directory, but earlier entries lie below it");
        }
    }

    private ManifestEntry file(ArchiveEntry entry, WorkspacePath path) {
        long size = entry.size();
        if (size < 0) {
            throw invalid(entry, "has a negative size");
        }
        if (size > maxBytes - byteCount) {
            throw invalid(entry, "takes the archive past " + maxBytes + " bytes of files");
        }
        StoredBlob stored = reusable(entry).orElseGet(() -> store(entry));
        if (stored.size() != size) {
            throw invalid(entry, "holds fewer bytes than its header says");
        }
        byteCount += size;
        return ManifestEntry.file(path, size, stored.sha256(), entry.mtimeUnixMs(), permissions(entry));
    }

    /**
     * A blob the base revision names, with the digest and size the source knows in advance, and still
     * stored: reused without reading the content. Only the base's blobs qualify, because retained
     * revisions protect theirs from garbage collection; any other blob is written again, which renews it.
     */
    private Optional<StoredBlob> reusable(ArchiveEntry entry) {
        return entry.knownSha256()
                .filter(sha -> Long.valueOf(entry.size()).equals(baseBlobs.get(sha)))
                .filter(sha -> blobs.blobExists(workspace, sha))
                .map(sha -> new StoredBlob(sha, entry.size()));
    }

    private StoredBlob store(ArchiveEntry entry) {
        if (entry.size() > SMALL_FILE_BYTES) {
            return put(entry, entry.content());
        }
        // One byte past the header's size tells a longer content; the store judges it as it streams on.
        byte[] buffer = new byte[(int) entry.size() + 1];
        int length = 0;
        InputStream content = entry.content();
        try {
            for (int read; length < buffer.length && (read = content.read(buffer, length, buffer.length - length)) >= 0; ) {
                length += read;
            }
        } catch (IOException | RuntimeException broken) {
            // The store reads what came before, then meets the same failure, as it would have inline.
            return put(entry, prefixed(buffer, length, failing(broken)));
        }
        if (length > entry.size()) {
            return put(entry, prefixed(buffer, length, content));
        }
        byte[] bytes = Arrays.copyOf(buffer, length); // the spare byte stayed unread
        Sha256 sha256 = Sha256.of(bytes);
        if (length != entry.size() || entry.knownSha256().filter(known -> !known.equals(sha256)).isPresent()) {
            return put(entry, new ByteArrayInputStream(bytes)); // refused or cut short, just as inline
        }
        StoredBlob expected = new StoredBlob(sha256, length);
        putLater(entry, bytes, expected);
        return expected;
    }

    /** The bytes already read, then the rest, which is left open (the archive reader owns it). */
    private static InputStream prefixed(byte[] read, int length, InputStream rest) {
        return new SequenceInputStream(new ByteArrayInputStream(read, 0, length), new FilterInputStream(rest) {
            @Override
            public void close() {
            }
        });
    }

    /** A stream whose first read throws what reading an entry's content threw. */
    private static InputStream failing(Exception broken) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                return read(new byte[1], 0, 1);
            }

            @Override
            public int read(byte[] into, int offset, int count) throws IOException {
                if (broken instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) broken;
            }
        };
    }

    private void putLater(ArchiveEntry entry, byte[] bytes, StoredBlob expected) {
        int cost = bytes.length + PUT_OVERHEAD;
        bufferedBytes.acquireUninterruptibly(cost);
        try {
            pending.add(putters().submit(() -> {
                try {
                    StoredBlob stored = put(entry, new ByteArrayInputStream(bytes));
                    if (!stored.equals(expected)) {
                        throw new IllegalStateException("the store kept " + stored + " for " + expected);
                    }
                } catch (RuntimeException | Error failure) {
                    putFailed = true;
                    throw failure;
                } finally {
                    bufferedBytes.release(cost);
                }
            }));
        } catch (RuntimeException | Error notQueued) {
            bufferedBytes.release(cost);
            throw notQueued;
        }
    }

    private ExecutorService putters() {
        if (putters == null) {
            int importNumber = IMPORTS.incrementAndGet();
            AtomicInteger threads = new AtomicInteger();
            ThreadFactory factory = task -> {
                Thread thread = new Thread(task, "archive-import-" + importNumber + "-put-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
            putters = new ThreadPoolExecutor(CONCURRENT_PUTS, CONCURRENT_PUTS, 0, TimeUnit.MILLISECONDS,
                    new LinkedBlockingQueue<>(), factory);
        }
        return putters;
    }

    /**
     * Forgets the writes known to have succeeded, oldest first, and throws the failure of the first
     * that failed, all earlier ones having succeeded. With {@code all}, or once any write failed, waits
     * for each in turn, so the failure thrown is the first in the order of the entries.
     */
    private void collectFinishedPuts(boolean all) {
        while (!pending.isEmpty() && (all || putFailed || pending.peekFirst().isDone())) {
            Future<?> oldest = pending.pollFirst();
            Throwable failure = outcome(oldest);
            if (failure != null) {
                stopPuts(); // later writes no longer matter: this failure comes first
                switch (failure) {
                    case RuntimeException runtime -> throw runtime;
                    case Error error -> throw error;
                    default -> throw new IllegalStateException(failure);
                }
            }
        }
    }

    /** What the write threw, or null; waits for it, uninterrupted, as the write itself cannot be. */
    private static Throwable outcome(Future<?> write) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    write.get();
                    return null;
                } catch (ExecutionException failed) {
                    return failed.getCause();
                } catch (CancellationException cancelled) {
                    return null;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Cancels the writes still queued, and waits for the running ones and the threads to end. */
    private void stopPuts() {
        for (Future<?> write : pending) {
            write.cancel(false);
        }
        pending.clear();
        if (putters != null) {
            putters.close(); // shuts down and awaits termination
        }
    }

    private StoredBlob put(ArchiveEntry entry, InputStream content) {
        BlobExpectation expectation = entry.knownSha256()
                .map(sha -> BlobExpectation.exactly(sha, entry.size()))
                .orElseGet(() -> BlobExpectation.atMost(entry.size()));
        try {
            return blobs.putBlob(workspace, content, expectation);
        } catch (DomainException refused) {
            if (refused.errorCode() == ErrorCode.REQUEST_TOO_LARGE) {
                throw invalid(entry, "holds more bytes than its header says");
            }
            if (refused.errorCode() == ErrorCode.VALIDATION_FAILED) {
                throw invalid(entry, "does not match its known digest and size");
            }
            throw refused;
        }
    }

    private static ManifestEntry symlink(ArchiveEntry entry, WorkspacePath path) {
        String target = entry.linkTarget().orElseThrow(() -> invalid(entry, "is a symlink without a target"));
        if (target.startsWith("/")) {
            throw invalid(entry, "links outside the root (an absolute target)");
        }
        try {
            return ManifestEntry.symlink(path, target, entry.mtimeUnixMs(), permissions(entry));
        } catch (IllegalArgumentException refused) {
            throw invalid(entry, refused.getMessage().contains("inside") ? "links outside the root"
                    : "has an invalid link target (" + refused.getMessage() + ")");
        }
    }

    private ManifestEntry hardlink(ArchiveEntry entry, WorkspacePath path) {
        String target = entry.linkTarget().orElseThrow(() -> invalid(entry, "is a hard link without a target"));
        String inner = relative(entry, target, "link target");
        inner = inner.endsWith("/") ? inner.substring(0, inner.length() - 1) : inner;
        WorkspacePath targetPath = workspacePath(entry, inner, "link target");
        ManifestEntry linked = byPath.get(targetPath.value());
        if (linked == null || linked.type() != EntryType.FILE) {
            throw invalid(entry, "is a hard link to " + targetPath + ", which is not an earlier file of the archive");
        }
        return ManifestEntry.file(path, linked.size(), linked.sha256().orElseThrow(), entry.mtimeUnixMs(), linked.mode());
    }

    private static int permissions(ArchiveEntry entry) {
        return entry.mode() & ManifestEntry.MAX_MODE;
    }

    static DomainException invalid(ArchiveEntry entry, String reason) {
        return WorkspaceErrors.invalidArchive(Optional.of(entry.name()), reason);
    }
}
