package com.arkloop.projects.adapters.http;

import com.arkloop.projects.domain.ErrorCode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Unauthenticated routes for operators and tools: liveness, readiness and the OpenAPI document. */
final class OperationsRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsRoutes.class);
    private static final String OPENAPI_RESOURCE = "openapi.json";

    private final BooleanSupplier readiness;
    private final Optional<byte[]> openApi;

    OperationsRoutes(BooleanSupplier readiness) {
        this.readiness = readiness;
        this.openApi = loadOpenApi();
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/healthz", this::health);
        routes.head("/healthz", this::health);
        routes.get("/readyz", this::ready);
        routes.head("/readyz", this::ready);
        // Without the document on the class path the route does not exist: 404 http.not_found.
        openApi.ifPresent(document -> {
            routes.get("/openapi.json", ctx -> ctx.contentType(Json.CONTENT_TYPE).result(document));
            routes.head("/openapi.json", ctx -> ctx.contentType(Json.CONTENT_TYPE).result(document));
        });
    }

    private void health(Context ctx) {
        Json.write(ctx, 200, Map.of("status", "ok"));
    }

    private void ready(Context ctx) {
        if (isReady(ctx)) {
            Json.write(ctx, 200, Map.of("status", "ready"));
        } else {
            ctx.header("Retry-After", Integer.toString(ErrorResponses.RETRY_AFTER_SECONDS));
            ErrorResponses.write(ctx, 503, ErrorCode.SERVICE_UNAVAILABLE.code(), "not ready", Map.of());
        }
    }

    private boolean isReady(Context ctx) {
        try {
            return readiness.getAsBoolean();
        } catch (RuntimeException failure) {
            LOG.warn("readiness check failed, trace_id={}", TraceIds.of(ctx), failure);
            return false;
        }
    }

    private static Optional<byte[]> loadOpenApi() {
        try (InputStream in = OperationsRoutes.class.getClassLoader().getResourceAsStream(OPENAPI_RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + OPENAPI_RESOURCE, unreadable);
        }
    }
}
