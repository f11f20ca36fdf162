package com.arkloop.projects.domain.workspace;

import java.time.Instant;
import java.util.Objects;

/**
 * A blob as a listing of the store reports it: its digest, size, and when its bytes were last
 * written (storing a blob again that is already there counts as writing it: see
 * {@link BlobStore#putBlob}). Garbage collection judges a blob's age by {@code storedAt}.
 */
public record ListedBlob(Sha256 sha256, long size, Instant storedAt) {
    public ListedBlob {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(storedAt, "storedAt");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }
}
