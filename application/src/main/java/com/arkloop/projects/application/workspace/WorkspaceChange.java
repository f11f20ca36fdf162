package com.arkloop.projects.application.workspace;

import com.arkloop.projects.domain.workspace.WorkspacePath;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * What one publish changes in a workspace. Paths arrive as the raw (still percent-encoded) values of
 * the {@code path} query parameter, like the read use cases take them, so that they are checked only
 * after the caller has been shown to see the project; embedders holding a {@link WorkspacePath}
 * use the factories.
 */
public sealed interface WorkspaceChange {

    /**
     * Writes one file, creating or replacing it, from {@code content} (read to the end, not closed):
     * at most {@code maxSize} bytes, else {@code request.too_large}. A replaced file keeps its mode.
     */
    record PutFile(List<String> rawPathValues, InputStream content, long maxSize) implements WorkspaceChange {
        public PutFile {
            rawPathValues = List.copyOf(rawPathValues);
            Objects.requireNonNull(content, "content");
            if (maxSize < 0) {
                throw new IllegalArgumentException("maxSize must not be negative");
            }
        }
    }

    /** Removes one file or symlink; anything else there (nothing, a directory) is {@code workspace_files.not_found}. */
    record DeleteFile(List<String> rawPathValues) implements WorkspaceChange {
        public DeleteFile {
            rawPathValues = List.copyOf(rawPathValues);
        }
    }

    /** Replaces everything with the archive's entries, all validated before anything is published. */
    record ReplaceAll(ArchiveEntries entries) implements WorkspaceChange {
        public ReplaceAll {
            Objects.requireNonNull(entries, "entries");
        }
    }

    static WorkspaceChange putFile(WorkspacePath path, InputStream content, long maxSize) {
        return new PutFile(List.of(rawQueryValue(path)), content, maxSize);
    }

    static WorkspaceChange deleteFile(WorkspacePath path) {
        return new DeleteFile(List.of(rawQueryValue(path)));
    }

    static WorkspaceChange replaceAll(ArchiveEntries entries) {
        return new ReplaceAll(entries);
    }

    /** The path percent-encoded as a query value that decodes back to exactly it. */
    static String rawQueryValue(WorkspacePath path) {
        StringBuilder raw = new StringBuilder();
        for (byte b : path.value().getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                raw.append((char) c);
            } else {
                raw.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            }
        }
        return raw.toString();
    }
}
