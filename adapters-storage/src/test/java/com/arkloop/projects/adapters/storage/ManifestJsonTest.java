package com.arkloop.projects.adapters.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.arkloop.projects.domain.workspace.Manifest;
import com.arkloop.projects.domain.workspace.ManifestEntry;
import com.arkloop.projects.domain.workspace.Sha256;
import com.arkloop.projects.domain.workspace.WorkspacePath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestJsonTest {

    private static final String SHA = Sha256.of(new byte[0]).hex();
    private static final String ENTRY = "{\"path\":\"/a\",\"type\":\"file\",\"size\":0,\"sha256\":\"" + SHA
            + "\",\"mtime_unix_ms\":5,\"mode\":420,\"target\":null}";

    private static Manifest read(String json) throws IOException {
        return ManifestJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writes_every_field_of_every_entry() throws IOException {
        Manifest manifest = new Manifest(List.of(ManifestEntry.file(WorkspacePath.parseFile("/a"), 0, Sha256.of(new byte[0]), 5, 0644)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ManifestJson.write(manifest, out);
        assertEquals("{\"version\":1,\"entries\":[\n" + ENTRY + "]}\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void reads_escapes_and_whitespace() throws IOException {
        Manifest manifest = read(" { \"entries\" : [ " + ENTRY.replace("/a", "/d\\/\\u00e9\\\"") + " ] , \"version\" : 1 } \n");
        assertEquals("/d/\u00e9\"", manifest.entries().getFirst().path().value());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "{", "[]", "null", "{\"version\":1}", "{\"version\":2,\"entries\":[]}",
            "{\"version\":1,\"entries\":[]} x", "{\"version\":1,\"entries\":[],\"extra\":0}",
            "{\"version\":1,\"version\":1,\"entries\":[]}", "{\"version\":1.0,\"entries\":[]}",
            "{\"version\":01,\"entries\":[]}", "{\"version\":1,\"entries\":[[[[[[]]]]]]}",
            "{\"version\":1,\"entries\":[{}]}",
            "{\"version\":1,\"entries\":[" + "ENTRY" + "," + "ENTRY" + "]}",
            "{\"version\":1,\"entries\":[" + "ENTRY_UNKNOWN_FIELD" + "]}",
            "{\"version\":1,\"entries\":[" + "ENTRY_DOT_DOT" + "]}",
            "{\"version\":1,\"entries\":[" + "ENTRY_BIG" + "]}",
            "{\"version\":1,\"entries\":[" + "ENTRY_RAW_NEWLINE" + "]}",
            "{\"version\":1,\"entries\":[" + "ENTRY_BAD_SHA" + "]}",
            "{\"version\":1,\"entries\":[" + "ENTRY_DIR_WITH_SHA" + "]}"})
    void rejects_anything_but_a_well_formed_manifest(String template) {
        String json = template
                .replace("ENTRY_UNKNOWN_FIELD", ENTRY.replace("\"mode\"", "\"x\":1,\"mode\""))
                .replace("ENTRY_DOT_DOT", ENTRY.replace("/a", "/../a"))
                .replace("ENTRY_BIG", ENTRY.replace("\"size\":0", "\"size\":99999999999999999999"))
                .replace("ENTRY_RAW_NEWLINE", ENTRY.replace("/a", "/a\nb"))
                .replace("ENTRY_BAD_SHA", ENTRY.replace(SHA, SHA.toUpperCase()))
                .replace("ENTRY_DIR_WITH_SHA", ENTRY.replace("\"file\"", "\"dir\""))
                .replace("ENTRY", ENTRY);
        assertThrows(IOException.class, () -> read(json));
    }

    @Test
    void rejects_invalid_utf8() {
        byte[] bytes = ("{\"version\":1,\"entries\":[" + ENTRY.replace("/a", "/\u00ff") + "]}").getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(IOException.class, () -> ManifestJson.read(new ByteArrayInputStream(bytes)));
    }
}
