package com.arkloop.projects.application.workspace;

import com.arkloop.projects.domain.workspace.Sha256;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an archive, exactly as its header gives it: nothing here is trusted or validated yet
 * ({@link PublishRevision} does that, and refuses the whole archive over one bad entry).
 *
 * @param name         the entry's name as stored, e.g. {@code ./src/main.go} or {@code src/}
 * @param size         the size of a file's content in bytes, as the header declares it
 * @param mode         the mode bits; only the permission bits ({@code 07777}) are kept
 * @param linkTarget   the target of a symlink or hard link, as stored
 * @param knownSha256  the content's digest when the source knows it in advance (a local file it
 *                     hashed): a blob the base revision already holds is then neither read nor
 *                     written again. Archives from clients never carry one.
 * @param content      a file's bytes, read at most once, before the next entry is asked for; not
 *                     closed by the reader
 */
public record ArchiveEntry(String name, ArchiveEntryType type, long size, int mode, long mtimeUnixMs,
                           Optional<String> linkTarget, Optional<Sha256> knownSha256, InputStream content) {

    private static final InputStream NO_CONTENT = InputStream.nullInputStream();

    public ArchiveEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(linkTarget, "linkTarget");
        Objects.requireNonNull(knownSha256, "knownSha256");
        Objects.requireNonNull(content, "content");
    }

    public static ArchiveEntry file(String name, long size, int mode, long mtimeUnixMs, InputStream content) {
        return new ArchiveEntry(name, ArchiveEntryType.FILE, size, mode, mtimeUnixMs, Optional.empty(),
                Optional.empty(), content);
    }

    public static ArchiveEntry directory(String name, int mode, long mtimeUnixMs) {
        return new ArchiveEntry(name, ArchiveEntryType.DIRECTORY, 0, mode, mtimeUnixMs, Optional.empty(),
                Optional.empty(), NO_CONTENT);
    }

    public static ArchiveEntry symlink(String name, String target, int mode, long mtimeUnixMs) {
        return new ArchiveEntry(name, ArchiveEntryType.SYMLINK, 0, mode, mtimeUnixMs, Optional.of(target),
                Optional.empty(), NO_CONTENT);
    }

    public static ArchiveEntry hardlink(String name, String target, int mode, long mtimeUnixMs) {
        return new ArchiveEntry(name, ArchiveEntryType.HARDLINK, 0, mode, mtimeUnixMs, Optional.of(target),
                Optional.empty(), NO_CONTENT);
    }

    /** A device, fifo or other entry a workspace cannot hold. */
    public static ArchiveEntry special(String name, ArchiveEntryType type, int mode, long mtimeUnixMs) {
        return new ArchiveEntry(name, type, 0, mode, mtimeUnixMs, Optional.empty(), Optional.empty(), NO_CONTENT);
    }

    /** This entry with a digest known in advance. */
    public ArchiveEntry withKnownSha256(Sha256 sha256) {
        return new ArchiveEntry(name, type, size, mode, mtimeUnixMs, linkTarget, Optional.of(sha256), content);
    }
}
