package com.arkloop.projects.bootstrap;

import com.arkloop.projects.application.workspace.ArchiveEntries;
import com.arkloop.projects.application.workspace.ArchiveEntry;
import com.arkloop.projects.application.workspace.ArchiveEntryType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A local directory as the entries of an archive, for the {@code import} command: walked without
 * following links, each file opened only when its entry is reached. Symbolic links are passed on as
 * they are, so the publish use case refuses those that point outside the directory, exactly as it
 * does for an uploaded tar.
 */
final class DirectoryEntries implements ArchiveEntries, AutoCloseable {

    private final Path root;
    private final Stream<Path> walk;
    private final Iterator<Path> paths;
    private InputStream open;

    DirectoryEntries(Path root) {
        this.root = root;
        try {
            this.walk = Files.walk(root);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        this.paths = walk.iterator();
    }

    @Override
    public Optional<ArchiveEntry> next() {
        closeOpenFile();
        while (paths.hasNext()) {
            Path path = paths.next();
            if (!path.equals(root)) {
                return Optional.of(entry(path));
            }
        }
        return Optional.empty();
    }

    private ArchiveEntry entry(Path path) {
        String name = root.relativize(path).toString();
        try {
            PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            int mode = mode(attributes);
            long mtime = attributes.lastModifiedTime().toMillis();
            if (attributes.isSymbolicLink()) {
                return ArchiveEntry.symlink(name, Files.readSymbolicLink(path).toString(), mode, mtime);
            }
            if (attributes.isDirectory()) {
                return ArchiveEntry.directory(name, mode, mtime);
            }
            if (attributes.isRegularFile()) {
                open = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS);
                return ArchiveEntry.file(name, attributes.size(), mode, mtime, open);
            }
            return ArchiveEntry.special(name, ArchiveEntryType.OTHER, mode, mtime);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static int mode(PosixFileAttributes attributes) {
        int mode = 0;
        for (PosixFilePermission permission : attributes.permissions()) {
            // The enum runs OWNER_READ .. OTHERS_EXECUTE, i.e. from bit 8 down to bit 0.
            mode |= 1 << (8 - permission.ordinal());
        }
        return mode;
    }

    private void closeOpenFile() {
        if (open != null) {
            try {
                open.close();
            } catch (IOException ignored) {
                // a file we only read from
            }
            open = null;
        }
    }

    @Override
    public void close() {
        closeOpenFile();
        walk.close();
    }
}
