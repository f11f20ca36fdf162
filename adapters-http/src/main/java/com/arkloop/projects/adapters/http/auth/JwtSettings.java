package com.arkloop.projects.adapters.http.auth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How bearer JWTs are verified: an HS256 shared secret and/or public keys (RS256, ES256) from a JWKS
 * file or URL, the expected issuer and audience (checked only when set), the allowed clock skew and
 * how long fetched JWKS keys are cached. At least one key source is required; a secret shorter than
 * 32 bytes is refused, so a server configured with one does not start.
 *
 * <p>Start from {@link #hs256(byte[])}, {@link #jwksFile(Path)} or {@link #jwksUrl(URI)} and add the
 * rest with the {@code with...} methods.
 */
public record JwtSettings(
        Optional<byte[]> hs256Secret,
        Optional<Path> jwksFile,
        Optional<URI> jwksUrl,
        Optional<String> issuer,
        Optional<String> audience,
        Duration clockSkew,
        Duration jwksCacheTtl) {

    /** The smallest HS256 secret accepted: 256 bits, as RFC 7518 requires. */
    public static final int MIN_SECRET_BYTES = 32;
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_JWKS_CACHE_TTL = Duration.ofMinutes(5);

    public JwtSettings {
        Objects.requireNonNull(hs256Secret, "hs256Secret");
        Objects.requireNonNull(jwksFile, "jwksFile");
        Objects.requireNonNull(jwksUrl, "jwksUrl");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(jwksCacheTtl, "jwksCacheTtl");
        hs256Secret = hs256Secret.map(byte[]::clone);
        hs256Secret.ifPresent(secret -> {
            if (secret.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("the JWT secret must be at least " + MIN_SECRET_BYTES
                        + " bytes long (got " + secret.length + " bytes); use a random value, e.g. `openssl rand -hex 32`");
            }
        });
        jwksUrl.ifPresent(url -> {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new IllegalArgumentException("the JWKS URL must be an http or https URL: " + url);
            }
        });
        if (hs256Secret.isEmpty() && jwksFile.isEmpty() && jwksUrl.isEmpty()) {
            throw new IllegalArgumentException("JWT verification needs a key source: an HS256 secret, a JWKS file or a JWKS URL");
        }
        if (issuer.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("the expected JWT issuer must not be blank");
        }
        if (audience.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("the expected JWT audience must not be blank");
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("the JWT clock skew must be between 0 and 10 minutes: " + clockSkew);
        }
        if (jwksCacheTtl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the JWKS cache time must be at least one second: " + jwksCacheTtl);
        }
    }

    /** HS256 tokens signed with this shared secret (at least 32 bytes). */
    public static JwtSettings hs256(byte[] secret) {
        return new JwtSettings(Optional.of(secret), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), DEFAULT_CLOCK_SKEW, DEFAULT_JWKS_CACHE_TTL);
    }

    /** RS256/ES256 tokens signed by a key of the JWKS file, read once when the authenticator is built. */
    public static JwtSettings jwksFile(Path file) {
        return new JwtSettings(Optional.empty(), Optional.of(file), Optional.empty(), Optional.empty(),
                Optional.empty(), DEFAULT_CLOCK_SKEW, DEFAULT_JWKS_CACHE_TTL);
    }

    /** RS256/ES256 tokens signed by a key published at the JWKS URL (fetched, cached, outage tolerant). */
    public static JwtSettings jwksUrl(URI url) {
        return new JwtSettings(Optional.empty(), Optional.empty(), Optional.of(url), Optional.empty(),
                Optional.empty(), DEFAULT_CLOCK_SKEW, DEFAULT_JWKS_CACHE_TTL);
    }

    public JwtSettings withHs256Secret(byte[] secret) {
        return new JwtSettings(Optional.of(secret), jwksFile, jwksUrl, issuer, audience, clockSkew, jwksCacheTtl);
    }

    public JwtSettings withJwksFile(Path file) {
        return new JwtSettings(hs256Secret, Optional.of(file), jwksUrl, issuer, audience, clockSkew, jwksCacheTtl);
    }

    public JwtSettings withJwksUrl(URI url) {
        return new JwtSettings(hs256Secret, jwksFile, Optional.of(url), issuer, audience, clockSkew, jwksCacheTtl);
    }

    public JwtSettings withIssuer(String expectedIssuer) {
        return new JwtSettings(hs256Secret, jwksFile, jwksUrl, Optional.of(expectedIssuer), audience, clockSkew, jwksCacheTtl);
    }

    public JwtSettings withAudience(String expectedAudience) {
        return new JwtSettings(hs256Secret, jwksFile, jwksUrl, issuer, Optional.of(expectedAudience), clockSkew, jwksCacheTtl);
    }

    public JwtSettings withClockSkew(Duration skew) {
        return new JwtSettings(hs256Secret, jwksFile, jwksUrl, issuer, audience, skew, jwksCacheTtl);
    }

    public JwtSettings withJwksCacheTtl(Duration ttl) {
        return new JwtSettings(hs256Secret, jwksFile, jwksUrl, issuer, audience, clockSkew, ttl);
    }

    /** A copy of the secret: the caller cannot change the one in use. */
    @Override
    public Optional<byte[]> hs256Secret() {
        return hs256Secret.map(byte[]::clone);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JwtSettings that
                && Arrays.equals(hs256Secret.orElse(null), that.hs256Secret.orElse(null))
                && jwksFile.equals(that.jwksFile) && jwksUrl.equals(that.jwksUrl)
                && issuer.equals(that.issuer) && audience.equals(that.audience)
                && clockSkew.equals(that.clockSkew) && jwksCacheTtl.equals(that.jwksCacheTtl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(hs256Secret.orElse(null)), jwksFile, jwksUrl, issuer, audience, clockSkew, jwksCacheTtl);
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "JwtSettings[hs256Secret=" + (hs256Secret.isPresent() ? "<redacted>" : "none")
                + ", jwksFile=" + jwksFile.map(Path::toString).orElse("none")
                + ", jwksUrl=" + jwksUrl.map(URI::toString).orElse("none")
                + ", issuer=" + issuer.orElse("any") + ", audience=" + audience.orElse("any")
                + ", clockSkew=" + clockSkew + ", jwksCacheTtl=" + jwksCacheTtl + "]";
    }
}
