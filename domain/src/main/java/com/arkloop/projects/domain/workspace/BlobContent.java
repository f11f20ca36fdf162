package com.arkloop.projects.domain.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * An open blob, or the requested part of it: {@code length} bytes from {@code offset} of a blob of
 * {@code totalSize} bytes, to be streamed from {@code stream}. The caller must close it.
 */
public record BlobContent(long totalSize, long offset, long length, InputStream stream) implements AutoCloseable {

    public BlobContent {
        Objects.requireNonNull(stream, "stream");
        if (totalSize < 0 || offset < 0 || length < 0 || offset + length > totalSize) {
            throw new IllegalArgumentException("the served bytes must lie within the blob");
        }
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
