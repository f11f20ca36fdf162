package com.arkloop.projects.domain.workspace;

import static com.arkloop.projects.domain.workspace.ManifestTest.dir;
import static com.arkloop.projects.domain.workspace.ManifestTest.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectoryIndexTest {

    private final DirectoryIndex index = DirectoryIndex.of(new Manifest(List.of(
            file("/src/main.go"), file("/src/b.txt"), dir("/src/lib"), file("/src/lib/x.c"),
            file("/src/deep/er/y.py"), file("/src/Z"), file("/src/data.bin"),
            ManifestEntry.symlink(WorkspacePath.parseFile("/src/link"), "main.go", 5, 0777),
            file("/README.md"))));

    @Test
    void lists_directories_first_then_files_each_in_byte_order() {
        assertEquals(List.of("deep", "lib", "Z", "b.txt", "data.bin", "link", "main.go"), names("/src"));
    }

    @Test
    void orders_names_by_utf8_bytes_not_utf16_units() {
        DirectoryIndex unicode = DirectoryIndex.of(new Manifest(List.of(file("/\uD83D\uDE00"), file("/\uFFFD"), file("/z"))));
        assertEquals(List.of("z", "\uFFFD", "\uD83D\uDE00"), names(unicode, "/"));
    }

    @Test
    void synthesises_directories_implied_by_deeper_entries() {
        assertEquals(List.of("src", "README.md"), names("/"));
        assertEquals(List.of("er"), names("/src/deep"));
        DirectoryItem implied = list("/src").getFirst();
        assertEquals(new DirectoryItem(WorkspacePath.parseFile("/src/deep"), EntryType.DIRECTORY, OptionalLong.empty(),
                OptionalLong.empty(), Optional.empty()), implied);
    }

    @Test
    void keeps_the_mtime_of_an_explicit_directory_but_never_a_size() {
        DirectoryItem lib = list("/src").get(1);
        assertEquals("lib", lib.name());
        assertEquals(OptionalLong.of(1_700_000_000_000L), lib.mtimeUnixMs());
        assertEquals(OptionalLong.empty(), lib.size());
    }

    @Test
    void describes_files_with_size_mtime_and_the_table_mime_type() {
        DirectoryItem main = list("/src").getLast();
        assertEquals(new DirectoryItem(WorkspacePath.parseFile("/src/main.go"), EntryType.FILE, OptionalLong.of(1),
                OptionalLong.of(1_710_000_000_000L), Optional.of("text/plain; charset=utf-8")), main);
    }

    @Test
    void gives_no_mime_type_to_an_unknown_extension_in_listings() {
        assertEquals(Optional.empty(), list("/src").get(4).mimeType());
        assertEquals("data.bin", list("/src").get(4).name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope", "/src/main.go", "/src/link", "/src/lib/x.c/deeper"})
    void lists_a_missing_path_or_a_file_as_empty(String path) {
        DirectoryPage page = index.list(WorkspacePath.parseDirectory(path), Optional.empty(), DirectoryIndex.DEFAULT_LIMIT);
        assertEquals(new DirectoryPage(List.of(), Optional.empty()), page);
    }

    @Test
    void lists_an_empty_manifest_as_empty() {
        assertEquals(List.of(), names(DirectoryIndex.of(Manifest.EMPTY), "/"));
    }

    @Test
    void pages_through_a_large_directory_without_gaps_or_repeats() {
        List<ManifestEntry> entries = new ArrayList<>();
        IntStream.range(0, 25).forEach(i -> entries.add(file("/big/f" + i)));
        IntStream.range(0, 7).forEach(i -> entries.add(file("/big/d" + i + "/x")));
        DirectoryIndex big = DirectoryIndex.of(new Manifest(entries));
        List<String> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            DirectoryPage page = big.list(WorkspacePath.parseDirectory("/big"), cursor, 10);
            page.items().forEach(item -> seen.add(item.name()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent());
        assertEquals(4, pages);
        assertEquals(names(big, "/big"), seen);
        assertEquals(32, seen.size());
    }

    @Test
    void has_no_next_cursor_when_the_page_ends_exactly_at_the_last_item() {
        assertEquals(Optional.empty(), index.list(WorkspacePath.ROOT, Optional.empty(), 2).nextCursor());
        assertTrue(index.list(WorkspacePath.ROOT, Optional.empty(), 1).nextCursor().isPresent());
    }

    @Test
    void continues_after_the_cursor_even_when_that_item_is_gone() {
        String afterB = Base64.getUrlEncoder().withoutPadding().encodeToString("fb".getBytes(StandardCharsets.UTF_8));
        List<String> rest = index.list(WorkspacePath.parseDirectory("/src"), Optional.of(afterB), 100)
                .items().stream().map(DirectoryItem::name).toList();
        assertEquals(List.of("b.txt", "data.bin", "link", "main.go"), rest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "eA", "eGFiYw", "ZA", "ZC4u", "Zi4u", "ZGEvYg", "wq4", "/w", "ZsCu"})
    void rejects_a_cursor_it_did_not_make(String cursor) {
        DomainException error = assertThrows(DomainException.class,
                () -> index.list(WorkspacePath.ROOT, Optional.of(cursor), 10));
        assertEquals(ErrorCode.INVALID_PARAMETER, error.errorCode());
        assertEquals(Map.of("cursor", "is not a valid cursor"), error.details());
    }

    @Test
    void rejects_an_overlong_cursor() {
        assertThrows(DomainException.class, () -> index.list(WorkspacePath.ROOT, Optional.of("Zm".repeat(400)), 10));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 10_001})
    void rejects_a_limit_outside_1_to_10000(int limit) {
        DomainException error = assertThrows(DomainException.class,
                () -> index.list(WorkspacePath.ROOT, Optional.empty(), limit));
        assertEquals(ErrorCode.INVALID_PARAMETER, error.errorCode());
        assertTrue(error.details().containsKey("limit"));
    }

    @Test
    void looks_up_files_but_not_directories_or_symlinks() {
        assertEquals("/src/main.go", index.lookupFile(WorkspacePath.parseFile("/src/main.go")).orElseThrow().path().value());
        assertEquals(Optional.empty(), index.lookupFile(WorkspacePath.parseFile("/src/lib")));
        assertEquals(Optional.empty(), index.lookupFile(WorkspacePath.parseFile("/src/deep")));
        assertEquals(Optional.empty(), index.lookupFile(WorkspacePath.parseFile("/src/link")));
        assertEquals(Optional.empty(), index.lookupFile(WorkspacePath.parseFile("/src/missing")));
    }

    @Test
    void lists_any_directory_of_a_100000_entry_manifest() {
        List<ManifestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            entries.add(file("/d" + (i % 100) + "/f" + i));
        }
        DirectoryIndex big = DirectoryIndex.of(new Manifest(entries));
        assertEquals(100_000, big.entryCount());
        assertEquals(100, big.list(WorkspacePath.ROOT, Optional.empty(), DirectoryIndex.DEFAULT_LIMIT).items().size());
        assertEquals(1000, big.list(WorkspacePath.parseDirectory("/d7"), Optional.empty(), 10_000).items().size());
    }

    private List<DirectoryItem> list(String directory) {
        return index.list(WorkspacePath.parseDirectory(directory), Optional.empty(), DirectoryIndex.MAX_LIMIT).items();
    }

    private List<String> names(String directory) {
        return names(index, directory);
    }

    private static List<String> names(DirectoryIndex index, String directory) {
        return index.list(WorkspacePath.parseDirectory(directory), Optional.empty(), DirectoryIndex.MAX_LIMIT)
                .items().stream().map(DirectoryItem::name).toList();
    }
}
