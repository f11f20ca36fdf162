package com.arkloop.projects.domain.workspace;

import java.util.Objects;

/** What the bytes of a blob being stored must be, checked before anything is published. */
public sealed interface BlobExpectation {

    /** The caller knows the digest and size in advance (e.g. a client-supplied checksum). */
    record Exactly(Sha256 sha256, long size) implements BlobExpectation {
        public Exactly {
            Objects.requireNonNull(sha256, "sha256");
            if (size < 0) {
                throw new IllegalArgumentException("size must not be negative");
            }
        }

        @Override
        public long maxSize() {
            return size;
        }
    }

    /** The digest is whatever the bytes hash to, and there are at most {@code maxSize} of them. */
    record AtMost(long maxSize) implements BlobExpectation {
        public AtMost {
            if (maxSize < 0) {
                throw new IllegalArgumentException("maxSize must not be negative");
            }
        }
    }

    static BlobExpectation exactly(Sha256 sha256, long size) {
        return new Exactly(sha256, size);
    }

    static BlobExpectation atMost(long maxSize) {
        return new AtMost(maxSize);
    }

    /** The most bytes the content may have. */
    long maxSize();
}
