package com.arkloop.projects.bootstrap;

import com.arkloop.projects.adapters.persistence.PostgresDatabase;
import com.arkloop.projects.adapters.persistence.PoolStats;
import com.arkloop.projects.adapters.persistence.PostgresSettings;
import com.arkloop.projects.application.ArkloopProjects;
import com.arkloop.projects.application.workspace.PublishRevision;
import com.arkloop.projects.domain.workspace.BlobStore;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything but HTTP: the database (embedded or external), the blob store and the use cases wired
 * to them. The server and the command-line tools share it, so they run the same code on the same
 * data. Closing it closes what it opened, in the reverse order.
 */
final class Backend implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Backend.class);

    /** What to do with the embedded database of a data directory another process already runs. */
    enum EmbeddedDatabaseUse {
        /** Start it; fail if it is running (a server owns its database). */
        START,
        /** Use the running one if there is one (a command run beside a server), else start it. */
        ATTACH_OR_START
    }

    private final Deque<AutoCloseable> resources;
    private final PostgresDatabase database;
    private final BlobStore blobs;
    private final ArkloopProjects useCases;

    private Backend(Deque<AutoCloseable> resources, PostgresDatabase database, BlobStore blobs, ArkloopProjects useCases) {
        this.resources = resources;
        this.database = database;
        this.blobs = blobs;
        this.useCases = useCases;
    }

    static Backend open(Settings settings, EmbeddedDatabaseUse embedded) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            PostgresDatabase database = PostgresDatabase.open(databaseSettings(settings, embedded, resources));
            resources.push(database);
            BlobStore blobs = BlobStores.open(settings, resources);
            ArkloopProjects useCases = new ArkloopProjects(
                    new ArkloopProjects.Ports(database.projects(), database.teams(), database.workspaces(),
                            database.sessions(), blobs, database.transactions(), database.apiKeys(),
                            database.revisions()),
                    options(settings));
            return new Backend(resources, database, blobs, useCases);
        } catch (RuntimeException failed) {
            closeAll(resources);
            throw failed;
        }
    }

    private static ArkloopProjects.Options options(Settings settings) {
        PublishRevision.Limits defaults = PublishRevision.Limits.DEFAULT;
        return ArkloopProjects.Options.defaults().withPublishLimits(new PublishRevision.Limits(
                settings.archiveMaxEntries(), settings.archiveMaxBytes(), defaults.maxDuration()));
    }

    private static PostgresSettings databaseSettings(Settings settings, EmbeddedDatabaseUse use,
                                                     Deque<AutoCloseable> resources) {
        if (settings.databaseUrl().isPresent()) {
            return PostgresSettings.of(settings.databaseUrl().get(), settings.databaseUser().orElse(""),
                    settings.databasePassword().orElse("")).withMaximumPoolSize(settings.databasePoolSize());
        }
        EmbeddedDatabase embedded = use == EmbeddedDatabaseUse.ATTACH_OR_START
                ? EmbeddedDatabase.attachOrStart(settings.dataDir())
                : EmbeddedDatabase.start(settings.dataDir());
        resources.push(embedded);
        return PostgresSettings.of(embedded.jdbcUrl(), "postgres", "").withMaximumPoolSize(settings.databasePoolSize());
    }

    ArkloopProjects useCases() {
        return useCases;
    }

    /** True when the database and the blob store both answer. */
    boolean isReady() {
        return database.isReachable() && isStorageAvailable();
    }

    boolean isStorageAvailable() {
        return blobs.isAvailable();
    }

    PoolStats poolStats() {
        return database.poolStats();
    }

    @Override
    public void close() {
        closeAll(resources);
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
