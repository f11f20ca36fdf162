package com.arkloop.projects.adapters.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the HTTP server.
 *
 * @param maxBodyBytes    the largest JSON request body accepted; larger ones get 413 {@code request.too_large}
 * @param shutdownTimeout how long {@code stop()} waits for in-flight requests to finish
 */
public record ApiSettings(int maxBodyBytes, Duration shutdownTimeout) {

    public static final ApiSettings DEFAULTS = new ApiSettings(64 * 1024, Duration.ofSeconds(10));

    public ApiSettings {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        if (shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("shutdownTimeout must not be negative");
        }
    }
}
