package com.arkloop.projects.adapters.http;

import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertError;
import static com.arkloop.projects.adapters.http.testing.ApiAssertions.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.arkloop.projects.adapters.http.auth.Authentication;
import com.arkloop.projects.adapters.http.testing.ApiClient;
import com.arkloop.projects.adapters.http.testing.ApiResponse;
import com.arkloop.projects.adapters.http.testing.ApiServer;
import com.arkloop.projects.adapters.http.testing.TestCaller;
import com.arkloop.projects.adapters.http.testing.TestTokens;
import com.arkloop.projects.adapters.http.testing.UseCaseWiring;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticationTest {

    private static final String PROJECT = "/v1/projects/" + UUID.randomUUID();
    private static final String TEAM = "/v1/teams/" + UUID.randomUUID();

    private static ApiServer server;
    private static ApiClient client;
    private final TestCaller member = TestCaller.member(UUID.randomUUID());

    @BeforeAll
    static void start() {
        server = ApiServer.start(UseCaseWiring.inMemory());
        client = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Every /v1 endpoint, with a body where it takes one. */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("POST", "/v1/projects", "{\"name\":\"n\"}"),
                Arguments.of("GET", "/v1/projects", null),
                Arguments.of("GET", PROJECT, null),
                Arguments.of("PATCH", PROJECT, "{\"name\":\"n\"}"),
                Arguments.of("DELETE", PROJECT, null),
                Arguments.of("POST", "/v1/teams", "{\"name\":\"n\"}"),
                Arguments.of("GET", "/v1/teams", null),
                Arguments.of("DELETE", TEAM, null),
                Arguments.of("GET", TEAM + "/members", null),
                Arguments.of("PUT", TEAM + "/members/" + UUID.randomUUID(), null),
                Arguments.of("DELETE", TEAM + "/members/" + UUID.randomUUID(), null));
    }

    private static ApiResponse send(String method, String path, String authorization, String body) {
        return client.send(method, path, body == null ? Map.of() : Map.of("Content-Type", "application/json"),
                authorization, body == null ? null : body.getBytes());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void every_endpoint_needs_a_token(String method, String path, String body) {
        ApiResponse response = send(method, path, null, body);

        assertError(response, 401, "auth.missing_token");
        assertEquals("Bearer", response.header("WWW-Authenticate"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void every_endpoint_refuses_a_malformed_authorization_header(String method, String path, String body) {
        assertError(send(method, path, "Basic dXNlcjpwYXNz", body), 401, "auth.invalid_authorization");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void every_endpoint_refuses_an_invalid_token(String method, String path, String body) {
        assertError(send(method, path, "Bearer not-a-token", body), 401, "auth.invalid_token");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void an_unknown_role_is_forbidden_everywhere(String method, String path, String body) {
        String token = TestTokens.token(UUID.randomUUID(), UUID.randomUUID(), "superuser");

        assertError(send(method, path, "Bearer " + token, body), 403, "auth.forbidden");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer a b", "Token abc", "bearerabc", "", "  "})
    void authorization_values_that_are_not_bearer_and_one_token_are_refused(String authorization) {
        assertError(send("GET", "/v1/projects", authorization, null), 401, "auth.invalid_authorization");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer ", "bearer ", "BEARER ", "bEaReR   "})
    void the_scheme_is_case_insensitive(String scheme) {
        assertJson(send("GET", "/v1/projects", scheme + member.token(), null), 200);
    }

    @Test
    void a_token_in_the_query_string_is_never_accepted() {
        assertError(client.get("/v1/projects?access_token=" + member.token(), null), 401, "auth.missing_token");
        assertError(client.get("/v1/projects?token=" + member.token(), null), 401, "auth.missing_token");
    }

    @Test
    void a_repeated_authorization_header_is_refused() {
        Authentication authentication = new Authentication(new TestTokens());

        DomainException refused = assertThrows(DomainException.class,
                () -> authentication.authenticate(List.of("Bearer " + member.token(), "Bearer " + member.token())));

        assertEquals(ErrorCode.AUTH_INVALID_AUTHORIZATION, refused.errorCode());
    }

    @Test
    void the_token_after_the_scheme_reaches_the_authenticator_unchanged() {
        Authentication authentication = new Authentication(token -> {
            assertEquals("abc.def-ghi_", token);
            throw new DomainException(ErrorCode.AUTH_TOKEN_EXPIRED, "token expired");
        });

        DomainException refused = assertThrows(DomainException.class,
                () -> authentication.authenticate(List.of("  Bearer abc.def-ghi_ ")));

        assertEquals(ErrorCode.AUTH_TOKEN_EXPIRED, refused.errorCode());
    }
}
