package com.arkloop.projects.adapters.persistence;

import static com.arkloop.projects.adapters.persistence.Rows.instant;
import static com.arkloop.projects.adapters.persistence.Rows.utc;

import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.RevisionLog;
import com.arkloop.projects.domain.workspace.RevisionSummary;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Workspace histories in PostgreSQL, one row per revision. Every statement reads the primary key
 * (workspace, revision), whose revision column compares in byte order ({@code COLLATE "C"}): a page
 * of the newest-first listing is a backward scan of that index from the page's position.
 * {@link #append} joins the thread's transaction, so it commits or rolls back with the pointer move.
 */
public final class JdbiRevisionLog implements RevisionLog {

    private static final String COLUMNS = "workspace_ref, revision, created_at, file_count, byte_count";

    private final Handles handles;

    public JdbiRevisionLog(Jdbi jdbi) {
        this.handles = new Handles(jdbi);
    }

    /**
     * A plain INSERT: recording a revision twice fails with the primary key's unique violation
     * (SQLState 23505), which is a bug in the caller, not unavailability, and is left as it is.
     */
    @Override
    public void append(RevisionSummary revision) {
        handles.use(handle -> handle.createUpdate("INSERT INTO workspace_revisions (" + COLUMNS + ")"
                        + " VALUES (:workspaceRef, :revision, :createdAt, :fileCount, :byteCount)")
                .bind("workspaceRef", revision.workspace().value())
                .bind("revision", revision.revision().value())
                .bind("createdAt", utc(revision.createdAt()))
                .bind("fileCount", revision.fileCount())
                .bind("byteCount", revision.byteCount())
                .execute());
    }

    @Override
    public Optional<RevisionSummary> find(WorkspaceRef workspace, Revision revision) {
        return handles.with(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM workspace_revisions"
                        + " WHERE workspace_ref = :workspaceRef AND revision = :revision")
                .bind("workspaceRef", workspace.value())
                .bind("revision", revision.value())
                .map(JdbiRevisionLog::summary)
                .findOne());
    }

    @Override
    public List<RevisionSummary> listNewestFirst(WorkspaceRef workspace, Optional<Revision> after, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        return handles.with(handle -> {
            Query query = handle.createQuery(listNewestFirstSql(after.isPresent()))
                    .bind("workspaceRef", workspace.value())
                    .bind("limit", limit);
            after.ifPresent(position -> query.bind("after", position.value()));
            return query.map(JdbiRevisionLog::summary).list();
        });
    }

    /**
     * Newest first; after a position, only what sorts before it. The statement spells out byte order
     * rather than trusting the column's collation; it is the column's, so the primary-key index
     * serves both the condition and the order.
     */
    static String listNewestFirstSql(boolean afterPosition) {
        return "SELECT " + COLUMNS + " FROM workspace_revisions WHERE workspace_ref = :workspaceRef"
                + (afterPosition ? " AND revision COLLATE \"C\" < :after" : "")
                + " ORDER BY revision COLLATE \"C\" DESC LIMIT :limit";
    }

    private static RevisionSummary summary(ResultSet row, StatementContext context) throws SQLException {
        return new RevisionSummary(
                new WorkspaceRef(row.getString("workspace_ref")),
                new Revision(row.getString("revision")),
                instant(row, "created_at"),
                row.getLong("file_count"),
                row.getLong("byte_count"));
    }
}
