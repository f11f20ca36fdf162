package com.arkloop.projects.adapters.http;

import com.arkloop.projects.adapters.http.auth.TokenAuthenticator;
import com.arkloop.projects.application.ArkloopProjects;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Everything {@link HttpApi} needs, wired by the caller.
 *
 * @param readiness answers {@code /readyz}: true when the database and storage answer. It may throw;
 *                  that counts as not ready.
 * @param metrics   receives every request and serves {@code /metrics}; empty: no metrics, no route
 */
public record ApiDependencies(ArkloopProjects useCases, TokenAuthenticator authenticator,
                              BooleanSupplier readiness, ApiSettings settings, Optional<HttpMetrics> metrics) {
    public ApiDependencies {
        Objects.requireNonNull(useCases, "useCases");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(metrics, "metrics");
    }

    /** Without metrics. */
    public ApiDependencies(ArkloopProjects useCases, TokenAuthenticator authenticator, BooleanSupplier readiness,
                           ApiSettings settings) {
        this(useCases, authenticator, readiness, settings, Optional.empty());
    }
}
