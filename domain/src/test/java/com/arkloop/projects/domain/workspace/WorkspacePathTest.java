package com.arkloop.projects.domain.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspacePathTest {

    /** Raw query value as sent on the wire, and the canonical path both endpoints must see. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            src/main.go                    | /src/main.go
            /src/main.go                   | /src/main.go
            %2Fsrc%2Fmain.go               | /src/main.go
            %252e%252e                     | /%2e%2e
            %252e%252e%252fx               | /%2e%2e%2fx
            C:/x                           | /C:/x
            C%3A/x                         | /C:/x
            a+b                            | /a b
            a%2Bb                          | /a+b
            a%20b                          | /a b
            %E2%80%A4%E2%80%A4             | /\u2024\u2024
            %EF%BC%8E%EF%BC%8E             | /\uFF0E\uFF0E
            a%E2%88%95b                    | /a\u2215b
            a%EF%BC%8Fb                    | /a\uFF0Fb
            a%E2%81%84b                    | /a\u2044b
            %C2%A0                         | /\u00A0
            caf%C3%A9                      | /caf\u00E9
            cafe%CC%81                     | /cafe\u0301
            %F0%9F%98%80                   | /\uD83D\uDE00
            ...                            | /...
            .hidden/..x/x..                | /.hidden/..x/x..
            Main.GO                        | /Main.GO
            """)
    void accepts_literal_names_byte_for_byte(String raw, String canonical) {
        assertEquals(canonical, WorkspacePath.fileFromQuery(raw).value());
        assertEquals(canonical, WorkspacePath.directoryFromQuery(raw).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "..", "%2e%2e", "%2E%2E", "..%2f", "..%2Fx", "../x", "a/../b", "a/..", ".", "./a", "a/./b", "a/.",
            "%2e", "a%2f%2e%2e%2fb",
            "a//b", "//a", "%2F%2Fa", "a%2F%2Fb",
            "%c0%ae", "%c0%ae%c0%ae", "%C0%AE%C0%AE%2Fx", "%e0%80%ae", "%ed%a0%80", "%f4%90%80%80", "%ff", "%fe%ff",
            "%e2%82", "a%80b", "%C3",
            "a%5Cb", "a\\b", "%5C%5Cserver%5Cshare", "\\\\server\\share", "..%5C..%5Cetc",
            "%00", "a%00b", "a%00.txt", "%01", "%1F", "a%0Ab", "a%0Db", "%09", "%7F", "%C2%80", "%C2%9F", "%C2%85",
            "%", "%2", "%zz", "%2g", "a%", "%%32%65",
            "\uD800", "a\uDC00"})
    void rejects_hostile_paths_on_both_endpoints(String raw) {
        assertInvalid(() -> WorkspacePath.fileFromQuery(raw));
        assertInvalid(() -> WorkspacePath.directoryFromQuery(raw));
    }

    @Test
    void rejects_dot_dot_segments() {
        assertInvalid(() -> WorkspacePath.parseFile("/a/../../etc/passwd"));
        assertInvalid(() -> new WorkspacePath("/a/.."));
    }

    @Test
    void decodes_percent_encoding_exactly_once() {
        assertEquals("%2e%2e", WorkspacePath.decodeQueryValue("%252e%252e"));
    }

    @Test
    void treats_plus_as_a_space_and_percent_2b_as_a_plus() {
        assertEquals("a b", WorkspacePath.decodeQueryValue("a+b"));
        assertEquals("a+b", WorkspacePath.decodeQueryValue("a%2Bb"));
    }

    @Test
    void reads_undecoded_non_ascii_characters_as_their_utf8_bytes() {
        assertEquals("/caf\u00E9/\uD83D\uDE00", WorkspacePath.fileFromQuery("caf\u00E9/\uD83D\uDE00").value());
    }

    @Test
    void keeps_nfc_and_nfd_spellings_apart() {
        assertNotEquals(WorkspacePath.fileFromQuery("caf%C3%A9"), WorkspacePath.fileFromQuery("cafe%CC%81"));
    }

    @Test
    void does_not_fold_case() {
        assertNotEquals(WorkspacePath.parseFile("README.md"), WorkspacePath.parseFile("readme.md"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/"})
    void refuses_the_root_as_a_file(String decoded) {
        assertInvalid(() -> WorkspacePath.parseFile(decoded));
        assertInvalid(() -> WorkspacePath.fileFromQuery(decoded));
    }

    @Test
    void refuses_a_missing_file_path() {
        assertInvalid(() -> WorkspacePath.fileFromQuery(null));
    }

    @Test
    void takes_a_missing_empty_or_slash_directory_as_the_root() {
        assertEquals(WorkspacePath.ROOT, WorkspacePath.directoryFromQuery(null));
        assertEquals(WorkspacePath.ROOT, WorkspacePath.directoryFromQuery(""));
        assertEquals(WorkspacePath.ROOT, WorkspacePath.directoryFromQuery("/"));
        assertEquals(WorkspacePath.ROOT, WorkspacePath.directoryFromQuery("%2F"));
    }

    @Test
    void allows_one_trailing_slash_on_directories_only() {
        assertEquals("/src", WorkspacePath.parseDirectory("src/").value());
        assertEquals("/src", WorkspacePath.parseDirectory("/src/").value());
        assertInvalid(() -> WorkspacePath.parseDirectory("/src//"));
        assertInvalid(() -> WorkspacePath.parseDirectory("//"));
        assertInvalid(() -> WorkspacePath.parseDirectory("///"));
        assertInvalid(() -> WorkspacePath.parseFile("src/main.go/"));
    }

    @Test
    void allows_4096_bytes_but_not_4097() {
        String longest = "/" + "a/".repeat(2047) + "b";
        assertEquals(4096, longest.length());
        assertEquals(longest, WorkspacePath.parseFile(longest).value());
        assertInvalid(() -> WorkspacePath.parseFile(longest + "c"));
        assertInvalid(() -> WorkspacePath.parseFile("x".repeat(4096)));
        assertInvalid(() -> WorkspacePath.fileFromQuery("%41".repeat(5000)));
    }

    @Test
    void counts_the_length_in_utf8_bytes() {
        String twoByteChars = "/" + "\u00E9".repeat(127) + "/" + "\u00E9".repeat(127);
        assertEquals(twoByteChars, WorkspacePath.parseFile(twoByteChars).value());
        assertInvalid(() -> WorkspacePath.parseFile("/" + "\u00E9".repeat(128)));
        assertInvalid(() -> WorkspacePath.parseFile("/" + "\uD83D\uDE00".repeat(64)));
    }

    @Test
    void allows_255_byte_segments_but_not_256() {
        assertEquals(256, WorkspacePath.parseFile("a".repeat(255)).value().length());
        assertInvalid(() -> WorkspacePath.parseFile("a".repeat(256)));
        assertInvalid(() -> WorkspacePath.parseFile("/ok/" + "a".repeat(256) + "/ok"));
    }

    @Test
    void names_its_parent_and_last_segment() {
        WorkspacePath path = WorkspacePath.parseFile("/src/lib/a.go");
        assertEquals("a.go", path.name());
        assertEquals(Optional.of(WorkspacePath.parseDirectory("/src/lib")), path.parent());
        assertEquals(Optional.of(WorkspacePath.ROOT), WorkspacePath.parseFile("/a").parent());
        assertEquals(Optional.empty(), WorkspacePath.ROOT.parent());
        assertTrue(WorkspacePath.ROOT.isRoot());
        assertEquals("/src/b", WorkspacePath.parseDirectory("src").child("b").value());
        assertInvalid(() -> WorkspacePath.ROOT.child("a/b"));
        assertInvalid(() -> WorkspacePath.ROOT.child(".."));
    }

    @Test
    void takes_a_missing_path_parameter_as_the_root_of_a_listing_but_not_as_a_file() {
        assertEquals(WorkspacePath.ROOT, WorkspacePath.directoryFromQueryValues(List.of()));
        assertInvalid(() -> WorkspacePath.fileFromQueryValues(List.of()));
    }

    @Test
    void parses_a_single_path_parameter_like_the_raw_value_alone() {
        assertEquals("/src", WorkspacePath.directoryFromQueryValues(List.of("src%2F")).value());
        assertEquals("/src/main.go", WorkspacePath.fileFromQueryValues(List.of("%2Fsrc/main.go")).value());
        assertInvalid(() -> WorkspacePath.fileFromQueryValues(List.of("..%2Fetc")));
        assertInvalid(() -> WorkspacePath.directoryFromQueryValues(List.of("a//b")));
    }

    @Test
    void refuses_a_repeated_path_parameter_even_when_the_values_agree() {
        assertInvalid(() -> WorkspacePath.directoryFromQueryValues(List.of("/src", "/src")));
        assertInvalid(() -> WorkspacePath.fileFromQueryValues(List.of("a.txt", "b.txt")));
        assertInvalid(() -> WorkspacePath.directoryFromQueryValues(List.of("", "")));
    }

    private static void assertInvalid(Executable parse) {
        DomainException error = assertThrows(DomainException.class, parse);
        assertEquals(ErrorCode.WORKSPACE_INVALID_PATH, error.errorCode());
    }
}
