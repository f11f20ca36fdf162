package com.arkloop.projects.domain;

/**
 * Every expected failure, with the stable code clients see. Adapters map codes to their own
 * vocabulary (HTTP statuses) in exactly one place.
 */
public enum ErrorCode {
    AUTH_MISSING_TOKEN("auth.missing_token"),
    AUTH_INVALID_AUTHORIZATION("auth.invalid_authorization"),
    AUTH_INVALID_TOKEN("auth.invalid_token"),
    AUTH_TOKEN_EXPIRED("auth.token_expired"),
    AUTH_INVALID_API_KEY("auth.invalid_api_key"),
    FORBIDDEN("auth.forbidden"),
    /** A request body (or a value in it) is invalid. */
    VALIDATION_FAILED("validation.error"),
    /** A query parameter is invalid; same wire code as {@link #VALIDATION_FAILED}, different status. */
    INVALID_PARAMETER("validation.error"),
    REQUEST_TOO_LARGE("request.too_large"),
    PROJECT_NOT_FOUND("projects.not_found"),
    TEAM_NOT_FOUND("teams.not_found"),
    SERVICE_UNAVAILABLE("service.unavailable");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    /** The code as clients see it, e.g. {@code projects.not_found}. */
    public String code() {
        return code;
    }
}
