package com.arkloop.projects.application.workspace;

import java.util.Iterator;
import java.util.Optional;

/**
 * The entries of an archive, read one after the other as they stream in (a tar parser in the HTTP
 * adapter, a directory walk in the import command). Asking for the next entry ends the previous
 * one: its content must have been read by then, or is skipped.
 *
 * <p>A source that cannot be read throws {@link java.io.UncheckedIOException}; one whose format is
 * broken may throw {@code workspaces.invalid_archive} itself.
 */
@FunctionalInterface
public interface ArchiveEntries {

    /** The next entry; empty after the last. */
    Optional<ArchiveEntry> next();

    /** The entries of a list, for tests and small embedders. */
    static ArchiveEntries of(Iterable<ArchiveEntry> entries) {
        Iterator<ArchiveEntry> iterator = entries.iterator();
        return () -> iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }
}
