package com.arkloop.projects.adapters.persistence;

import static com.arkloop.projects.adapters.persistence.Rows.instant;
import static com.arkloop.projects.adapters.persistence.Rows.utc;

import com.arkloop.projects.domain.workspace.SessionRef;
import com.arkloop.projects.domain.workspace.SessionRepository;
import com.arkloop.projects.domain.workspace.SessionState;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import com.arkloop.projects.domain.workspace.WorkspaceSession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Workspace sessions in PostgreSQL. Closed sessions are kept; the live ones of a workspace are read
 * from a partial index that leaves the closed ones out.
 */
public final class JdbiSessionRepository implements SessionRepository {

    private static final String COLUMNS = "session_ref, workspace_ref, state, created_at, last_used_at";

    private final Handles handles;

    public JdbiSessionRepository(Jdbi jdbi) {
        this.handles = new Handles(jdbi);
    }

    @Override
    public void insert(WorkspaceSession session) {
        handles.use(handle -> handle.createUpdate("""
                        INSERT INTO workspace_sessions (session_ref, workspace_ref, session_type, state,
                                                        created_at, last_used_at)
                        VALUES (:ref, :workspaceRef, :type, :state, :createdAt, :lastUsedAt)""")
                .bind("ref", session.ref().value())
                .bind("workspaceRef", session.workspaceRef().value())
                .bind("type", session.type().wireName())
                .bind("state", session.state().wireName())
                .bind("createdAt", utc(session.createdAt()))
                .bind("lastUsedAt", utc(session.lastUsedAt()))
                .execute());
    }

    /** A session's ref, workspace and creation time never change; its state and last use do. */
    @Override
    public void update(WorkspaceSession session) {
        int updated = handles.with(handle -> handle.createUpdate("""
                        UPDATE workspace_sessions SET state = :state, last_used_at = :lastUsedAt
                         WHERE session_ref = :ref AND workspace_ref = :workspaceRef""")
                .bind("ref", session.ref().value())
                .bind("workspaceRef", session.workspaceRef().value())
                .bind("state", session.state().wireName())
                .bind("lastUsedAt", utc(session.lastUsedAt()))
                .execute());
        if (updated == 0) {
            throw new IllegalStateException("no session " + session.ref() + " in " + session.workspaceRef());
        }
    }

    @Override
    public Optional<WorkspaceSession> find(WorkspaceRef workspace, SessionRef ref) {
        return handles.with(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM workspace_sessions WHERE session_ref = :ref AND workspace_ref = :workspaceRef")
                .bind("ref", ref.value())
                .bind("workspaceRef", workspace.value())
                .map(JdbiSessionRepository::session)
                .findOne());
    }

    /** Most recently used first (ties: the greater ref), the order of the partial index. */
    @Override
    public List<WorkspaceSession> listLive(WorkspaceRef workspace) {
        return handles.with(handle -> handle.createQuery(listLiveSql())
                .bind("workspaceRef", workspace.value())
                .map(JdbiSessionRepository::session)
                .list());
    }

    static String listLiveSql() {
        return "SELECT " + COLUMNS + " FROM workspace_sessions"
                + " WHERE workspace_ref = :workspaceRef AND state <> 'closed'"
                + " ORDER BY last_used_at DESC, session_ref DESC";
    }

    private static WorkspaceSession session(ResultSet row, StatementContext context) throws SQLException {
        return new WorkspaceSession(
                new SessionRef(row.getString("session_ref")),
                new WorkspaceRef(row.getString("workspace_ref")),
                SessionState.valueOf(row.getString("state").toUpperCase(Locale.ROOT)),
                instant(row, "created_at"),
                instant(row, "last_used_at"));
    }
}
