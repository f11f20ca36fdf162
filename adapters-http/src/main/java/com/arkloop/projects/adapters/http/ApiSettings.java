package com.arkloop.projects.adapters.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the HTTP server.
 *
 * @param maxBodyBytes    the largest JSON request body accepted; larger ones get 413 {@code request.too_large}
 * @param shutdownTimeout how long {@code stop()} waits for in-flight requests to finish
 * @param maxFileBytes    the largest file a {@code PUT …/workspace/file} may write; larger ones get 413
 *                        {@code request.too_large}. Snapshots are capped by the use case's
 *                        {@code PublishRevision.Limits} instead.
 */
public record ApiSettings(int maxBodyBytes, Duration shutdownTimeout, long maxFileBytes) {

    public static final long DEFAULT_MAX_FILE_BYTES = 1024L * 1024 * 1024;

    public static final ApiSettings DEFAULTS = new ApiSettings(64 * 1024, Duration.ofSeconds(10));

    public ApiSettings {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        if (shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("shutdownTimeout must not be negative");
        }
        if (maxFileBytes < 0) {
            throw new IllegalArgumentException("maxFileBytes must not be negative");
        }
    }

    /** The default file cap ({@value #DEFAULT_MAX_FILE_BYTES} bytes). */
    public ApiSettings(int maxBodyBytes, Duration shutdownTimeout) {
        this(maxBodyBytes, shutdownTimeout, DEFAULT_MAX_FILE_BYTES);
    }

    /** These settings with another cap on written files. */
    public ApiSettings withMaxFileBytes(long maxFileBytes) {
        return new ApiSettings(maxBodyBytes, shutdownTimeout, maxFileBytes);
    }
}
