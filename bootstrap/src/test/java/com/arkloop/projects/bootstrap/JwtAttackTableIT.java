package com.arkloop.projects.bootstrap;

import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertError;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.arkloop.projects.adapters.http.testing.ApiClient;
import com.arkloop.projects.adapters.http.testing.ApiResponse;
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
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile JWTs against the real server: HS256 with a shared secret and RS256/ES256 keys from a JWKS
 * file, issuer and audience configured. Each row is one token; each must get 401 with the contract's
 * code (never 500, never 200), through the full stack on PostgreSQL.
 */
class JwtAttackTableIT {

    static final String ISSUER = "https://id.example.test";
    static final String AUDIENCE = "arkloop-projects";
    static final String SUB = UUID.randomUUID().toString();
    static final String ORG = UUID.randomUUID().toString();
    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    static RSAKey rsa;
    static ECKey ec;
    static RSAKey attackerRsa;
    static HttpServer keyServer;
    static final AtomicInteger keyServerHits = new AtomicInteger();

    @TempDir
    static Path dataDir;
    static ArkloopServer server;
    static ApiClient client;

    @BeforeAll
    static void start() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        attackerRsa = new RSAKeyGenerator(2048).keyID("attacker").generate();
        Path jwks = dataDir.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString());

        // A key server the attacker controls: jku/x5u point here, and nothing may ever fetch from it.
        keyServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keyServer.createContext("/", exchange -> {
            keyServerHits.incrementAndGet();
            byte[] body = new JWKSet(attackerRsa.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keyServer.start();

        server = ArkloopServer.start(TestServers.settings(dataDir.resolve("server"), Map.of(
                "ARKLOOP_AUTH_JWT_SECRET", TestServers.SECRET,
                "ARKLOOP_AUTH_JWKS_FILE", jwks.toString(),
                "ARKLOOP_AUTH_JWT_ISSUER", ISSUER,
                "ARKLOOP_AUTH_JWT_AUDIENCE", AUDIENCE)));
        client = TestServers.client(server);
    }

    @AfterAll
    static void stop() {
        server.close();
        keyServer.stop(0);
    }

    // ---------------------------------------------------------------- token building

    static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(SUB).claim("org", ORG).claim("role", "org_member")
                .issuer(ISSUER).audience(AUDIENCE).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)));
    }

    static JWSHeader.Builder header(JWSAlgorithm algorithm) {
        return new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT);
    }

    static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static String hs256(JWTClaimsSet.Builder claims) {
        return sign(header(JWSAlgorithm.HS256).build(), claims.build(), mac(TestServers.SECRET.getBytes(StandardCharsets.UTF_8)));
    }

    static String rs256(JWSHeader.Builder header, JWTClaimsSet.Builder claims, RSAKey key) {
        try {
            return sign(header.build(), claims.build(), new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static MACSigner mac(byte[] secret) {
        try {
            return new MACSigner(secret);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A compact JWS assembled by hand, for headers and signatures no library would produce. */
    static String compact(String headerJson, String payloadJson, byte[] signature) {
        return b64(headerJson) + "." + b64(payloadJson) + "." + B64.encodeToString(signature);
    }

    static String payload() {
        return claims().build().toString();
    }

    /** HMAC-SHA256 over the signing input with raw key bytes (any length, including keys MACSigner refuses). */
    static String hmacSigned(String headerJson, String payloadJson, byte[] key) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String flipLastSignatureChar(String token) {
        char last = token.charAt(token.length() - 2);
        return token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
    }

    /** The valid claims plus {@code "nest": [[[...]]]}, {@code depth} levels deep. */
    static String withNestedClaim(int depth) {
        return "{\"nest\":" + nested(depth) + "," + payload().substring(1);
    }

    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    // ---------------------------------------------------------------- the table

    static Arguments row(String name, String code, Supplier<String> token) {
        return Arguments.of(name, code, token);
    }

    static Stream<Arguments> attacks() {
        String invalid = "auth.invalid_token";
        return Stream.of(
                row("alg none", invalid, () -> compact("{\"alg\":\"none\",\"typ\":\"JWT\"}", payload(), new byte[0])),
                row("alg None", invalid, () -> compact("{\"alg\":\"None\",\"typ\":\"JWT\"}", payload(), new byte[0])),
                row("alg NONE", invalid, () -> compact("{\"alg\":\"NONE\",\"typ\":\"JWT\"}", payload(), new byte[0])),
                row("alg nOnE with a signature", invalid, () -> compact("{\"alg\":\"nOnE\",\"typ\":\"JWT\"}", payload(), new byte[32])),
                row("alg none, no signature segment", invalid, () -> b64("{\"alg\":\"none\"}") + "." + b64(payload())),
                row("HS256 signed with the RSA public key (key confusion), kid of the RSA key", invalid,
                        () -> hmacSigned("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"rsa-1\"}", payload(),
                                rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8))),
                row("HS256 signed with the RSA public key in PEM-like DER bytes", invalid,
                        () -> hmacSigned("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"rsa-1\"}", payload(),
                                publicKeyDer())),
                row("HS512, an algorithm outside the allowed set", invalid,
                        () -> sign(header(JWSAlgorithm.HS512).build(), claims().build(), mac(new byte[64]))),
                row("RS512 with the configured RSA key", invalid,
                        () -> rs256(header(JWSAlgorithm.RS512).keyID("rsa-1"), claims(), rsa)),
                row("PS256 with the configured RSA key", invalid,
                        () -> rs256(header(JWSAlgorithm.PS256).keyID("rsa-1"), claims(), rsa)),
                row("HS256 with a bad signature", invalid, () -> flipLastSignatureChar(hs256(claims()))),
                row("RS256 with a bad signature", invalid,
                        () -> flipLastSignatureChar(rs256(header(JWSAlgorithm.RS256).keyID("rsa-1"), claims(), rsa))),
                row("RS256 signed by another key, kid of the configured one", invalid,
                        () -> rs256(header(JWSAlgorithm.RS256).keyID("rsa-1"), claims(), attackerRsa)),
                row("HS256 with an empty signature", invalid, () -> {
                    String valid = hs256(claims());
                    return valid.substring(0, valid.lastIndexOf('.') + 1);
                }),
                row("RS256 with an empty signature", invalid, () -> {
                    String valid = rs256(header(JWSAlgorithm.RS256).keyID("rsa-1"), claims(), rsa);
                    return valid.substring(0, valid.lastIndexOf('.') + 1);
                }),
                row("ES256 with an all-zero signature (CVE-2022-21449)", invalid,
                        () -> compact("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"ec-1\"}", payload(), new byte[64])),
                row("ES256 with r = s = 0 in DER", invalid,
                        () -> compact("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"ec-1\"}", payload(),
                                new byte[] {0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00})),
                row("expired beyond the 60 s skew", "auth.token_expired", () -> hs256(claims()
                        .expirationTime(Date.from(Instant.now().minusSeconds(120))))),
                row("expired long ago, RS256", "auth.token_expired", () -> rs256(header(JWSAlgorithm.RS256).keyID("rsa-1"),
                        claims().expirationTime(Date.from(Instant.now().minusSeconds(86_400))), rsa)),
                row("nbf in the future beyond the skew", invalid, () -> hs256(claims()
                        .notBeforeTime(Date.from(Instant.now().plusSeconds(300))))),
                row("no exp", invalid, () -> hs256(claims().expirationTime(null))),
                row("exp as a string", invalid, () -> hmacSigned("{\"alg\":\"HS256\"}",
                        payload().replaceFirst("\"exp\":\\d+", "\"exp\":\"tomorrow\""), TestServers.SECRET.getBytes(StandardCharsets.UTF_8))),
                row("wrong iss", invalid, () -> hs256(claims().issuer("https://evil.example.test"))),
                row("no iss", invalid, () -> hs256(claims().issuer(null))),
                row("wrong aud", invalid, () -> hs256(claims().audience("someone-else"))),
                row("no aud", invalid, () -> hs256(claims().audience((String) null))),
                row("kid with SQL text, RS256 by an attacker key", invalid,
                        () -> rs256(header(JWSAlgorithm.RS256).keyID("x' UNION SELECT 'attacker' --"), claims(), attackerRsa)),
                row("kid with SQL text, HS256 with the injected value as secret", invalid,
                        () -> hmacSigned("{\"alg\":\"HS256\",\"kid\":\"x' UNION SELECT 'secret' --\"}", payload(),
                                "secret".getBytes(StandardCharsets.UTF_8))),
                row("kid naming /dev/null, HS256 with an empty key", invalid,
                        () -> hmacSigned("{\"alg\":\"HS256\",\"kid\":\"../../../../../../dev/null\"}", payload(), new byte[64])),
                row("kid naming a file path, RS256 by an attacker key", invalid,
                        () -> rs256(header(JWSAlgorithm.RS256).keyID("/etc/passwd"), claims(), attackerRsa)),
                row("jku pointing at the attacker's keys", invalid,
                        () -> rs256(header(JWSAlgorithm.RS256).keyID("attacker").jwkURL(keyServerUri("/jwks.json")), claims(), attackerRsa)),
                row("x5u pointing at the attacker's server", invalid,
                        () -> rs256(header(JWSAlgorithm.RS256).keyID("attacker").x509CertURL(keyServerUri("/cert.pem")), claims(), attackerRsa)),
                row("embedded jwk header with the attacker's key", invalid,
                        () -> rs256(header(JWSAlgorithm.RS256).jwk(attackerRsa.toPublicJWK()), claims(), attackerRsa)),
                row("header over 8 KiB", invalid,
                        () -> sign(header(JWSAlgorithm.HS256).customParam("pad", "x".repeat(8 * 1024)).build(), claims().build(),
                                mac(TestServers.SECRET.getBytes(StandardCharsets.UTF_8)))),
                row("deeply nested claims, bad signature", invalid,
                        () -> hmacSigned("{\"alg\":\"HS256\"}", withNestedClaim(2000), new byte[32])),
                row("deeply nested claims, good signature", invalid,
                        () -> hmacSigned("{\"alg\":\"HS256\"}", withNestedClaim(2000),
                                TestServers.SECRET.getBytes(StandardCharsets.UTF_8))),
                row("deeply nested header", invalid,
                        () -> compact("{\"alg\":\"HS256\",\"x\":" + nested(2000) + "}", payload(), new byte[32])),
                row("non-UUID sub", invalid, () -> hs256(claims().subject("admin"))),
                row("sub as a number", invalid, () -> hs256(claims().claim("sub", 42))),
                row("missing org", invalid, () -> hs256(claims().claim("org", null))),
                row("non-UUID org", invalid, () -> hs256(claims().claim("org", "acme"))),
                row("org and account disagree", invalid, () -> hs256(claims().claim("account", UUID.randomUUID().toString()))),
                row("no role", invalid, () -> hs256(claims().claim("role", null))),
                row("not a JWT at all", invalid, () -> "definitely-not-a-jwt"),
                row("four segments", invalid, () -> hs256(claims()) + ".extra"),
                row("JWE-shaped, five segments", invalid, () -> "eyJhbGciOiJkaXIifQ....x"));
    }

    static URI keyServerUri(String path) {
        return URI.create("http://127.0.0.1:" + keyServer.getAddress().getPort() + path);
    }

    static byte[] publicKeyDer() {
        try {
            return rsa.toRSAPublicKey().getEncoded();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} -> 401 {1}")
    @MethodSource("attacks")
    void every_attack_is_a_401_with_the_contract_code(String name, String code, Supplier<String> token) {
        ApiResponse response = client.get("/v1/projects", token.get());

        assertError(response, 401, code);
        assertEquals("Bearer", response.header("WWW-Authenticate"));
    }

    @Test
    void the_attacker_key_server_is_never_contacted() {
        attacks().forEach(row -> client.get("/v1/projects", ((Supplier<?>) row.get()[2]).get().toString()));

        assertEquals(0, keyServerHits.get());
    }

    @Test
    void well_formed_tokens_of_every_configured_kind_are_accepted_so_the_rows_above_fail_for_their_own_reason() {
        assertJson(client.get("/v1/projects", hs256(claims())), 200);
        assertJson(client.get("/v1/projects", rs256(header(JWSAlgorithm.RS256).keyID("rsa-1"), claims(), rsa)), 200);
        try {
            assertJson(client.get("/v1/projects", sign(header(JWSAlgorithm.ES256).keyID("ec-1").build(), claims().build(),
                    new ECDSASigner(ec))), 200);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        assertJson(client.get("/v1/projects", hs256(claims().expirationTime(Date.from(Instant.now().minusSeconds(30))))), 200);
    }

    @Test
    void a_valid_token_in_the_query_string_is_ignored() {
        String token = hs256(claims());
        for (String query : List.of("access_token", "token", "jwt", "authorization")) {
            assertError(client.get("/v1/projects?" + query + "=" + token, null), 401, "auth.missing_token");
        }
    }
}
