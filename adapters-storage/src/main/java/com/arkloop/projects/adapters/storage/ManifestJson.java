package com.arkloop.projects.adapters.storage;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.workspace.EntryType;
import com.arkloop.projects.domain.workspace.Manifest;
import com.arkloop.projects.domain.workspace.ManifestEntry;
import com.arkloop.projects.domain.workspace.Sha256;
import com.arkloop.projects.domain.workspace.WorkspacePath;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stored form of a manifest, read and written with the JDK alone so that the domain and this
 * module need no JSON library:
 * <pre>{"version": 1, "entries": [{"path": "/src/main.go", "type": "file", "size": 14,
 *   "sha256": "…", "mtime_unix_ms": 1710000000000, "mode": 420, "target": null}, …]}</pre>
 * Every entry carries every field ({@code sha256} null except for files, {@code target} null except
 * for symlinks). The reader is strict: UTF-8 only, integers only, no unknown or repeated fields, no
 * trailing data; a manifest it cannot read is an {@link IOException}, i.e. a storage fault.
 */
final class ManifestJson {

    static final int VERSION = 1;
    private static final Set<String> TOP_FIELDS = Set.of("version", "entries");
    private static final Set<String> ENTRY_FIELDS = Set.of("path", "type", "size", "sha256", "mtime_unix_ms", "mode", "target");

    private ManifestJson() {
    }

    static void write(Manifest manifest, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        writer.write("{\"version\":" + VERSION + ",\"entries\":[");
        String separator = "";
        for (ManifestEntry entry : manifest.entries()) {
            writer.write(separator + "\n{\"path\":");
            writeString(writer, entry.path().value());
            writer.write(",\"type\":\"" + entry.type().wireName() + "\",\"size\":" + entry.size() + ",\"sha256\":");
            writer.write(entry.sha256().map(sha -> "\"" + sha.hex() + "\"").orElse("null"));
            writer.write(",\"mtime_unix_ms\":" + entry.mtimeUnixMs() + ",\"mode\":" + entry.mode() + ",\"target\":");
            if (entry.symlinkTarget().isPresent()) {
                writeString(writer, entry.symlinkTarget().get());
            } else {
                writer.write("null");
            }
            writer.write('}');
            separator = ",";
        }
        writer.write("]}\n");
        writer.flush();
    }

