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
            JwtSettings jwt = new JwtSettings(secret.map(text -> text.getBytes(StandardCharsets.UTF_8)),
                    settings.jwksFile(), settings.jwksUrl(), settings.jwtIssuer(), settings.jwtAudience(),
                    JwtSettings.DEFAULT_CLOCK_SKEW, JwtSettings.DEFAULT_JWKS_CACHE_TTL);
            return jwt;
        } catch (IllegalArgumentException invalid) {
            throw new ConfigurationException(invalid.getMessage());
        }
    }

    private static Optional<String> developmentSecret(Settings settings) {
        if (!settings.usesEmbeddedDatabase() || settings.jwksFile().isPresent() || settings.jwksUrl().isPresent()) {
            return Optional.empty();
        }
        String secret = DevelopmentSecret.loadOrCreate(settings.dataDir());
        LOG.warn("no ARKLOOP_AUTH_JWT_SECRET configured: using the development secret in {} (fine for a laptop, "
                + "not for production)", DevelopmentSecret.location(settings.dataDir()));
        return Optional.of(secret);
    }
}
