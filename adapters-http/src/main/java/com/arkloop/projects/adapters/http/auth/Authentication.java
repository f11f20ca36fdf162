package com.arkloop.projects.adapters.http.auth;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.access.Actor;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the caller from the {@code Authorization} header, and only from there: a token in a query string
 * would end up in access logs and browser histories, so it is never looked at. A token starting with
 * {@code ak-} is an API key and goes to the API-key authenticator (a malformed one included, so it gets
 * {@code auth.invalid_api_key}); anything else goes to the JWT authenticator.
 */
public final class Authentication {

    /** RFC 6750: the scheme (any case), one or more spaces, then a token without white space. */
    private static final Pattern BEARER = Pattern.compile("(?i:bearer) +(\\S+)");

    static final String API_KEY_PREFIX = "ak-";

    private final TokenAuthenticator tokens;
    private final TokenAuthenticator apiKeys;

    /** Bearer JWTs (or test tokens) only: every {@code ak-} token is refused as {@code auth.invalid_api_key}. */
    public Authentication(TokenAuthenticator tokens) {
        this(tokens, key -> {
            throw new DomainException(ErrorCode.AUTH_INVALID_API_KEY, "invalid API key");
        });
    }

    public Authentication(TokenAuthenticator tokens, TokenAuthenticator apiKeys) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
    }

    /**
     * @param authorizationHeaders every value of the {@code Authorization} header, in order
     * @throws DomainException {@code auth.missing_token} without the header, {@code auth.invalid_authorization}
     *         when it is not exactly one {@code Bearer <token>}, or whatever the token authenticator throws
     */
    public Actor authenticate(List<String> authorizationHeaders) {
        if (authorizationHeaders.isEmpty()) {
            throw new DomainException(ErrorCode.AUTH_MISSING_TOKEN, "missing bearer token");
        }
        Matcher bearer = BEARER.matcher(authorizationHeaders.getFirst().strip());
        if (authorizationHeaders.size() > 1 || !bearer.matches()) {
            throw new DomainException(ErrorCode.AUTH_INVALID_AUTHORIZATION, "authorization must be: Bearer <token>");
        }
        String token = bearer.group(1);
        return token.startsWith(API_KEY_PREFIX) ? apiKeys.authenticate(token) : tokens.authenticate(token);
    }
}
