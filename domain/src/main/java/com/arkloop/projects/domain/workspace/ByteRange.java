package com.arkloop.projects.domain.workspace;

/** {@code length} bytes starting at {@code offset} (zero-based), as one HTTP {@code Range} asks for. */
public record ByteRange(long offset, long length) {

    public ByteRange {
        if (offset < 0 || length < 1) {
            throw new IllegalArgumentException("a byte range has a non-negative offset and at least one byte");
        }
    }

    /** Bytes {@code first} to {@code last}, both included (the HTTP form). */
    public static ByteRange inclusive(long first, long last) {
        return new ByteRange(first, Math.addExact(Math.subtractExact(last, first), 1));
    }
}