    private static void writeString(Writer writer, String text) throws IOException {
        writer.write('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                writer.write('\\');
                writer.write(c);
            } else if (c < 0x20) {
                writer.write(String.format("\\u%04x", (int) c));
            } else {
                writer.write(c);
            }
        }
        writer.write('"');
    }

    static Manifest read(InputStream in) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 65536);
        Parser parser = new Parser(reader);
        Object document = parser.value(0);
        parser.end();
        Map<String, Object> top = object(document, TOP_FIELDS);
        if (!Long.valueOf(VERSION).equals(top.get("version"))) {
            throw malformed("unsupported manifest version");
        }
        if (!(top.get("entries") instanceof List<?> items)) {
            throw malformed("entries must be an array");
        }
        List<ManifestEntry> entries = new ArrayList<>(items.size());
        for (Object item : items) {
            entries.add(entry(object(item, ENTRY_FIELDS)));
        }
        try {
            return new Manifest(entries);
        } catch (IllegalArgumentException inconsistent) {
            throw malformed("inconsistent entries", inconsistent);
        }
    }

    private static ManifestEntry entry(Map<String, Object> fields) throws IOException {
        try {
            EntryType type = EntryType.fromWireName(string(fields.get("type"))).orElseThrow(() -> malformed("bad type"));
            return new ManifestEntry(WorkspacePath.parseFile(string(fields.get("path"))), type,
                    number(fields.get("size")),
                    fields.get("sha256") == null ? Optional.empty()
                            : Optional.of(Sha256.parse(string(fields.get("sha256"))).orElseThrow(() -> malformed("bad sha256"))),
                    number(fields.get("mtime_unix_ms")),
                    Math.toIntExact(number(fields.get("mode"))),
                    Optional.ofNullable(fields.get("target") == null ? null : string(fields.get("target"))));
        } catch (IllegalArgumentException | ArithmeticException | DomainException invalid) {
            throw malformed("invalid entry", invalid);
        }
    }

    private static Map<String, Object> object(Object value, Set<String> fields) throws IOException {
        if (!(value instanceof Map<?, ?> map) || !map.keySet().equals(fields)) {
            throw malformed("expected an object with fields " + fields);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        return typed;
    }

    private static String string(Object value) throws IOException {
        if (value instanceof String text) {
            return text;
        }
        throw malformed("expected a string");
    }

    private static long number(Object value) throws IOException {
        if (value instanceof Long number) {
            return number;
        }
        throw malformed("expected an integer");
    }

    private static IOException malformed(String problem) {
        return new IOException("malformed manifest: " + problem);
    }

    private static IOException malformed(String problem, Exception cause) {
        return new IOException("malformed manifest: " + problem, cause);
    }

    /** Recursive descent over exactly the JSON a manifest can hold; depth-limited against hostile input. */
    private static final class Parser {

        private static final int MAX_DEPTH = 4;
        private final Reader reader;
        private int next;

        Parser(Reader reader) throws IOException {
            this.reader = reader;
            this.next = reader.read();
        }

        Object value(int depth) throws IOException {
            if (depth > MAX_DEPTH) {
                throw malformed("nested too deeply");
            }
            skipWhitespace();
            return switch (next) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 'n' -> literal("null", null);
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                default -> integer();
            };
        }

        void end() throws IOException {
            skipWhitespace();
            if (next != -1) {
                throw malformed("trailing data");
            }
        }

        private Map<String, Object> object(int depth) throws IOException {
            Map<String, Object> fields = new LinkedHashMap<>();
            advance();
            skipWhitespace();
            if (next == '}') {
                advance();
                return fields;
            }
            while (true) {
                skipWhitespace();
                if (next != '"') {
                    throw malformed("expected a field name");
                }
                String name = string();
                skipWhitespace();
                expect(':');
                if (fields.containsKey(name)) {
                    throw malformed("repeated field");
                }
                fields.put(name, value(depth + 1));
                skipWhitespace();
                if (next == '}') {
                    advance();
                    return fields;
                }
                expect(',');
            }
        }

        private List<Object> array(int depth) throws IOException {
            List<Object> items = new ArrayList<>();
            advance();
            skipWhitespace();
            if (next == ']') {
                advance();
                return items;
            }
            while (true) {
                items.add(value(depth + 1));
                skipWhitespace();
                if (next == ']') {
                    advance();
                    return items;
                }
                expect(',');
            }
        }

        private String string() throws IOException {
            StringBuilder text = new StringBuilder();
            advance();
            while (next != '"') {
                if (next == -1 || next < 0x20) {
                    throw malformed("unterminated string or raw control character");
                }
                if (next == '\\') {
                    advance();
                    text.append(switch (next) {
                        case '"' -> '"';
                        case '\\' -> '\\';
                        case '/' -> '/';
                        case 'b' -> '\b';
                        case 'f' -> '\f';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 't' -> '\t';
                        case 'u' -> unicodeEscape();
                        default -> throw malformed("bad escape");
                    });
                } else {
                    text.append((char) next);
                }
                advance();
            }
            advance();
            return text.toString();
        }

        // Leaves the last hex digit as the current character, like every other escape.
        private char unicodeEscape() throws IOException {
            int value = 0;
            for (int i = 0; i < 4; i++) {
                advance();
                int digit = Character.digit(next, 16);
                if (digit < 0 || next > 'f') {
                    throw malformed("bad \\u escape");
                }
                value = value << 4 | digit;
            }
            return (char) value;
        }

        private Long integer() throws IOException {
            StringBuilder digits = new StringBuilder();
            if (next == '-') {
                digits.append('-');
                advance();
            }
            while (next >= '0' && next <= '9' && digits.length() <= 20) {
                digits.append((char) next);
                advance();
            }
            String text = digits.toString();
            if (!text.matches("-?(0|[1-9][0-9]*)")) {
                throw malformed("expected a value");
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException overflow) {
                throw malformed("integer out of range");
            }
        }

        private Object literal(String word, Object value) throws IOException {
            for (int i = 0; i < word.length(); i++) {
                if (next != word.charAt(i)) {
                    throw malformed("expected " + word);
                }
                advance();
            }
            return value;
        }

        private void expect(char c) throws IOException {
            if (next != c) {
                throw malformed("expected '" + c + "'");
            }
            advance();
        }

        private void skipWhitespace() throws IOException {
            while (next == ' ' || next == '\n' || next == '\r' || next == '\t') {
                advance();
            }
        }

        private void advance() throws IOException {
            next = reader.read();
        }
    }
}
