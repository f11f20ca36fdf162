package com.arkloop.projects.adapters.http.auth;

import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.access.Role;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;

/**
 * Mints HS256 tokens with the configured shared secret, in the shape {@link JwtAuthenticator} accepts:
 * {@code sub}, {@code org}, {@code role}, {@code iat}, {@code exp} and, when given, {@code iss} and
 * {@code aud}. For the server's {@code token} subcommand, scripts and tests.
 */
public final class JwtMinter {

    private final MACSigner signer;
    private final Optional<String> defaultIssuer;
    private final Optional<String> defaultAudience;
    private final Clock clock;

    /**
     * A minter with the settings' secret; tokens carry the settings' issuer and audience unless a call
     * names others. Fails when the settings have no HS256 secret.
     */
    public JwtMinter(JwtSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        byte[] secret = settings.hs256Secret()
                .orElseThrow(() -> new IllegalArgumentException("minting tokens needs an HS256 secret"));
        try {
            this.signer = new MACSigner(secret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the HS256 secret cannot sign tokens", e);
        }
        this.defaultIssuer = settings.issuer();
        this.defaultAudience = settings.audience();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A token for the user, valid for {@code ttl} from now. */
    public String mint(UserId user, OrgId org, Role role, Duration ttl) {
        return mint(user, org, role.wireName(), ttl, defaultIssuer, defaultAudience);
    }

    /** As {@link #mint(UserId, OrgId, Role, Duration)}, with any role name (aliases, unknown roles). */
    public String mint(UserId user, OrgId org, String role, Duration ttl) {
        return mint(user, org, role, ttl, defaultIssuer, defaultAudience);
    }

    /** A token with an explicit issuer and audience (empty: the claim is left out). */
    public String mint(UserId user, OrgId org, String role, Duration ttl, Optional<String> issuer, Optional<String> audience) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(role, "role");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a token's lifetime must be positive: " + ttl);
        }
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(user.toString())
                .claim("org", org.toString())
                .claim("role", role)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)));
        issuer.ifPresent(claims::issuer);
        audience.ifPresent(claims::audience);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("HS256 signing failed", e);
        }
        return jwt.serialize();
    }
}
