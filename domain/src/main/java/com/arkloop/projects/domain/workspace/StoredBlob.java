package com.arkloop.projects.domain.workspace;

import java.util.Objects;

/** A blob that is durably stored: its digest (its name) and its size in bytes. */
public record StoredBlob(Sha256 sha256, long size) {
    public StoredBlob {
        Objects.requireNonNull(sha256, "sha256");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }
}
