package com.arkloop.projects.adapters.http;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRoutingApi;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP responses: error codes map to statuses here and nowhere
 * else. Bodies carry only our own codes and messages; library messages, causes and stack traces go to
 * the log, under the request's trace id.
 */
final class ErrorResponses {

    static final String NOT_FOUND = "http.not_found";
    static final String METHOD_NOT_ALLOWED = "http.method_not_allowed";
    static final String BAD_REQUEST = "http.bad_request";
    static final String INTERNAL = "internal.error";
    static final String INTERNAL_MESSAGE = "internal server error";
    /** Long enough for a pool to free a connection or a database to come back, short enough to matter. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {
    }

    static void register(JavalinDefaultRoutingApi routes) {
        routes.exception(DomainException.class, ErrorResponses::domain);
        routes.exception(HttpResponseException.class, ErrorResponses::routing);
        routes.exception(Exception.class, ErrorResponses::unexpected);
    }

    static int status(ErrorCode code) {
        return switch (code) {
            case AUTH_MISSING_TOKEN, AUTH_INVALID_AUTHORIZATION, AUTH_INVALID_TOKEN, AUTH_TOKEN_EXPIRED,
                 AUTH_INVALID_API_KEY -> 401;
            case FORBIDDEN, API_KEY_SCOPE_FORBIDDEN -> 403;
            case INVALID_PARAMETER, WORKSPACE_INVALID_PATH, WORKSPACE_INVALID_ARCHIVE -> 400;
            case VALIDATION_FAILED -> 422;
            case PROJECT_NOT_FOUND, TEAM_NOT_FOUND, WORKSPACE_FILE_NOT_FOUND, WORKSPACE_REVISION_NOT_FOUND,
                 SESSION_NOT_FOUND, API_KEY_NOT_FOUND -> 404;
            case WORKSPACE_REVISION_CONFLICT -> 409;
            case REQUEST_TOO_LARGE -> 413;
            case WORKSPACE_RANGE_NOT_SATISFIABLE -> 416;
            case SERVICE_UNAVAILABLE -> 503;
        };
    }

    private static void domain(DomainException failure, Context ctx) {
        int status = status(failure.errorCode());
        if (status == 503) {
            LOG.warn("503 {} {} trace_id={}", ctx.method(), ctx.path(), TraceIds.of(ctx), failure);
            ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        } else {
            LOG.debug("{} {} {} trace_id={}: {}", status, ctx.method(), ctx.path(), TraceIds.of(ctx), failure.getMessage());
        }
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        write(ctx, status, failure.errorCode().code(), failure.getMessage(), failure.details());
    }

    /** What Javalin itself throws: no route for the path (404), or none for the method (405). */
    private static void routing(HttpResponseException failure, Context ctx) {
        switch (failure.getStatus()) {
            case 404 -> write(ctx, 404, NOT_FOUND, "no such route", Map.of());
            case 405 -> {
                ctx.header("Allow", failure.getDetails().getOrDefault("availableMethods", ""));
                write(ctx, 405, METHOD_NOT_ALLOWED, "method not allowed on this route", Map.of());
            }
            case 413 -> write(ctx, 413, ErrorCode.REQUEST_TOO_LARGE.code(), "request body too large", Map.of());
            default -> {
                if (failure.getStatus() >= 400 && failure.getStatus() < 500) {
                    write(ctx, failure.getStatus(), BAD_REQUEST, "bad request", Map.of());
                } else {
                    unexpected(failure, ctx);
                }
            }
        }
    }

    private static void unexpected(Exception failure, Context ctx) {
        LOG.error("500 {} {} trace_id={}", ctx.method(), ctx.path(), TraceIds.of(ctx), failure);
        write(ctx, 500, INTERNAL, INTERNAL_MESSAGE, Map.of());
    }

    /** For a {@link Error} (out of memory, stack overflow), which Javalin hands over without a context. */
    static void fatal(HttpServletResponse response, Error failure) {
        String traceId = response.getHeader(TraceIds.HEADER);
        if (traceId == null) {
            traceId = TraceIds.random();
            response.setHeader(TraceIds.HEADER, traceId);
        }
        LOG.error("500 trace_id={}", traceId, failure);
        try {
            response.setStatus(500);
            response.setContentType(Json.CONTENT_TYPE);
            response.getOutputStream().write(Json.bytes(new ErrorBody(INTERNAL, INTERNAL_MESSAGE, traceId, Map.of())));
        } catch (IOException | IllegalStateException tooLate) {
            LOG.debug("could not write the 500 response", tooLate);
        }
    }

    static void write(Context ctx, int status, String code, String message, Map<String, String> details) {
        Json.write(ctx, status, new ErrorBody(code, message, TraceIds.of(ctx), details));
    }
}
