package com.arkloop.projects.domain.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestTest {

    static final Sha256 SHA = Sha256.of("x".getBytes(StandardCharsets.UTF_8));

    static ManifestEntry file(String path) {
        return ManifestEntry.file(WorkspacePath.parseFile(path), 1, SHA, 1_710_000_000_000L, 0644);
    }

    static ManifestEntry dir(String path) {
        return ManifestEntry.directory(WorkspacePath.parseFile(path), 1_700_000_000_000L, 0755);
    }

    @Test
    void sorts_entries_by_path_in_utf8_byte_order() {
        // U+FFFD sorts before U+1F600 by bytes (EF.. < F0..) though not by UTF-16 code units.
        Manifest manifest = new Manifest(List.of(file("/\uD83D\uDE00"), file("/b"), file("/\uFFFD"), file("/B"), file("/a/z")));
        assertEquals(List.of("/B", "/a/z", "/b", "/\uFFFD", "/\uD83D\uDE00"),
                manifest.entries().stream().map(entry -> entry.path().value()).toList());
    }

    @Test
    void rejects_duplicate_paths() {
        assertThrows(IllegalArgumentException.class, () -> new Manifest(List.of(file("/a"), dir("/a"))));
    }

    @Test
    void rejects_entries_below_a_file() {
        assertThrows(IllegalArgumentException.class, () -> new Manifest(List.of(file("/a"), file("/a/b/c"))));
    }

    @Test
    void rejects_entries_below_a_symlink() {
        ManifestEntry link = ManifestEntry.symlink(WorkspacePath.parseFile("/link"), "target", 0, 0777);
        assertThrows(IllegalArgumentException.class, () -> new Manifest(List.of(link, file("/link/x"))));
    }

    @Test
    void allows_entries_below_an_explicit_directory() {
        assertEquals(2, new Manifest(List.of(dir("/a"), file("/a/b"))).entries().size());
    }

    @Test
    void gives_a_file_a_digest_and_nothing_else_one() {
        WorkspacePath path = WorkspacePath.parseFile("/a");
        assertThrows(IllegalArgumentException.class,
                () -> new ManifestEntry(path, EntryType.FILE, 1, Optional.empty(), 0, 0644, Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new ManifestEntry(path, EntryType.DIRECTORY, 0, Optional.of(SHA), 0, 0755, Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new ManifestEntry(path, EntryType.DIRECTORY, 5, Optional.empty(), 0, 0755, Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new ManifestEntry(path, EntryType.SYMLINK, 1, Optional.empty(), 0, 0777, Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 010000})
    void rejects_modes_beyond_the_permission_bits(int mode) {
        assertThrows(IllegalArgumentException.class,
                () -> ManifestEntry.file(WorkspacePath.parseFile("/a"), 1, SHA, 0, mode));
    }

    @Test
    void rejects_negative_sizes() {
        assertThrows(IllegalArgumentException.class,
                () -> ManifestEntry.file(WorkspacePath.parseFile("/a"), -1, SHA, 0, 0644));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../x", "a/../../../x", "/etc/passwd", "", "a//b", "a\\b", "a\u0000b", "./../../x", "x/"})
    void rejects_symlink_targets_that_escape_or_are_malformed(String target) {
        assertThrows(IllegalArgumentException.class,
                () -> ManifestEntry.symlink(WorkspacePath.parseFile("/dir/link"), target, 0, 0777));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "../x", "./x", "../dir/../x", "sub/deeper/file"})
    void accepts_relative_symlink_targets_inside_the_workspace(String target) {
        ManifestEntry link = ManifestEntry.symlink(WorkspacePath.parseFile("/dir/link"), target, 0, 0777);
        assertEquals(Optional.of(target), link.symlinkTarget());
        assertEquals(target.length(), link.size());
    }
}
