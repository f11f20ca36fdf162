package com.arkloop.projects.domain.workspace;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A path inside a workspace, in canonical form: {@code /} for the root, else {@code /} followed by
 * segments separated by single slashes, without a trailing slash. Every segment is 1–255 UTF-8
 * bytes, is not {@code .} or {@code ..}, and holds no backslash and no control character (C0, DEL,
 * C1); the whole path is at most 4096 bytes. Paths are compared byte for byte: no case folding and
 * no Unicode normalisation, so {@code é} (NFC) and {@code e\u0301} (NFD) are different names.
 *
 * <p>Because only such values can exist, a path can never name anything outside its workspace, and
 * adapters never re-check it.
 */
public record WorkspacePath(String value) {

    public static final int MAX_PATH_BYTES = 4096;
    public static final int MAX_SEGMENT_BYTES = 255;
    public static final WorkspacePath ROOT = new WorkspacePath("/");

    // Percent-encoding triples each byte; anything longer cannot decode to an acceptable path.
    private static final int MAX_RAW_QUERY_CHARS = 3 * (MAX_PATH_BYTES + 2);

    public WorkspacePath {
        Objects.requireNonNull(value, "value");
        checkCanonical(value);
    }

    /**
     * The path of an entry (file, directory or symlink) from user input that was percent-decoded
     * exactly once: one leading slash is optional, the root and a trailing slash are refused.
     *
     * @throws DomainException {@code workspace_files.invalid_path}
     */
    public static WorkspacePath parseFile(String decoded) {
        if (decoded == null || decoded.isEmpty() || decoded.equals("/")) {
            throw invalid("must name a file, not the root");
        }
        if (decoded.endsWith("/")) {
            throw invalid("a file path must not end with /");
        }
        return new WorkspacePath(decoded.startsWith("/") ? decoded : "/" + decoded);
    }

    /**
     * The path of a directory from user input that was percent-decoded exactly once: missing, empty
     * or {@code /} is the root; one leading and one trailing slash are optional.
     *
     * @throws DomainException {@code workspace_files.invalid_path}
     */
    public static WorkspacePath parseDirectory(String decoded) {
        if (decoded == null || decoded.isEmpty() || decoded.equals("/")) {
            return ROOT;
        }
        String inner = decoded.startsWith("/") ? decoded.substring(1) : decoded;
        inner = inner.endsWith("/") ? inner.substring(0, inner.length() - 1) : inner;
        if (inner.isEmpty()) {
            throw invalid("must not contain empty segments");
        }
        return new WorkspacePath("/" + inner);
    }

    /** {@link #parseFile} of a raw (still percent-encoded) query value; null when the parameter is absent. */
    public static WorkspacePath fileFromQuery(String raw) {
        return parseFile(raw == null ? null : decodeQueryValue(raw));
    }

    /** {@link #parseDirectory} of a raw (still percent-encoded) query value; null when the parameter is absent. */
    public static WorkspacePath directoryFromQuery(String raw) {
        return parseDirectory(raw == null ? null : decodeQueryValue(raw));
    }

    /**
     * {@link #fileFromQuery} of every raw value of the {@code path} query parameter, in the order sent:
     * none means the parameter is absent (the root, so refused); more than one is refused, since a
     * repeated parameter has no single meaning.
     *
     * @throws DomainException {@code workspace_files.invalid_path}
     */
    public static WorkspacePath fileFromQueryValues(List<String> rawValues) {
        return fileFromQuery(singleQueryValue(rawValues));
    }

    /**
     * {@link #directoryFromQuery} of every raw value of the {@code path} query parameter, in the order
     * sent: none means the root; more than one is refused.
     *
     * @throws DomainException {@code workspace_files.invalid_path}
     */
    public static WorkspacePath directoryFromQueryValues(List<String> rawValues) {
        return directoryFromQuery(singleQueryValue(rawValues));
    }

