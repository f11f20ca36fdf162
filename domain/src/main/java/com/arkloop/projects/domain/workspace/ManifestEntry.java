package com.arkloop.projects.domain.workspace;

import com.arkloop.projects.domain.DomainException;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a revision. A file has the digest of its blob; a directory has size 0 and no digest;
 * a symlink has a target and no digest. {@code mode} holds the permission bits (at most 07777).
 *
 * <p>A symlink target is relative and never climbs above the workspace root, wherever it points;
 * reads never follow symlinks anyway, but the invariant keeps a manifest safe to materialise on disk.
 */
public record ManifestEntry(WorkspacePath path, EntryType type, long size, Optional<Sha256> sha256,
                            long mtimeUnixMs, int mode, Optional<String> symlinkTarget) {

    public static final int MAX_MODE = 07777;

    public ManifestEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(symlinkTarget, "symlinkTarget");
        if (path.isRoot()) {
            throw new IllegalArgumentException("the root is not an entry");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
        if (mode < 0 || mode > MAX_MODE) {
            throw new IllegalArgumentException("mode must hold permission bits only");
        }
        if (sha256.isPresent() != (type == EntryType.FILE)) {
            throw new IllegalArgumentException("a file, and only a file, has a sha256");
        }
        if (symlinkTarget.isPresent() != (type == EntryType.SYMLINK)) {
            throw new IllegalArgumentException("a symlink, and only a symlink, has a target");
        }
        if (type == EntryType.DIRECTORY && size != 0) {
            throw new IllegalArgumentException("a directory has size 0");
        }
        symlinkTarget.ifPresent(target -> checkTarget(path, target));
    }

    public static ManifestEntry file(WorkspacePath path, long size, Sha256 sha256, long mtimeUnixMs, int mode) {
        return new ManifestEntry(path, EntryType.FILE, size, Optional.of(sha256), mtimeUnixMs, mode, Optional.empty());
    }

    public static ManifestEntry directory(WorkspacePath path, long mtimeUnixMs, int mode) {
        return new ManifestEntry(path, EntryType.DIRECTORY, 0, Optional.empty(), mtimeUnixMs, mode, Optional.empty());
    }

    /** A symlink; its size is the length of the target in bytes, as {@code lstat} reports it. */
    public static ManifestEntry symlink(WorkspacePath path, String target, long mtimeUnixMs, int mode) {
        return new ManifestEntry(path, EntryType.SYMLINK, Utf8.length(target), Optional.empty(), mtimeUnixMs, mode,
                Optional.of(target));
    }

    private static void checkTarget(WorkspacePath link, String target) {
        if (target.startsWith("/")) {
            throw new IllegalArgumentException("a symlink target must be a relative path");
        }
        // Reuse the path rules for the characters and lengths; "." and ".." are allowed here and
        // counted instead, so the target may move around but never above the root.
        int depth = link.value().split("/", -1).length - 2;
        for (String segment : target.split("/", -1)) {
            if (segment.equals("..")) {
                if (--depth < 0) {
                    throw new IllegalArgumentException("a symlink target must stay inside the workspace");
                }
            } else if (segment.isEmpty()) {
                throw new IllegalArgumentException("a symlink target must not contain empty segments");
            } else if (!segment.equals(".")) {
                try {
                    WorkspacePath.ROOT.child(segment);
                } catch (DomainException invalid) {
                    throw new IllegalArgumentException("a symlink target must consist of valid names", invalid);
                }
                depth++;
            }
        }
        if (Utf8.length(target) > WorkspacePath.MAX_PATH_BYTES) {
            throw new IllegalArgumentException("a symlink target must be at most 4096 bytes");
        }
    }
}
