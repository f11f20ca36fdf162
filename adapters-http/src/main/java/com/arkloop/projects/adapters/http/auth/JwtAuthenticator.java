package com.arkloop.projects.adapters.http.auth;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.Uuids;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Role;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies bearer JWTs with nimbus-jose-jwt and turns them into an {@link Actor}.
 *
 * <p>Only HS256 (when a secret is configured) and RS256/ES256 (when a JWKS file or URL is) are
 * accepted; a JWKS never supplies HMAC keys, and keys come only from the configuration: {@code jku},
 * {@code x5u}, {@code jwk} and {@code x5c} headers are never used or fetched. Tokens over 8 KiB are
 * refused before any parsing. Required claims: {@code sub} and {@code org} (alias {@code account}),
 * both canonical UUIDs, {@code role} and {@code exp}. {@code exp} and {@code nbf} allow the configured
 * clock skew; {@code iss} and {@code aud} are checked when configured. A role outside the known ones
 * yields an actor without permissions.
 *
 * <p>Every failure is a {@link DomainException} with a short message safe to show to clients:
 * {@code auth.token_expired} for an expired token, {@code auth.invalid_token} for everything else,
 * except {@code service.unavailable} when a JWKS URL has never answered and so no key can be checked.
 * A JWKS URL is fetched with short timeouts, cached, and its last good key set is kept through outages.
 */
public final class JwtAuthenticator implements TokenAuthenticator {

    /** The longest token accepted, in characters (all of a JWS compact form is ASCII). */
    public static final int MAX_TOKEN_CHARS = 8 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(JwtAuthenticator.class);
    private static final Set<JWSAlgorithm> PUBLIC_KEY_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    private static final int JWKS_CONNECT_TIMEOUT_MS = 2_000;
    private static final int JWKS_READ_TIMEOUT_MS = 2_000;
    private static final int JWKS_MAX_BYTES = 256 * 1024;
    private static final long JWKS_MAX_RATE_INTERVAL_MS = 30_000;

    private final JwtSettings settings;
    private final Clock clock;
    private final Set<JWSAlgorithm> acceptedAlgorithms;
    private final DefaultJWTProcessor<SecurityContext> processor;