    private static String singleQueryValue(List<String> rawValues) {
        if (rawValues.size() > 1) {
            throw invalid("must be given at most once");
        }
        return rawValues.isEmpty() ? null : Objects.requireNonNull(rawValues.getFirst(), "raw value");
    }

    /**
     * Decodes a raw query-string value exactly once, strictly: every {@code %} must be followed by two
     * hex digits, and the resulting bytes must be well-formed UTF-8 (overlong forms such as
     * {@code %c0%ae} and encoded surrogates are refused, never replaced). {@code +} means a space, as
     * in every query string ({@code application/x-www-form-urlencoded}); a literal plus is {@code %2B}.
     * Characters outside ASCII, if a server hands them over undecoded, stand for their UTF-8 bytes.
     *
     * @throws DomainException {@code workspace_files.invalid_path}
     */
    public static String decodeQueryValue(String raw) {
        if (raw.length() > MAX_RAW_QUERY_CHARS) {
            throw invalid("must be at most " + MAX_PATH_BYTES + " bytes");
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (low < 0 || raw.charAt(i + 1) > 0x7f || raw.charAt(i + 2) > 0x7f) {
                    throw invalid("has a malformed percent-encoding");
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else if (c == '+') {
                bytes.put((byte) ' ');
            } else if (c < 0x80) {
                bytes.put((byte) c);
            } else {
                int codePoint = raw.codePointAt(i);
                if (Character.getType(codePoint) == Character.SURROGATE) {
                    throw invalid("must be valid UTF-8");
                }
                bytes.put(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint) - 1;
            }
        }
        return Utf8.decodeStrictly(bytes.flip()).orElseThrow(() -> invalid("must be valid UTF-8"));
    }

    public boolean isRoot() {
        return value.length() == 1;
    }

    /** The last segment; empty for the root. */
    public String name() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    /** The directory holding this path; empty for the root. */
    public Optional<WorkspacePath> parent() {
        if (isRoot()) {
            return Optional.empty();
        }
        int slash = value.lastIndexOf('/');
        return Optional.of(slash == 0 ? ROOT : new WorkspacePath(value.substring(0, slash)));
    }

    /** The path of {@code name} inside this directory; the name must be a valid single segment. */
    public WorkspacePath child(String name) {
        if (name.indexOf('/') >= 0) {
            throw invalid("a name must not contain /");
        }
        return new WorkspacePath(isRoot() ? "/" + name : value + "/" + name);
    }

    @Override
    public String toString() {
        return value;
    }

    private static void checkCanonical(String value) {
        if (!value.startsWith("/")) {
            throw invalid("must start with /");
        }
        if (value.length() == 1) {
            return;
        }
        if (value.length() > MAX_PATH_BYTES || Utf8.length(value) > MAX_PATH_BYTES) {
            throw invalid("must be at most " + MAX_PATH_BYTES + " bytes");
        }
        int start = 1;
        while (start <= value.length()) {
            int end = value.indexOf('/', start);
            end = end < 0 ? value.length() : end;
            checkSegment(value, start, end);
            start = end + 1;
        }
    }

    private static void checkSegment(String path, int start, int end) {
        if (start == end) {
            throw invalid("must not contain empty segments");
        }
        if (end - start <= 2 && path.startsWith(end - start == 1 ? "." : "..", start)) {
            throw invalid("must not contain . or .. segments");
        }
        for (int i = start; i < end; i++) {
            char c = path.charAt(i);
            if (c == '\\') {
                throw invalid("must not contain backslashes");
            }
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                throw invalid("must not contain control characters");
            }
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(path.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw invalid("must be valid UTF-8");
            }
        }
        if (Utf8.length(path.subSequence(start, end)) > MAX_SEGMENT_BYTES) {
            throw invalid("a segment must be at most " + MAX_SEGMENT_BYTES + " bytes");
        }
    }

    private static DomainException invalid(String problem) {
        return new DomainException(ErrorCode.WORKSPACE_INVALID_PATH, "invalid workspace path", Map.of("path", problem));
    }
}
