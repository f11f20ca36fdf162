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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 */
final class ArchiveImport {

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
        for (Optional<ArchiveEntry> next = entries.next(); next.isPresent(); next = entries.next()) {
            archive.add(next.get());
        }
        return new Manifest(new ArrayList<>(archive.byPath.values()));
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
        BlobExpectation expectation = entry.knownSha256()
                .map(sha -> BlobExpectation.exactly(sha, entry.size()))
                .orElseGet(() -> BlobExpectation.atMost(entry.size()));
        try {
            return blobs.putBlob(workspace, entry.content(), expectation);
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
