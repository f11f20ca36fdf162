package com.arkloop.projects.adapters.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.access.Role;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JwtAuthenticatorTest {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** 64 bytes, so the same secret can also sign the HS384/HS512 tokens that must be refused. */
    static final byte[] SECRET = "test-secret-0123456789abcdef-0123456789abcdef-0123456789abcdef!!".getBytes(StandardCharsets.UTF_8);
    static final UUID USER = UUID.fromString("22222222-2222-2222-2222-222222222222");
    static final UUID ORG = UUID.fromString("11111111-1111-1111-1111-111111111111");
    static final String ISSUER = "https://issuer.example";
    static final String AUDIENCE = "arkloop-projects";

    static final RSAKey RSA = generateRsa("rsa-1");
    static final ECKey EC = generateEc(Curve.P_256, "ec-1");
    /** Keys nobody configured: what an attacker signs with. */
    static final RSAKey ATTACKER_RSA = generateRsa("rsa-1");
    static final ECKey ATTACKER_EC = generateEc(Curve.P_256, "ec-1");
    static final ECKey P384 = generateEc(Curve.P_384, "p384");

    @TempDir
    static Path dir;
    static Path jwksFile;

    /** The verifier set-ups the attack table runs against. */
    enum Config {
        HS256, JWKS_FILE, HS256_AND_JWKS_FILE, HS256_WITH_ISS_AND_AUD;

        JwtAuthenticator authenticator() {
            return new JwtAuthenticator(settings(), CLOCK);
        }

        JwtSettings settings() {
            return switch (this) {
                case HS256 -> JwtSettings.hs256(SECRET);
                case JWKS_FILE -> JwtSettings.jwksFile(jwksFile);
                case HS256_AND_JWKS_FILE -> JwtSettings.hs256(SECRET).withJwksFile(jwksFile);
                case HS256_WITH_ISS_AND_AUD -> JwtSettings.hs256(SECRET).withIssuer(ISSUER).withAudience(AUDIENCE);
            };
        }
    }

    @BeforeAll
    static void writeJwksFile() throws IOException {
        jwksFile = dir.resolve("jwks.json");
        // Private parts included on purpose: the authenticator must use only the public halves.
        Files.writeString(jwksFile, new JWKSet(List.of(RSA, EC)).toString(false));
    }

    // ---------------------------------------------------------------- settings

    @Test
    void a_secret_shorter_than_32_bytes_is_refused_with_a_clear_message() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JwtSettings.hs256(new byte[31]));
        assertTrue(e.getMessage().contains("at least 32 bytes"), e.getMessage());
        JwtSettings.hs256(new byte[32]);
    }

    @Test
    void settings_need_at_least_one_key_source() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new JwtSettings(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                JwtSettings.DEFAULT_CLOCK_SKEW, JwtSettings.DEFAULT_JWKS_CACHE_TTL));
        assertTrue(e.getMessage().contains("key source"), e.getMessage());
    }

    @Test
    void settings_default_to_a_60_second_skew_and_never_print_the_secret() {
        JwtSettings settings = JwtSettings.hs256(SECRET);
        assertEquals(Duration.ofSeconds(60), settings.clockSkew());
        assertFalse(settings.toString().contains(new String(SECRET, StandardCharsets.UTF_8)));
        assertEquals(settings, JwtSettings.hs256(SECRET.clone()));
    }

    @Test
    void a_jwks_url_must_be_http_or_https() {
        assertThrows(IllegalArgumentException.class, () -> JwtSettings.jwksUrl(URI.create("file:///etc/passwd")));
    }

    @Test
    void an_unreadable_or_keyless_jwks_file_stops_the_server_from_starting() throws IOException {
        Path missing = dir.resolve("missing.json");
        assertThrows(IllegalArgumentException.class, () -> new JwtAuthenticator(JwtSettings.jwksFile(missing)));
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{not json");
        assertThrows(IllegalArgumentException.class, () -> new JwtAuthenticator(JwtSettings.jwksFile(garbage)));
        Path symmetricOnly = Files.writeString(dir.resolve("oct.json"),
                new JWKSet(new OctetSequenceKey.Builder(SECRET).keyID("oct").build()).toString(false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new JwtAuthenticator(JwtSettings.jwksFile(symmetricOnly)));
        assertTrue(e.getMessage().contains("no RSA or P-256 EC public key"), e.getMessage());
    }

    // ---------------------------------------------------------------- accepted tokens

    @Test
    void a_valid_hs256_token_yields_the_actor_with_its_roles_permissions() {
        Actor actor = Config.HS256.authenticator().authenticate(hs256(claims()));

        assertEquals(new UserId(USER), actor.userId());
        assertEquals(new OrgId(ORG), actor.orgId());
        assertEquals(Optional.of(Role.ORG_MEMBER), actor.role());
        assertEquals(Role.ORG_MEMBER.permissions(), actor.permissions());
        assertFalse(actor.has(Permission.TEAMS_MANAGE));
    }

    @ParameterizedTest(name = "role \"{0}\" is {1}")
    @CsvSource({
        "org_admin,  ORG_ADMIN",
        "owner,      ORG_ADMIN",
        "admin,      ORG_ADMIN",
        "org_member, ORG_MEMBER",
        "member,     ORG_MEMBER",
    })
    void role_names_and_their_aliases_map_to_roles(String name, Role role) {
        Actor actor = Config.HS256.authenticator().authenticate(hs256(claims(c -> c.claim("role", name))));

        assertEquals(Optional.of(role), actor.role());
        assertEquals(role.permissions(), actor.permissions());
    }

    @ParameterizedTest(name = "role \"{0}\" grants nothing")
    @ValueSource(strings = {"superuser", "ORG_ADMIN", "Admin", "", " org_admin"})
    void an_unknown_role_yields_an_actor_without_permissions(String name) {
        Actor actor = Config.HS256.authenticator().authenticate(hs256(claims(c -> c.claim("role", name))));

        assertEquals(Optional.empty(), actor.role());
        assertEquals(Set.of(), actor.permissions());
    }

    @Test
    void account_is_accepted_as_an_alias_of_org() {
        String token = hs256(claims(c -> c.claim("org", null).claim("account", ORG.toString())));

        assertEquals(new OrgId(ORG), Config.HS256.authenticator().authenticate(token).orgId());
    }

    @Test
    void org_and_account_naming_the_same_org_is_fine() {
        String token = hs256(claims(c -> c.claim("account", ORG.toString())));

        assertEquals(new OrgId(ORG), Config.HS256.authenticator().authenticate(token).orgId());
    }

    @Test
    void uppercase_uuids_are_canonical_too() {
        String token = hs256(claims(c -> c.subject(USER.toString().toUpperCase()).claim("org", ORG.toString().toUpperCase())));

        assertEquals(new UserId(USER), Config.HS256.authenticator().authenticate(token).userId());
    }

    @Test
    void rs256_and_es256_tokens_verify_against_a_jwks_file_with_or_without_kid() {
        JwtAuthenticator authenticator = Config.JWKS_FILE.authenticator();
        for (String token : List.of(
                rs256(claims()), es256(claims()),
                sign(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims(), rsaSigner(RSA)),
                sign(new JWSHeader.Builder(JWSAlgorithm.ES256).build(), claims(), ecSigner(EC)))) {
            assertEquals(new UserId(USER), authenticator.authenticate(token).userId());
        }
    }

    @Test
    void with_a_secret_and_a_jwks_both_kinds_of_token_are_accepted() {
        JwtAuthenticator authenticator = Config.HS256_AND_JWKS_FILE.authenticator();

        authenticator.authenticate(hs256(claims()));
        authenticator.authenticate(rs256(claims()));
        authenticator.authenticate(es256(claims()));
    }

    @Test
    void the_access_token_type_at_jwt_is_accepted() {
        String token = sign(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt")).build(), claims(), macSigner(SECRET));

        Config.HS256.authenticator().authenticate(token);
    }

    @ParameterizedTest(name = "exp {0} s from now is accepted")
    @ValueSource(ints = {-60, -59, 0, 1, 3600})
    void expiry_within_the_skew_is_accepted(int secondsFromNow) {
        String token = hs256(claims(c -> c.expirationTime(at(secondsFromNow))));

        Config.HS256.authenticator().authenticate(token);
    }

    @ParameterizedTest(name = "nbf {0} s from now is accepted")
    @ValueSource(ints = {-3600, 0, 59, 60})
    void not_before_within_the_skew_is_accepted(int secondsFromNow) {
        String token = hs256(claims(c -> c.notBeforeTime(at(secondsFromNow))));

        Config.HS256.authenticator().authenticate(token);
    }

    @Test
    void issuer_and_audience_are_checked_when_configured() {
        JwtAuthenticator authenticator = Config.HS256_WITH_ISS_AND_AUD.authenticator();

        authenticator.authenticate(hs256(claims(c -> c.issuer(ISSUER).audience(AUDIENCE))));
        authenticator.authenticate(hs256(claims(c -> c.issuer(ISSUER).audience(List.of("other", AUDIENCE)))));
    }

    @Test
    void a_token_under_the_size_limit_is_accepted() {
        String token = hs256(claims(c -> c.claim("pad", "x".repeat(5_500))));
        assertTrue(token.length() > 7_000 && token.length() <= JwtAuthenticator.MAX_TOKEN_CHARS, "length " + token.length());

        Config.HS256.authenticator().authenticate(token);
    }

    // ---------------------------------------------------------------- the attack table

    static Stream<Arguments> attacks() throws Exception {
        String payload = json(claims().build());
        return Stream.of(
                // Unsecured tokens, in every casing, with and without a signature part.
                row("alg none", Config.HS256_AND_JWKS_FILE, raw("{\"alg\":\"none\"}", payload, "")),
                row("alg none with a signature part", Config.HS256_AND_JWKS_FILE, raw("{\"alg\":\"none\"}", payload, "c2ln")),
                row("alg NONE", Config.HS256_AND_JWKS_FILE, raw("{\"alg\":\"NONE\"}", payload, "c2ln")),
                row("alg None", Config.HS256_AND_JWKS_FILE, raw("{\"alg\":\"None\",\"typ\":\"JWT\"}", payload, "")),
                row("alg nOnE", Config.HS256, raw("{\"alg\":\"nOnE\"}", payload, "c2ln")),
                row("no alg at all", Config.HS256, raw("{\"typ\":\"JWT\"}", payload, "c2ln")),

                // Algorithm confusion and algorithms outside the allowed set.
                row("HS256 keyed with the RSA public key (DER), only JWKS configured", Config.JWKS_FILE,
                        sign(header(JWSAlgorithm.HS256), claims(), new MACSigner(RSA.toRSAPublicKey().getEncoded()))),
                row("HS256 keyed with the RSA public key (PEM), only JWKS configured", Config.JWKS_FILE,
                        sign(header(JWSAlgorithm.HS256), claims(), new MACSigner(pem(RSA)))),
                row("HS256 keyed with the RSA public key (JWK JSON), only JWKS configured", Config.JWKS_FILE,
                        sign(header(JWSAlgorithm.HS256), claims(), new MACSigner(RSA.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)))),
                row("HS256 keyed with the RSA public key, secret and JWKS configured", Config.HS256_AND_JWKS_FILE,
                        sign(header(JWSAlgorithm.HS256), claims(), new MACSigner(RSA.toRSAPublicKey().getEncoded()))),
                row("HS384 with the right secret", Config.HS256, sign(header(JWSAlgorithm.HS384), claims(), macSigner(SECRET))),
                row("HS512 with the right secret", Config.HS256_AND_JWKS_FILE, sign(header(JWSAlgorithm.HS512), claims(), macSigner(SECRET))),
                row("RS256 when only a secret is configured", Config.HS256, rs256(claims())),
                row("RS384 with the configured key", Config.JWKS_FILE, sign(header(JWSAlgorithm.RS384), claims(), rsaSigner(RSA))),
                row("RS512 with the configured key", Config.JWKS_FILE, sign(header(JWSAlgorithm.RS512), claims(), rsaSigner(RSA))),
                row("PS256 with the configured key", Config.JWKS_FILE, sign(header(JWSAlgorithm.PS256), claims(), rsaSigner(RSA))),
                row("ES384 on a P-384 key", Config.JWKS_FILE, sign(header(JWSAlgorithm.ES384), claims(), ecSigner(P384))),
                row("ES256K named", Config.JWKS_FILE, raw("{\"alg\":\"ES256K\",\"kid\":\"ec-1\"}", payload, zeros(64))),
                row("EdDSA named", Config.JWKS_FILE, raw("{\"alg\":\"EdDSA\"}", payload, zeros(64))),
                row("alg in lowercase hs256", Config.HS256, raw("{\"alg\":\"hs256\"}", payload, zeros(32))),
                row("alg as a JSON array", Config.HS256, raw("{\"alg\":[\"HS256\"]}", payload, zeros(32))),

                // Signatures.
                row("HS256 with another secret", Config.HS256, sign(header(JWSAlgorithm.HS256), claims(), macSigner(new byte[32]))),
                row("RS256 by an unconfigured key with the configured kid", Config.JWKS_FILE,
                        sign(header(JWSAlgorithm.RS256).keyID("rsa-1").build(), claims(), rsaSigner(ATTACKER_RSA))),
                row("ES256 by an unconfigured key with the configured kid", Config.JWKS_FILE,
                        sign(header(JWSAlgorithm.ES256).keyID("ec-1").build(), claims(), ecSigner(ATTACKER_EC))),
                row("a flipped signature byte", Config.HS256, flipSignatureByte(hs256(claims()))),
                row("a valid signature over other claims", Config.HS256, spliceSignature(hs256(claims()), hs256(claims(c -> c.claim("role", "org_admin"))))),
                row("an empty signature (HS256)", Config.HS256, withSignature(hs256(claims()), "")),
                row("an empty signature (RS256)", Config.JWKS_FILE, withSignature(rs256(claims()), "")),
                row("ES256 signature of 64 zero bytes (psychic signature)", Config.JWKS_FILE, withSignature(es256(claims()), zeros(64))),
                row("ES256 signature of 64 zero bytes, no kid", Config.JWKS_FILE,
                        raw("{\"alg\":\"ES256\"}", payload, zeros(64))),
                row("ES256 signature of a single zero byte", Config.JWKS_FILE, withSignature(es256(claims()), zeros(1))),
                row("RS256 signature of 256 zero bytes", Config.JWKS_FILE, withSignature(rs256(claims()), zeros(256))),
                row("a JWKS-only server sent an HS256 token signed with the empty key", Config.JWKS_FILE,
                        raw("{\"alg\":\"HS256\"}", payload, zeros(32))),

                // Keys must come from the configuration only.
                row("kid with SQL text", Config.HS256,
                        sign(header(JWSAlgorithm.HS256).keyID("' OR '1'='1' --").build(), claims(), macSigner(new byte[32]))),
                row("kid with SQL text (JWKS)", Config.JWKS_FILE,
                        sign(header(JWSAlgorithm.RS256).keyID("rsa-1' UNION SELECT 'x").build(), claims(), rsaSigner(ATTACKER_RSA))),
                row("kid with a path to /dev/null", Config.HS256,
                        sign(header(JWSAlgorithm.HS256).keyID("../../../../../../dev/null").build(), claims(), macSigner(new byte[32]))),
                row("kid with a path (JWKS)", Config.JWKS_FILE,
                        sign(header(JWSAlgorithm.RS256).keyID("../../etc/passwd").build(), claims(), rsaSigner(ATTACKER_RSA))),
                row("an embedded jwk header naming the signer's own key", Config.JWKS_FILE,
                        sign(header(JWSAlgorithm.RS256).jwk(ATTACKER_RSA.toPublicJWK()).build(), claims(), rsaSigner(ATTACKER_RSA))),
                row("an unknown critical header", Config.HS256,
                        sign(header(JWSAlgorithm.HS256).criticalParams(Set.of("exp-like")).customParam("exp-like", 1).build(), claims(), macSigner(SECRET))),

                // Size and shape.
                row("a header over 8 KiB", Config.HS256,
                        sign(header(JWSAlgorithm.HS256).customParam("pad", "x".repeat(8 * 1024)).build(), claims(), macSigner(SECRET))),
                row("a token over 8 KiB in its claims", Config.HS256, hs256(claims(c -> c.claim("pad", "x".repeat(7_000))))),
                row("a header of nested arrays", Config.HS256, raw("{\"alg\":\"HS256\",\"x\":" + nested(2_000) + "}", payload, zeros(32))),
                row("deeply nested claims, validly signed", Config.HS256, hs256(claims(c -> c.claim("x", nestedList(300))))),
                row("deeply nested claims, raw", Config.HS256,
                        raw("{\"alg\":\"HS256\"}", "{\"sub\":\"" + USER + "\",\"x\":" + nested(2_500) + "}", zeros(32))),
                row("a JWE-shaped token", Config.HS256_AND_JWKS_FILE, "eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d"),
                row("four segments", Config.HS256, hs256(claims()) + ".x"),
                row("two segments", Config.HS256, "eyJhbGciOiJIUzI1NiJ9.e30"),
                row("an empty header segment", Config.HS256, withHeader(hs256(claims()), "")),
                row("a header that is not JSON", Config.HS256, withHeader(hs256(claims()), Base64URL.encode("not json").toString())),
                row("a payload that is not JSON", Config.HS256, raw("{\"alg\":\"HS256\"}", "[1,2]", zeros(32))),
                row("padding characters", Config.HS256, hs256(claims()) + "=="),
                row("whitespace inside", Config.HS256, hs256(claims()).replaceFirst("\\.", ". ")),
                row("non-ASCII characters", Config.HS256, hs256(claims()).replaceFirst("\\.", ".é")),
                row("dots only", Config.HS256, ".."),
                row("an empty token", Config.HS256, ""),
                row("a word", Config.HS256, "token"),

                // Claims, on validly signed tokens.
                row("expired beyond the skew", Config.HS256, ErrorCode.AUTH_TOKEN_EXPIRED, hs256(claims(c -> c.expirationTime(at(-61))))),
                row("expired a day ago", Config.JWKS_FILE, ErrorCode.AUTH_TOKEN_EXPIRED, rs256(claims(c -> c.expirationTime(at(-86_400))))),
                row("nbf in the future beyond the skew", Config.HS256, hs256(claims(c -> c.notBeforeTime(at(61))))),
                row("no exp", Config.HS256, hs256(claims(c -> c.expirationTime(null)))),
                row("exp as a string", Config.HS256, signRawClaims("{\"sub\":\"" + USER + "\",\"org\":\"" + ORG + "\",\"role\":\"org_admin\",\"exp\":\"9999999999\"}")),
                row("wrong iss", Config.HS256_WITH_ISS_AND_AUD, hs256(claims(c -> c.issuer("https://evil.example").audience(AUDIENCE)))),
                row("no iss", Config.HS256_WITH_ISS_AND_AUD, hs256(claims(c -> c.audience(AUDIENCE)))),
                row("wrong aud", Config.HS256_WITH_ISS_AND_AUD, hs256(claims(c -> c.issuer(ISSUER).audience("someone-else")))),
                row("no aud", Config.HS256_WITH_ISS_AND_AUD, hs256(claims(c -> c.issuer(ISSUER)))),
                row("no sub", Config.HS256, hs256(claims(c -> c.subject(null)))),
                row("sub not a UUID", Config.HS256, hs256(claims(c -> c.subject("alice")))),
                row("sub a loose UUID", Config.HS256, hs256(claims(c -> c.subject("1-1-1-1-1")))),
                row("sub a UUID in braces", Config.HS256, hs256(claims(c -> c.subject("{" + USER + "}")))),
                row("sub a UUID without dashes", Config.HS256, hs256(claims(c -> c.subject(USER.toString().replace("-", ""))))),
                row("sub a number", Config.HS256, signRawClaims("{\"sub\":42,\"org\":\"" + ORG + "\",\"role\":\"org_admin\",\"exp\":" + at(300).getTime() / 1000 + "}")),
                row("no org", Config.HS256, hs256(claims(c -> c.claim("org", null)))),
                row("org not a UUID", Config.HS256, hs256(claims(c -> c.claim("org", "acme")))),
                row("account not a UUID", Config.HS256, hs256(claims(c -> c.claim("org", null).claim("account", "acme")))),
                row("org and account naming different orgs", Config.HS256, hs256(claims(c -> c.claim("account", UUID.randomUUID().toString())))),
                row("org as an object", Config.HS256, hs256(claims(c -> c.claim("org", Map.of("id", ORG.toString()))))),
                row("no role", Config.HS256, hs256(claims(c -> c.claim("role", null)))),
                row("role as a list", Config.HS256, hs256(claims(c -> c.claim("role", List.of("org_admin"))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void attack_tokens_are_rejected_with_the_contract_code(Config config, ErrorCode expected, String token) {
        DomainException e = assertThrows(DomainException.class, () -> config.authenticator().authenticate(token));

        assertEquals(expected, e.errorCode());
        assertSafeMessage(e);
    }

    @Test
    void jku_and_x5u_headers_are_never_fetched() throws Exception {
        AtomicInteger contacts = new AtomicInteger();
        HttpServer attacker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        attacker.createContext("/", exchange -> {
            contacts.incrementAndGet();
            byte[] body = new JWKSet(ATTACKER_RSA.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        attacker.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + attacker.getAddress().getPort());
            List<String> tokens = List.of(
                    sign(header(JWSAlgorithm.RS256).jwkURL(base.resolve("/jwks.json")).build(), claims(), rsaSigner(ATTACKER_RSA)),
                    sign(header(JWSAlgorithm.RS256).keyID("attacker").jwkURL(base.resolve("/jwks.json")).build(), claims(), rsaSigner(ATTACKER_RSA)),
                    sign(header(JWSAlgorithm.RS256).x509CertURL(base.resolve("/cert.pem")).build(), claims(), rsaSigner(ATTACKER_RSA)),
                    sign(header(JWSAlgorithm.HS256).jwkURL(base.resolve("/jwks.json")).build(), claims(), macSigner(new byte[32])));
            for (Config config : List.of(Config.JWKS_FILE, Config.HS256_AND_JWKS_FILE)) {
                for (String token : tokens) {
                    DomainException e = assertThrows(DomainException.class, () -> config.authenticator().authenticate(token));
                    assertEquals(ErrorCode.AUTH_INVALID_TOKEN, e.errorCode());
                }
            }
            assertEquals(0, contacts.get(), "the attacker's server was contacted");
        } finally {
            attacker.stop(0);
        }
    }

    @Test
    void no_mutation_of_a_valid_token_escapes_as_anything_but_a_domain_exception() {
        JwtAuthenticator authenticator = Config.HS256_AND_JWKS_FILE.authenticator();
        for (String valid : List.of(rs256(claims()), es256(claims()), hs256(claims()))) {
            for (int i = 0; i < valid.length(); i++) {
                for (char replacement : new char[] {'A', '_', '.', '%', '\0'}) {
                    String mutated = valid.substring(0, i) + replacement + valid.substring(i + 1);
                    try {
                        authenticator.authenticate(mutated);
                    } catch (DomainException e) {
                        assertSafeMessage(e);
                    } catch (RuntimeException | Error e) {
                        fail("mutation at " + i + " escaped as " + e);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- JWKS URL

    @Test
    void a_jwks_url_is_fetched_once_cached_and_its_last_good_keys_survive_an_outage() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        AtomicReference<String> jwks = new AtomicReference<>(new JWKSet(List.of(RSA.toPublicJWK(), EC.toPublicJWK())).toString());
        HttpServer server = jwksServer(fetches, jwks);
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
        JwtAuthenticator authenticator = new JwtAuthenticator(JwtSettings.jwksUrl(url).withJwksCacheTtl(Duration.ofSeconds(1)), CLOCK);
        try {
            authenticator.authenticate(rs256(claims()));
            authenticator.authenticate(es256(claims()));
            authenticator.authenticate(rs256(claims()));
            assertEquals(1, fetches.get(), "keys are cached between tokens");
        } finally {
            server.stop(0);
        }

        Thread.sleep(1_300); // past the cache time: the next token makes the cache refresh, which fails

        assertEquals(new UserId(USER), authenticator.authenticate(rs256(claims())).userId());
        assertEquals(new UserId(USER), authenticator.authenticate(es256(claims())).userId());
        DomainException e = assertThrows(DomainException.class,
                () -> authenticator.authenticate(sign(header(JWSAlgorithm.RS256).keyID("rsa-1").build(), claims(), rsaSigner(ATTACKER_RSA))));
        assertEquals(ErrorCode.AUTH_INVALID_TOKEN, e.errorCode());
    }

    @Test
    void a_jwks_url_picks_up_rotated_keys_after_the_cache_time() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        AtomicReference<String> jwks = new AtomicReference<>(new JWKSet(RSA.toPublicJWK()).toString());
        HttpServer server = jwksServer(fetches, jwks);
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
            JwtAuthenticator authenticator = new JwtAuthenticator(JwtSettings.jwksUrl(url).withJwksCacheTtl(Duration.ofSeconds(1)), CLOCK);
            authenticator.authenticate(rs256(claims()));
            RSAKey rotated = generateRsa("rsa-2");
            jwks.set(new JWKSet(List.of(RSA.toPublicJWK(), rotated.toPublicJWK())).toString());

            Thread.sleep(1_300);

            authenticator.authenticate(sign(header(JWSAlgorithm.RS256).keyID("rsa-2").build(), claims(), rsaSigner(rotated)));
            assertEquals(2, fetches.get());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void a_jwks_url_that_never_answered_makes_tokens_unverifiable_for_now_not_invalid() throws Exception {
        HttpServer server = jwksServer(new AtomicInteger(), new AtomicReference<>("{}"));
        int port = server.getAddress().getPort();
        server.stop(0);
        JwtAuthenticator authenticator = new JwtAuthenticator(JwtSettings.jwksUrl(URI.create("http://127.0.0.1:" + port + "/jwks")), CLOCK);

        DomainException e = assertThrows(DomainException.class, () -> authenticator.authenticate(rs256(claims())));

        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, e.errorCode());
        assertSafeMessage(e);
    }

    @Test
    void a_jwks_url_serving_garbage_gives_no_keys_and_no_library_text() throws Exception {
        HttpServer server = jwksServer(new AtomicInteger(), new AtomicReference<>("<html>oops</html>"));
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
            JwtAuthenticator authenticator = new JwtAuthenticator(JwtSettings.jwksUrl(url), CLOCK);

            DomainException e = assertThrows(DomainException.class, () -> authenticator.authenticate(rs256(claims())));

            assertEquals(ErrorCode.SERVICE_UNAVAILABLE, e.errorCode());
            assertSafeMessage(e);
        } finally {
            server.stop(0);
        }
    }

    // ---------------------------------------------------------------- minting

    @Test
    void minted_tokens_are_accepted_by_an_authenticator_with_the_same_settings() {
        JwtSettings settings = JwtSettings.hs256(SECRET).withIssuer(ISSUER).withAudience(AUDIENCE);
        JwtMinter minter = new JwtMinter(settings, CLOCK);

        Actor admin = new JwtAuthenticator(settings, CLOCK).authenticate(minter.mint(new UserId(USER), new OrgId(ORG), Role.ORG_ADMIN, Duration.ofHours(1)));
        Actor stranger = new JwtAuthenticator(settings, CLOCK).authenticate(minter.mint(new UserId(USER), new OrgId(ORG), "auditor", Duration.ofHours(1)));

        assertEquals(Optional.of(Role.ORG_ADMIN), admin.role());
        assertEquals(Set.of(), stranger.permissions());
    }

    @Test
    void minted_tokens_expire_after_their_lifetime_plus_the_skew() {
        JwtMinter minter = new JwtMinter(JwtSettings.hs256(SECRET), CLOCK);
        String token = minter.mint(new UserId(USER), new OrgId(ORG), Role.ORG_MEMBER, Duration.ofMinutes(5));

        new JwtAuthenticator(JwtSettings.hs256(SECRET), Clock.offset(CLOCK, Duration.ofMinutes(6))).authenticate(token);
        DomainException e = assertThrows(DomainException.class, () ->
                new JwtAuthenticator(JwtSettings.hs256(SECRET), Clock.offset(CLOCK, Duration.ofMinutes(6).plusSeconds(1))).authenticate(token));
        assertEquals(ErrorCode.AUTH_TOKEN_EXPIRED, e.errorCode());
    }

    @Test
    void minting_with_explicit_issuer_and_audience_overrides_the_settings() {
        JwtMinter minter = new JwtMinter(JwtSettings.hs256(SECRET).withIssuer(ISSUER), CLOCK);
        String token = minter.mint(new UserId(USER), new OrgId(ORG), "org_admin", Duration.ofMinutes(5), Optional.of("other"), Optional.empty());

        DomainException e = assertThrows(DomainException.class, () -> Config.HS256_WITH_ISS_AND_AUD.authenticator().authenticate(token));
        assertEquals(ErrorCode.AUTH_INVALID_TOKEN, e.errorCode());
        Config.HS256.authenticator().authenticate(token);
    }

    @Test
    void a_minter_needs_a_secret() {
        assertThrows(IllegalArgumentException.class, () -> new JwtMinter(JwtSettings.jwksFile(jwksFile), CLOCK));
    }

    // ---------------------------------------------------------------- helpers

    static Arguments row(String name, Config config, String token) {
        return row(name, config, ErrorCode.AUTH_INVALID_TOKEN, token);
    }

    static Arguments row(String name, Config config, ErrorCode expected, String token) {
        return Arguments.of(Named.of(name + " [" + config + "]", config), expected, token);
    }

    static void assertSafeMessage(DomainException e) {
        String message = e.getMessage();
        assertTrue(message != null && !message.isBlank() && message.length() <= 60, "message: " + message);
        for (String leak : List.of("nimbus", "Exception", "JOSE", "JWS", "Signed JWT", "com.", "java.", "http", "/")) {
            assertFalse(message.contains(leak), "message leaks library text: " + message);
        }
    }

    static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .subject(USER.toString())
                .claim("org", ORG.toString())
                .claim("role", "org_member")
                .issueTime(Date.from(NOW))
                .expirationTime(at(300));
    }

    static JWTClaimsSet.Builder claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(claims());
    }

    static Date at(int secondsFromNow) {
        return Date.from(NOW.plusSeconds(secondsFromNow));
    }

    static JWSHeader.Builder header(JWSAlgorithm algorithm) {
        return new JWSHeader.Builder(algorithm);
    }

    static String hs256(JWTClaimsSet.Builder claims) {
        return sign(header(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims, macSigner(SECRET));
    }

    static String rs256(JWTClaimsSet.Builder claims) {
        return sign(header(JWSAlgorithm.RS256).keyID(RSA.getKeyID()).build(), claims, rsaSigner(RSA));
    }

    static String es256(JWTClaimsSet.Builder claims) {
        return sign(header(JWSAlgorithm.ES256).keyID(EC.getKeyID()).build(), claims, ecSigner(EC));
    }

    static String sign(JWSHeader.Builder header, JWTClaimsSet.Builder claims, JWSSigner signer) {
        return sign(header.build(), claims, signer);
    }

    static String sign(JWSHeader header, JWTClaimsSet.Builder claims, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** HS256 over a hand-written payload, for claims the builder cannot express. */
    static String signRawClaims(String payloadJson) {
        String signingInput = Base64URL.encode("{\"alg\":\"HS256\"}") + "." + Base64URL.encode(payloadJson);
        try {
            Base64URL signature = macSigner(SECRET).sign(new JWSHeader(JWSAlgorithm.HS256), signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + signature;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String raw(String headerJson, String payloadJson, String signature) {
        return Base64URL.encode(headerJson) + "." + Base64URL.encode(payloadJson) + "." + signature;
    }

    static String json(JWTClaimsSet claims) {
        return claims.toString();
    }

    static String zeros(int bytes) {
        return Base64URL.encode(new byte[bytes]).toString();
    }

    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    static Object nestedList(int depth) {
        Object value = List.of();
        for (int i = 0; i < depth; i++) {
            value = List.of(value);
        }
        return value;
    }

    static String withSignature(String token, String signature) {
        return token.substring(0, token.lastIndexOf('.') + 1) + signature;
    }

    static String withHeader(String token, String header) {
        return header + token.substring(token.indexOf('.'));
    }

    static String spliceSignature(String token, String signatureDonor) {
        return withSignature(token, signatureDonor.substring(signatureDonor.lastIndexOf('.') + 1));
    }

    static String flipSignatureByte(String token) {
        byte[] signature = Base64URL.from(token.substring(token.lastIndexOf('.') + 1)).decode();
        signature[signature.length / 2] ^= 0x01;
        return withSignature(token, Base64URL.encode(signature).toString());
    }

    static byte[] pem(RSAKey key) throws JOSEException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.toRSAPublicKey().getEncoded());
        return ("-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    static HttpServer jwksServer(AtomicInteger fetches, AtomicReference<String> jwks) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            fetches.incrementAndGet();
            byte[] body = jwks.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    static MACSigner macSigner(byte[] secret) {
        try {
            return new MACSigner(secret);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSASSASigner rsaSigner(RSAKey key) {
        try {
            return new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static ECDSASigner ecSigner(ECKey key) {
        try {
            return new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAKey generateRsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static ECKey generateEc(Curve curve, String kid) {
        try {
            return new ECKeyGenerator(curve).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
