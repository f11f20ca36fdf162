package com.arkloop.projects.domain;

import java.util.Map;
import java.util.Objects;

/**
 * An expected failure. The message is safe to show to a client; {@code details} names offending
 * fields (field name to a short human message) and is empty when there is nothing to add.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode errorCode;
    private final Map<String, String> details;

    public DomainException(ErrorCode errorCode, String message) {
        this(errorCode, message, Map.of());
    }

    public DomainException(ErrorCode errorCode, String message, Map<String, String> details) {
        this(errorCode, message, details, null);
    }

    public DomainException(ErrorCode errorCode, String message, Map<String, String> details, Throwable cause) {
        super(message, cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.details = Map.copyOf(details);
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public Map<String, String> details() {
        return details;
    }

    /** A 422 naming one invalid field of a request body. */
    public static DomainException invalidField(String field, String problem) {
        return new DomainException(ErrorCode.VALIDATION_FAILED, "request validation failed", Map.of(field, problem));
    }

    /** A 400 naming one invalid query parameter. */
    public static DomainException invalidParameter(String parameter, String problem) {
        return new DomainException(ErrorCode.INVALID_PARAMETER, "invalid query parameter", Map.of(parameter, problem));
    }
}
