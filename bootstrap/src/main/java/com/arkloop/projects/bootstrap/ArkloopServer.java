package com.arkloop.projects.bootstrap;

import com.arkloop.projects.adapters.http.ApiDependencies;
import com.arkloop.projects.adapters.http.ApiSettings;
import com.arkloop.projects.adapters.http.HttpApi;
import com.arkloop.projects.adapters.http.auth.JwtAuthenticator;
import com.arkloop.projects.adapters.persistence.PostgresDatabase;
import com.arkloop.projects.adapters.persistence.PostgresSettings;
import com.arkloop.projects.application.ArkloopProjects;
import com.arkloop.projects.domain.workspace.BlobStore;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the object graph by hand, top to bottom, from the settings, and starts
 * listening. Closing it stops the HTTP server first (in-flight requests finish), then the pool, then
 * the embedded database, in the reverse order of their start.
 */
public final class ArkloopServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArkloopServer.class);

    private final Javalin http;
    private final Deque<AutoCloseable> resources;

    private ArkloopServer(Javalin http, Deque<AutoCloseable> resources) {
        this.http = http;
        this.resources = resources;
    }

    public static ArkloopServer start(Settings settings) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            var jwt = new JwtAuthenticator(JwtConfiguration.from(settings));
            JwtConfiguration.warnIfDevelopmentSecret(settings);

            PostgresSettings databaseSettings = databaseSettings(settings, resources);
            PostgresDatabase database = PostgresDatabase.open(databaseSettings);
            resources.push(database);

            BlobStore blobs = BlobStores.open(settings, resources);
            ArkloopProjects useCases = new ArkloopProjects(
                    new ArkloopProjects.Ports(database.projects(), database.teams(), database.workspaces(),
                            database.sessions(), blobs, database.transactions(), database.apiKeys()),
                    ArkloopProjects.Options.defaults());

            ApiSettings apiSettings = new ApiSettings(Math.toIntExact(settings.maxBodyBytes()), Duration.ofSeconds(10));
            Javalin http = HttpApi.create(new ApiDependencies(useCases, jwt,
                    () -> database.isReachable() && blobs.isAvailable(), apiSettings));
            http.start(settings.httpHost(), settings.httpPort());
            LOG.info("Arkloop Projects listening on http://{}:{}", settings.httpHost(), http.port());
            return new ArkloopServer(http, resources);
        } catch (RuntimeException failed) {
            closeAll(resources);
            throw failed;
        }
    }

    private static PostgresSettings databaseSettings(Settings settings, Deque<AutoCloseable> resources) {
        Optional<String> external = settings.databaseUrl();
        if (external.isPresent()) {
            return PostgresSettings.of(external.get(), settings.databaseUser().orElse(""),
                            settings.databasePassword().orElse(""))
                    .withMaximumPoolSize(settings.databasePoolSize());
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(settings.dataDir());
        resources.push(embedded);
        return PostgresSettings.of(embedded.jdbcUrl(), "postgres", "").withMaximumPoolSize(settings.databasePoolSize());
    }

    /** The port the server listens on (useful when configured with port 0). */
    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        http.stop();
        closeAll(resources);
        LOG.info("Arkloop Projects stopped");
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception failure) {
                LOG.warn("failed to close {}", failure.getMessage(), failure);
            }
        }
    }
}
