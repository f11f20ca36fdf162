package com.arkloop.projects.domain.workspace;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The MIME type of a workspace file: from the extension table when the name has a known extension
 * (case-insensitive: {@code .PNG} is a PNG), else sniffed from the first bytes: well-formed UTF-8
 * without NUL is {@code text/plain; charset=utf-8}, anything else {@code application/octet-stream}.
 * Listings use the table only, and report no type for an unknown extension rather than guessing
 * one the file endpoint might contradict after sniffing.
 */
public final class ContentTypes {

    public static final String TEXT = "text/plain; charset=utf-8";
    public static final String BINARY = "application/octet-stream";
    /** How many leading bytes {@link #sniff} needs to look at. */
    public static final int SNIFF_BYTES = 512;

    private static final Map<String, String> BY_EXTENSION = new HashMap<>();
    private static final Map<String, String> BY_NAME = Map.of(
            "makefile", TEXT, "dockerfile", TEXT, "containerfile", TEXT, "license", TEXT, "readme", TEXT,
            ".gitignore", TEXT, ".gitattributes", TEXT, ".dockerignore", TEXT, ".editorconfig", TEXT, ".env", TEXT);

    static {
        for (String extension : ("go java py pyi rs c h cc cpp cxx hpp hh cs kt kts scala groovy gradle rb php pl pm"
                + " lua r swift m mm dart ex exs erl hs ml clj elm zig nim jl sh bash zsh fish ps1 bat cmd"
                + " ts tsx jsx vue svelte txt text log sql ini cfg conf toml properties env lock proto graphql gql"
                + " tf hcl diff patch rst adoc tex csproj sln mk cmake").split(" ")) {
            BY_EXTENSION.put(extension, TEXT);
        }
        BY_EXTENSION.putAll(Map.ofEntries(
                Map.entry("md", "text/markdown; charset=utf-8"),
                Map.entry("markdown", "text/markdown; charset=utf-8"),
                Map.entry("html", "text/html; charset=utf-8"),
                Map.entry("htm", "text/html; charset=utf-8"),
                Map.entry("css", "text/css; charset=utf-8"),
                Map.entry("js", "text/javascript; charset=utf-8"),
                Map.entry("mjs", "text/javascript; charset=utf-8"),
                Map.entry("cjs", "text/javascript; charset=utf-8"),
                Map.entry("csv", "text/csv; charset=utf-8"),
                Map.entry("tsv", "text/tab-separated-values; charset=utf-8"),
                Map.entry("json", "application/json"),
                Map.entry("xml", "application/xml"),
                Map.entry("yaml", "application/yaml"),
                Map.entry("yml", "application/yaml"),
                Map.entry("svg", "image/svg+xml"),
                Map.entry("png", "image/png"),
                Map.entry("jpg", "image/jpeg"),
                Map.entry("jpeg", "image/jpeg"),
                Map.entry("gif", "image/gif"),
                Map.entry("webp", "image/webp"),
                Map.entry("ico", "image/vnd.microsoft.icon"),
                Map.entry("bmp", "image/bmp"),
                Map.entry("avif", "image/avif"),
                Map.entry("pdf", "application/pdf"),
                Map.entry("zip", "application/zip"),
                Map.entry("gz", "application/gzip"),
                Map.entry("tgz", "application/gzip"),
                Map.entry("tar", "application/x-tar"),
                Map.entry("bz2", "application/x-bzip2"),
                Map.entry("xz", "application/x-xz"),
                Map.entry("wasm", "application/wasm"),
                Map.entry("woff", "font/woff"),
                Map.entry("woff2", "font/woff2"),
                Map.entry("mp3", "audio/mpeg"),
                Map.entry("mp4", "video/mp4")));
    }

    private ContentTypes() {
    }

    /** The type the extension table gives the file name (a final path segment), if any. */
    public static Optional<String> byName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        String byName = BY_NAME.get(lower);
        if (byName != null) {
            return Optional.of(byName);
        }
        int dot = lower.lastIndexOf('.');
        return dot > 0 ? Optional.ofNullable(BY_EXTENSION.get(lower.substring(dot + 1))) : Optional.empty();
    }

    /**
     * Text or binary, from the first {@code length} bytes of a file. When {@code truncated} (the file
     * goes on), a UTF-8 sequence cut off at the end of the sample does not count against it.
     */
    public static String sniff(byte[] head, int length, boolean truncated) {
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                return BINARY;
            }
        }
        return Utf8.isWellFormed(ByteBuffer.wrap(head, 0, length), truncated) ? TEXT : BINARY;
    }

    /** The type of a file served whole or in part: the table first, the sniffed bytes otherwise. */
    public static String of(String fileName, byte[] head, int length, boolean truncated) {
        return byName(fileName).orElseGet(() -> sniff(head, length, truncated));
    }
}
