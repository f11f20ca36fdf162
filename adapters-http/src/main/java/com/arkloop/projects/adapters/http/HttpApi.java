package com.arkloop.projects.adapters.http;

import com.arkloop.projects.adapters.http.auth.Authentication;
import io.javalin.Javalin;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * Builds the REST server: every route of the v1 contract plus {@code /healthz}, {@code /readyz} and
 * {@code /openapi.json}, the error envelope and {@code X-Trace-Id} on every response. The caller starts
 * and stops it; {@code stop()} lets in-flight requests finish for up to the configured shutdown timeout.
 */
public final class HttpApi {

    /**
     * The request line and headers together (Jetty's default is 8 KiB). 12 KiB leaves room for a bearer
     * token somewhat over {@code JwtAuthenticator.MAX_TOKEN_CHARS} (8 KiB), which then gets the
     * contract's 401 rather than a 431, while a request line over 12 KiB is still refused with 414.
     */
    static final int REQUEST_HEADER_BYTES = 12 * 1024;

    private HttpApi() {
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
            // Room for headers with a token over the authenticator's 8 KiB cap, so that such a token
            // gets its 401 auth.invalid_token rather than a 431; larger headers are still 431.
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
            new ProjectRoutes(dependencies.useCases(), access, bodies).register(config.routes);
            new TeamRoutes(dependencies.useCases(), access, bodies).register(config.routes);
            new ApiKeyRoutes(dependencies.useCases(), access, bodies).register(config.routes);
            new WorkspaceRoutes(dependencies.useCases(), access).register(config.routes);
            new WorkspaceWriteRoutes(dependencies.useCases(), access, settings).register(config.routes);
            new SessionRoutes(dependencies.useCases(), access, bodies).register(config.routes);
        });
    }
}
