package com.arkloop.projects.adapters.persistence;

import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.domain.apikey.ApiKeyRepository;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.team.TeamRepository;
import com.arkloop.projects.domain.workspace.RevisionLog;
import com.arkloop.projects.domain.workspace.SessionRepository;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * A PostgreSQL database ready for use: a connection pool, the schema migrated to the latest version,
 * and the adapters built on it. Bootstrap opens one per process and closes it on shutdown.
 */
public final class PostgresDatabase implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Duration validationTimeout;
    private final JdbiProjectRepository projects;
    private final JdbiTeamRepository teams;
    private final JdbiWorkspaceRepository workspaces;
    private final JdbiSessionRepository sessions;
    private final JdbiRevisionLog revisions;
    private final JdbiTransactions transactions;
    private final JdbiApiKeyRepository apiKeys;

    private PostgresDatabase(HikariDataSource dataSource, Duration validationTimeout) {
        this.dataSource = dataSource;
        this.validationTimeout = validationTimeout;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
        this.projects = new JdbiProjectRepository(jdbi);
        this.teams = new JdbiTeamRepository(jdbi);
        this.workspaces = new JdbiWorkspaceRepository(jdbi);
        this.sessions = new JdbiSessionRepository(jdbi);
        this.revisions = new JdbiRevisionLog(jdbi);
        this.transactions = new JdbiTransactions(jdbi);
        this.apiKeys = new JdbiApiKeyRepository(jdbi);
    }

    /**
     * Connects and applies the pending Flyway migrations ({@code classpath:db/migration}).
     *
     * @throws RuntimeException when the database cannot be reached or a migration fails; nothing is
     *                          left open then
     */
    public static PostgresDatabase open(PostgresSettings settings) {
        HikariDataSource dataSource = new HikariDataSource(poolConfig(settings));
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            return new PostgresDatabase(dataSource, validationTimeout(settings));
        } catch (RuntimeException failure) {
            dataSource.close();
            throw failure;
        }
    }

    private static HikariConfig poolConfig(PostgresSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("arkloop-projects");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maximumPoolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setValidationTimeout(validationTimeout(settings).toMillis());
        // pgjdbc's own limits, in seconds: without them a connection to a vanished server can block
        // in a socket read far longer than the pool's timeout.
        long connectSeconds = Math.max(1, settings.connectionTimeout().toSeconds());
        config.addDataSourceProperty("connectTimeout", connectSeconds);
        config.addDataSourceProperty("loginTimeout", connectSeconds);
        config.addDataSourceProperty("socketTimeout", settings.socketTimeout().toSeconds());
        config.addDataSourceProperty("tcpKeepAlive", true);
        config.addDataSourceProperty("ApplicationName", "arkloop-projects");
        return config;
    }

    /** Hikari requires it below the connection timeout; half of it leaves time to open a new one. */
    private static Duration validationTimeout(PostgresSettings settings) {
        return settings.connectionTimeout().dividedBy(2);
    }

    /**
     * The JDBI instance the adapters share. Statements made through it join the thread's open
     * transaction. Repositories belong in this package, where {@code Handles} also turns an unreachable
     * database into {@code service.unavailable}; raw use of this instance does not.
     */
    public Jdbi jdbi() {
        return jdbi;
    }

    public ProjectRepository projects() {
        return projects;
    }

    public TeamRepository teams() {
        return teams;
    }

    public WorkspaceRepository workspaces() {
        return workspaces;
    }

    public SessionRepository sessions() {
        return sessions;
    }

    /** Each workspace's history; record a revision in the transaction that moves the workspace to it. */
    public RevisionLog revisions() {
        return revisions;
    }

    public Transactions transactions() {
        return transactions;
    }

    public ApiKeyRepository apiKeys() {
        return apiKeys;
    }

    /** Whether the database answers within the pool's timeouts; for readiness probes, never throws. */
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) Math.max(1, validationTimeout.toSeconds()));
        } catch (SQLException unreachable) {
            return false;
        }
    }

    public PoolStats poolStats() {
        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        return new PoolStats(pool.getActiveConnections(), pool.getIdleConnections(), pool.getTotalConnections(),
                pool.getThreadsAwaitingConnection(), dataSource.getMaximumPoolSize());
    }

    /** Closes the pool; borrowed connections are closed as they are returned. */
    @Override
    public void close() {
        dataSource.close();
    }
}
