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
    WORKSPACE_INVALID_PATH("workspace_files.invalid_path"),
    WORKSPACE_FILE_NOT_FOUND("workspace_files.not_found"),
    WORKSPACE_RANGE_NOT_SATISFIABLE("workspace_files.range_not_satisfiable"),
    WORKSPACE_REVISION_CONFLICT("workspaces.revision_conflict"),
    WORKSPACE_REVISION_NOT_FOUND("workspaces.revision_not_found"),
    WORKSPACE_INVALID_ARCHIVE("workspaces.invalid_archive"),
    SESSION_NOT_FOUND("sessions.not_found"),
    API_KEY_NOT_FOUND("api_keys.not_found"),
    API_KEY_SCOPE_FORBIDDEN("api_keys.scope_forbidden"),
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
