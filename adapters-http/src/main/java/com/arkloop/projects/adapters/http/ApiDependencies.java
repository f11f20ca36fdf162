package com.arkloop.projects.adapters.http;

import com.arkloop.projects.adapters.http.auth.TokenAuthenticator;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Everything {@link HttpApi} needs, wired by the caller.
 *
 * @param readiness answers {@code /readyz}: true when the database and storage answer. It may throw;
 *                  that counts as not ready.
 */
public record ApiDependencies(ProjectUseCases projects, TeamUseCases teams, TokenAuthenticator authenticator,
                              BooleanSupplier readiness, ApiSettings settings) {
    public ApiDependencies {
        Objects.requireNonNull(projects, "projects");
        Objects.requireNonNull(teams, "teams");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(settings, "settings");
    }
}
