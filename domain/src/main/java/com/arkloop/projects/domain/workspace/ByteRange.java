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

    /**
     * This range within content of {@code totalSize} bytes, cut short at its end.
     *
     * @throws com.arkloop.projects.domain.DomainException {@code workspace_files.range_not_satisfiable}
     *         when the range starts at or past the end
     */
    public ByteRange within(long totalSize) {
        if (offset >= totalSize) {
            throw WorkspaceErrors.rangeNotSatisfiable(totalSize);
        }
        return new ByteRange(offset, Math.min(length, totalSize - offset));
    }
}