    /** An authenticator on the system clock. */
    public JwtAuthenticator(JwtSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /**
     * Builds the verifier; a configured JWKS file is read and checked now (an unreadable file, or one
     * without a usable RSA or P-256 EC public key, fails here so a misconfigured server does not start).
     * A JWKS URL is fetched on first use.
     */
    public JwtAuthenticator(JwtSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");

        Optional<Key> hmacKey = settings.hs256Secret().map(secret -> new SecretKeySpec(secret, "HmacSHA256"));
        Optional<JWKSet> fileKeys = settings.jwksFile().map(JwtAuthenticator::readJwksFile);
        Optional<JWKSource<SecurityContext>> remoteKeys = settings.jwksUrl().map(url -> remoteJwks(url, settings.jwksCacheTtl()));
        boolean publicKeys = fileKeys.isPresent() || remoteKeys.isPresent();

        this.acceptedAlgorithms = hmacKey.isPresent() && publicKeys
                ? Set.of(JWSAlgorithm.HS256, JWSAlgorithm.RS256, JWSAlgorithm.ES256)
                : hmacKey.isPresent() ? Set.of(JWSAlgorithm.HS256) : PUBLIC_KEY_ALGORITHMS;

        Optional<JWSKeySelector<SecurityContext>> publicKeySelector = publicKeys
                ? Optional.of(new JWSVerificationKeySelector<>(PUBLIC_KEY_ALGORITHMS, configuredKeys(fileKeys, remoteKeys)))
                : Optional.empty();
        JWSKeySelector<SecurityContext> keySelector = (header, context) -> {
            JWSAlgorithm algorithm = header.getAlgorithm();
            if (JWSAlgorithm.HS256.equals(algorithm) && hmacKey.isPresent()) {
                return List.of(hmacKey.get());
            }
            if (PUBLIC_KEY_ALGORITHMS.contains(algorithm) && publicKeySelector.isPresent()) {
                return publicKeySelector.get().selectJWSKeys(header, context);
            }
            return List.of();
        };

        this.processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        processor.setJWSKeySelector(keySelector);
        // The claims are checked below, against the injected clock, so that expiry has its own code.
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
    }

    @Override
    public Actor authenticate(String token) {
        SignedJWT jwt = parse(token);
        JWTClaimsSet claims = verifySignature(jwt);
        try {
            return actorFrom(claims);
        } catch (DomainException e) {
            throw e;
        } catch (ParseException | RuntimeException e) {
            LOG.debug("JWT claims rejected: {}", e.toString());
            throw invalid("invalid token");
        }
    }

    private SignedJWT parse(String token) {
        if (token == null || token.isEmpty()) {
            throw invalid("malformed token");
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw invalid("token too large");
        }
        if (!isCompactJws(token)) {
            throw invalid("malformed token");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException | RuntimeException e) {
            LOG.debug("JWT not parsed: {}", e.toString());
            throw invalid("malformed token");
        }
        JWSHeader header = jwt.getHeader();
        if (header == null || !acceptedAlgorithms.contains(header.getAlgorithm())) {
            throw invalid("token algorithm not accepted");
        }
        return jwt;
    }

    /** Three non-empty base64url segments: rules out JWE, unsecured tokens and stray characters early. */
    private static boolean isCompactJws(String token) {
        int dots = 0;
        int segmentLength = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                if (segmentLength == 0 || ++dots > 2) {
                    return false;
                }
                segmentLength = 0;
            } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                segmentLength++;
            } else {
                return false;
            }
        }
        return dots == 2 && segmentLength > 0;
    }

    private JWTClaimsSet verifySignature(SignedJWT jwt) {
        try {
            return processor.process(jwt, null);
        } catch (JWKSetUnavailableException e) {
            LOG.warn("JWT not verifiable: the JWKS URL has not answered yet ({})", e.toString());
            throw new DomainException(ErrorCode.SERVICE_UNAVAILABLE, "token keys unavailable, retry later");
        } catch (BadJOSEException | JOSEException | RuntimeException e) {
            LOG.debug("JWT rejected: {}", e.toString());
            throw invalid("invalid token");
        }
    }

    private Actor actorFrom(JWTClaimsSet claims) throws ParseException {
        Instant now = clock.instant();
        Duration skew = settings.clockSkew();

        if (settings.issuer().isPresent() && !settings.issuer().get().equals(claims.getClaim("iss"))) {
            throw invalid("token issuer not accepted");
        }
        if (settings.audience().isPresent()) {
            List<String> audience = claims.getAudience();
            if (audience == null || !audience.contains(settings.audience().get())) {
                throw invalid("token audience not accepted");
            }
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            throw invalid("token has no exp claim");
        }
        if (now.isAfter(expiry.toInstant().plus(skew))) {
            throw new DomainException(ErrorCode.AUTH_TOKEN_EXPIRED, "token expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().isAfter(now.plus(skew))) {
            throw invalid("token not valid yet");
        }

        UserId user = new UserId(uuidClaim(claims, "sub"));
        OrgId org = new OrgId(orgClaim(claims));
        Object role = claims.getClaim("role");
        if (!(role instanceof String roleName)) {
            throw invalid("token has no role claim");
        }
        return Actor.withRole(user, org, Role.fromName(roleName));
    }

    private static UUID orgClaim(JWTClaimsSet claims) {
        boolean hasOrg = claims.getClaim("org") != null;
        boolean hasAccount = claims.getClaim("account") != null;
        if (hasOrg && hasAccount && !claims.getClaim("org").equals(claims.getClaim("account"))) {
            throw invalid("token org and account claims differ");
        }
        return uuidClaim(claims, hasOrg || !hasAccount ? "org" : "account");
    }

    private static UUID uuidClaim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        if (value == null) {
            throw invalid("token has no " + name + " claim");
        }
        return Uuids.parseCanonical(value instanceof String text ? text : null)
                .orElseThrow(() -> invalid("token " + name + " claim is not a UUID"));
    }

    private static DomainException invalid(String message) {
        return new DomainException(ErrorCode.AUTH_INVALID_TOKEN, message);
    }

    /** The file's RSA and P-256 EC public keys (private parts dropped); fails when there are none. */
    private static JWKSet readJwksFile(Path file) {
        JWKSet parsed;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(JWKS_MAX_BYTES + 1);
            if (bytes.length > JWKS_MAX_BYTES) {
                throw new IllegalArgumentException("the JWKS file " + file + " is larger than " + JWKS_MAX_BYTES + " bytes");
            }
            parsed = JWKSet.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the JWKS file " + file + ": " + e, e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("the JWKS file " + file + " is not a valid JWK set: " + e.getMessage(), e);
        }
        List<JWK> usable = new ArrayList<>();
        for (JWK key : parsed.toPublicJWKSet().getKeys()) {
            if (key instanceof RSAKey || (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve()))) {
                usable.add(key);
            }
        }
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("the JWKS file " + file + " holds no RSA or P-256 EC public key");
        }
        return new JWKSet(usable);
    }

    /** Fetched with short timeouts, cached, rate limited on unknown key ids, last good set kept through outages. */
    private static JWKSource<SecurityContext> remoteJwks(URI url, Duration cacheTtl) {
        DefaultResourceRetriever retriever =
                new DefaultResourceRetriever(JWKS_CONNECT_TIMEOUT_MS, JWKS_READ_TIMEOUT_MS, JWKS_MAX_BYTES);
        long ttlMs = cacheTtl.toMillis();
        try {
            return JWKSourceBuilder.<SecurityContext>create(url.toURL(), retriever)
                    .cache(ttlMs, JWKS_CONNECT_TIMEOUT_MS + JWKS_READ_TIMEOUT_MS + 1_000L)
                    .refreshAheadCache(false)
                    .rateLimited(Math.min(JWKS_MAX_RATE_INTERVAL_MS, ttlMs / 2))
                    .retrying(false)
                    .outageTolerantForever()
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid JWKS URL " + url + ": " + e.getMessage(), e);
        }
    }

    /** The file's keys first; the URL's only when none of the file's match. */
    private static JWKSource<SecurityContext> configuredKeys(Optional<JWKSet> fileKeys, Optional<JWKSource<SecurityContext>> remoteKeys) {
        return (selector, context) -> {
            List<JWK> found = new ArrayList<>(fileKeys.map(selector::select).orElse(List.of()));
            if (found.isEmpty() && remoteKeys.isPresent()) {
                found.addAll(remoteKeys.get().get(selector, context));
            }
            return found;
        };
    }
}
