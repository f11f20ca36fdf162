package com.arkloop.projects.domain.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentTypesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            main.go      | text/plain; charset=utf-8
            Main.java    | text/plain; charset=utf-8
            app.py       | text/plain; charset=utf-8
            lib.rs       | text/plain; charset=utf-8
            x.c          | text/plain; charset=utf-8
            x.h          | text/plain; charset=utf-8
            run.sh       | text/plain; charset=utf-8
            notes.txt    | text/plain; charset=utf-8
            server.log   | text/plain; charset=utf-8
            schema.sql   | text/plain; charset=utf-8
            index.ts     | text/plain; charset=utf-8
            Makefile     | text/plain; charset=utf-8
            .gitignore   | text/plain; charset=utf-8
            README.md    | text/markdown; charset=utf-8
            index.html   | text/html; charset=utf-8
            index.htm    | text/html; charset=utf-8
            site.css     | text/css; charset=utf-8
            app.js       | text/javascript; charset=utf-8
            app.mjs      | text/javascript; charset=utf-8
            data.csv     | text/csv; charset=utf-8
            data.json    | application/json
            pom.xml      | application/xml
            ci.yaml      | application/yaml
            ci.yml       | application/yaml
            logo.svg     | image/svg+xml
            logo.png     | image/png
            photo.jpg    | image/jpeg
            photo.jpeg   | image/jpeg
            anim.gif     | image/gif
            pic.webp     | image/webp
            doc.pdf      | application/pdf
            a.zip        | application/zip
            a.tar.gz     | application/gzip
            a.tar        | application/x-tar
            LOGO.PNG     | image/png
            Notes.TXT    | text/plain; charset=utf-8
            """)
    void maps_known_extensions_case_insensitively(String name, String type) {
        assertEquals(Optional.of(type), ContentTypes.byName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"data.bin", "noextension", "trailingdot.", ".hidden", "archive.tar.unknown"})
    void knows_no_type_for_other_names(String name) {
        assertEquals(Optional.empty(), ContentTypes.byName(name));
    }

    @Test
    void sniffs_utf8_text_as_text() {
        byte[] text = "hello, w\u00F6rld \uD83D\uDE00\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(ContentTypes.TEXT, ContentTypes.sniff(text, text.length, false));
    }

    @Test
    void sniffs_an_empty_file_as_text() {
        assertEquals(ContentTypes.TEXT, ContentTypes.sniff(new byte[0], 0, false));
    }

    @Test
    void sniffs_a_nul_byte_as_binary() {
        byte[] bytes = "abc\0def".getBytes(StandardCharsets.UTF_8);
        assertEquals(ContentTypes.BINARY, ContentTypes.sniff(bytes, bytes.length, false));
    }

    @Test
    void sniffs_invalid_utf8_as_binary() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        assertEquals(ContentTypes.BINARY, ContentTypes.sniff(png, png.length, true));
        byte[] overlong = {'a', (byte) 0xC0, (byte) 0xAE, 'b'};
        assertEquals(ContentTypes.BINARY, ContentTypes.sniff(overlong, overlong.length, false));
    }

    @Test
    void forgives_a_multibyte_sequence_cut_at_the_end_of_the_sample_only_when_the_file_goes_on() {
        byte[] text = ("a".repeat(510) + "\uD83D\uDE00").getBytes(StandardCharsets.UTF_8);
        for (int cut = 511; cut <= 513; cut++) {
            assertEquals(ContentTypes.TEXT, ContentTypes.sniff(text, cut, true), "cut at " + cut);
            assertEquals(ContentTypes.BINARY, ContentTypes.sniff(Arrays.copyOf(text, cut), cut, false), "end at " + cut);
        }
    }

    @Test
    void looks_only_at_the_given_length() {
        byte[] buffer = "text\0\0\0".getBytes(StandardCharsets.UTF_8);
        assertEquals(ContentTypes.TEXT, ContentTypes.sniff(buffer, 4, false));
    }

    @Test
    void prefers_the_table_over_sniffing() {
        byte[] text = "plain".getBytes(StandardCharsets.UTF_8);
        assertEquals("image/png", ContentTypes.of("fake.png", text, text.length, false));
        assertEquals(ContentTypes.TEXT, ContentTypes.of("unknown.bin", text, text.length, false));
        byte[] binary = {0, 1, 2};
        assertEquals(ContentTypes.BINARY, ContentTypes.of("unknown", binary, binary.length, false));
    }
}
