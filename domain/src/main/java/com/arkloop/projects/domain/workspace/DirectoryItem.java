package com.arkloop.projects.domain.workspace;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One child in a directory listing. Only files have a size and a MIME type (from the extension
 * table; empty for an unknown extension); a directory implied by deeper entries has no mtime.
 */
public record DirectoryItem(WorkspacePath path, EntryType type, OptionalLong size, OptionalLong mtimeUnixMs,
                            Optional<String> mimeType) {

    public DirectoryItem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(mtimeUnixMs, "mtimeUnixMs");
        Objects.requireNonNull(mimeType, "mimeType");
    }

    static DirectoryItem of(ManifestEntry entry) {
        return entry.type() == EntryType.FILE
                ? new DirectoryItem(entry.path(), entry.type(), OptionalLong.of(entry.size()),
                        OptionalLong.of(entry.mtimeUnixMs()), ContentTypes.byName(entry.path().name()))
                : new DirectoryItem(entry.path(), entry.type(), OptionalLong.empty(),
                        OptionalLong.of(entry.mtimeUnixMs()), Optional.empty());
    }

    static DirectoryItem impliedDirectory(WorkspacePath path) {
        return new DirectoryItem(path, EntryType.DIRECTORY, OptionalLong.empty(), OptionalLong.empty(), Optional.empty());
    }

    public String name() {
        return path.name();
    }
}
