package com.arkloop.projects.adapters.http;

import com.arkloop.projects.adapters.http.auth.Authentication;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.time.Duration;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * Builds the REST server: every route of the v1 contract plus {@code /healthz}, {@code /readyz},
 * {@code /openapi.json} and (when given {@link HttpMetrics}) {@code /metrics}, the error envelope and {@code X-Trace-Id} on every response. The caller starts
 * and stops it; {@code stop()} lets in-flight requests finish for up to the configured shutdown timeout.
 */
public final class HttpApi {

    /**
     * The request line and headers together (Jetty's default is 8 KiB). 32 KiB holds any valid workspace
     * path percent-encoded in full (up to 3 x 4096 characters) beside a bearer token over
     * {@code JwtAuthenticator.MAX_TOKEN_CHARS} (8 KiB): both then get the contract's own answers (a path
     * over 4096 bytes its 400, such a token its 401) instead of Jetty's 414 or 431.
     */
    static final int REQUEST_HEADER_BYTES = 32 * 1024;

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private HttpApi() {
    }

    /** The template of the route that answered, never the concrete path (ids would explode the series). */
    private static String routeOf(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        return matched == null ? "unmatched" : matched.path;
    }

    /** A configured server, not started: call {@code start(host, port)} on it. */
    public static Javalin create(ApiDependencies dependencies) {
        ApiSettings settings = dependencies.settings();
        Access access = new Access(new Authentication(dependencies.authenticator(),
                dependencies.useCases().authenticateApiKey()::authenticate));
        JsonBodies bodies = new JsonBodies(settings.maxBodyBytes());
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(REQUEST_HEADER_BYTES));
            config.jetty.modifyServer(server -> {
                server.insertHandler(new GracefulHandler());
                server.insertHandler(new ContentTypeSpelling());
                server.setStopTimeout(settings.shutdownTimeout().toMillis());
                server.setErrorHandler(new ServerErrorHandler());
            });
            config.router.javaLangErrorHandler(ErrorResponses::fatal);
            config.routes.before(TraceIds::assign);
            ErrorResponses.register(config.routes);
            new OperationsRoutes(dependencies.readiness()).register(config.routes);
            dependencies.metrics().ifPresent(metrics -> {
                config.requestLogger.http((ctx, millis) -> metrics.recordRequest(ctx.method().name(),
                        routeOf(ctx), ctx.statusCode(), Duration.ofNanos((long) (millis * 1_000_000))));
                config.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
                config.routes.head("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
            });
            new ProjectRoutes(dependencies.useCases(), access, bodies).register(config.routes);
            new TeamRoutes(dependencies.useCases(), access, bodies).register(config.routes);
            new ApiKeyRoutes(dependencies.useCases(), access, bodies).register(config.routes);
            new WorkspaceRoutes(dependencies.useCases(), access).register(config.routes);
            new WorkspaceWriteRoutes(dependencies.useCases(), access, settings).register(config.routes);
            new SessionRoutes(dependencies.useCases(), access, bodies).register(config.routes);
        });
    }
}
