package com.arkloop.projects.bootstrap;

import com.arkloop.projects.adapters.http.auth.JwtSettings;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses how tokens are verified. A configured secret or JWKS wins; a server on the embedded
 * defaults with neither gets a development secret kept in its data directory; a server on an
 * external database with neither refuses to start, since nobody could mint a valid token for it.
 */
final class JwtConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(JwtConfiguration.class);

    private JwtConfiguration() {
    }

    static JwtSettings from(Settings settings) {
        Optional<String> secret = settings.jwtSecret().or(() -> developmentSecret(settings));
        if (secret.isEmpty() && settings.jwksFile().isEmpty() && settings.jwksUrl().isEmpty()) {
            throw new ConfigurationException("with ARKLOOP_DATABASE_URL set, configure ARKLOOP_AUTH_JWT_SECRET "
                    + "(at least 32 bytes) or ARKLOOP_AUTH_JWKS_FILE / ARKLOOP_AUTH_JWKS_URL");
        }
        try {
            return new JwtSettings(secret.map(text -> text.getBytes(StandardCharsets.UTF_8)),
                    settings.jwksFile(), settings.jwksUrl(), settings.jwtIssuer(), settings.jwtAudience(),
                    JwtSettings.DEFAULT_CLOCK_SKEW, JwtSettings.DEFAULT_JWKS_CACHE_TTL);
        } catch (IllegalArgumentException invalid) {
            throw new ConfigurationException(invalid.getMessage());
        }
    }

    /** True when tokens are verified with the generated secret of the data directory. */
    static boolean usesDevelopmentSecret(Settings settings) {
        return settings.jwtSecret().isEmpty() && settings.usesEmbeddedDatabase()
                && settings.jwksFile().isEmpty() && settings.jwksUrl().isEmpty();
    }

    /** Says so in the log, once per server start: a generated secret is fine for a laptop only. */
    static void warnIfDevelopmentSecret(Settings settings) {
        if (usesDevelopmentSecret(settings)) {
            LOG.warn("no ARKLOOP_AUTH_JWT_SECRET configured: verifying tokens with the development secret in {} "
                    + "(fine for a laptop, not for production)", DevelopmentSecret.location(settings.dataDir()));
        }
    }

    private static Optional<String> developmentSecret(Settings settings) {
        return usesDevelopmentSecret(settings)
                ? Optional.of(DevelopmentSecret.loadOrCreate(settings.dataDir()))
                : Optional.empty();
    }
}
