package com.arkloop.projects.bootstrap;

import com.arkloop.projects.adapters.http.ApiDependencies;
import com.arkloop.projects.adapters.http.ApiSettings;
import com.arkloop.projects.adapters.http.HttpApi;
import com.arkloop.projects.adapters.http.HttpMetrics;
import com.arkloop.projects.adapters.http.auth.JwtAuthenticator;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the object graph by hand, top to bottom, from the settings, and starts
 * listening. Closing it stops the HTTP server first (in-flight requests finish), then writes the last
 * API-key use times, then closes the backend.
 */
public final class ArkloopServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArkloopServer.class);

    private final Javalin http;
    private final ApiKeyUsageFlusher apiKeyUsage;
    private final Optional<ServerMetrics> metrics;
    private final Backend backend;

    private ArkloopServer(Javalin http, ApiKeyUsageFlusher apiKeyUsage, Optional<ServerMetrics> metrics, Backend backend) {
        this.http = http;
        this.apiKeyUsage = apiKeyUsage;
        this.metrics = metrics;
        this.backend = backend;
    }

    public static ArkloopServer start(Settings settings) {
        var jwt = new JwtAuthenticator(JwtConfiguration.from(settings));
        JwtConfiguration.warnIfDevelopmentSecret(settings);
        Backend backend = Backend.open(settings, Backend.EmbeddedDatabaseUse.START);
        try {
            ApiSettings apiSettings = new ApiSettings(Math.toIntExact(settings.maxBodyBytes()), Duration.ofSeconds(10),
                    settings.maxFileBytes());
            Optional<ServerMetrics> metrics = settings.metricsEnabled()
                    ? Optional.of(new ServerMetrics(backend::poolStats, backend::isStorageAvailable))
                    : Optional.empty();
            Javalin http = HttpApi.create(new ApiDependencies(backend.useCases(), jwt, backend::isReady, apiSettings,
                    metrics.map(HttpMetrics.class::cast)));
            http.start(settings.httpHost(), settings.httpPort());
            ApiKeyUsageFlusher apiKeyUsage = ApiKeyUsageFlusher.start(backend.useCases().flushApiKeyUsage());
            LOG.info("Arkloop Projects listening on http://{}:{}", settings.httpHost(), http.port());
            return new ArkloopServer(http, apiKeyUsage, metrics, backend);
        } catch (RuntimeException failed) {
            backend.close();
            throw failed;
        }
    }

    /** The port the server listens on (useful when configured with port 0). */
    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        http.stop();
        apiKeyUsage.close();
        metrics.ifPresent(ServerMetrics::close);
        backend.close();
        LOG.info("Arkloop Projects stopped");
    }
}
