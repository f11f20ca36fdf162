package com.arkloop.projects.adapters.persistence;

import static com.arkloop.projects.adapters.persistence.Rows.instant;
import static com.arkloop.projects.adapters.persistence.Rows.utc;
import static com.arkloop.projects.adapters.persistence.Rows.uuid;

import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.Workspace;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Workspaces in PostgreSQL. Every lookup is by primary key. The latest-revision pointer moves only
 * through a single conditional UPDATE, so two writers racing on one workspace cannot both win.
 */
public final class JdbiWorkspaceRepository implements WorkspaceRepository {

    private static final String SELECT_BY_REF = """
            SELECT ref, org_id, owner_user_id, project_id, latest_revision, last_used_at
              FROM workspaces WHERE ref = :ref""";

    private final Handles handles;

    public JdbiWorkspaceRepository(Jdbi jdbi) {
        this.handles = new Handles(jdbi);
    }

    /**
     * Reads first, so the common case (the workspace exists) writes nothing. Otherwise inserts with
     * {@code ON CONFLICT DO NOTHING}: of two first accesses racing, one inserts and the other waits for
     * it to commit, inserts nothing, and reads the winner's row with its next statement (read
     * committed takes a fresh snapshot per statement).
     */
    @Override
    public Workspace findOrCreate(Workspace candidate) {
        return handles.inTransaction(handle -> find(handle, candidate.ref())
                .or(() -> insertIfAbsent(handle, candidate))
                .or(() -> find(handle, candidate.ref()))
                .orElseThrow(() -> new IllegalStateException(
                        "workspace " + candidate.ref() + " neither inserted nor found")));
    }

    private static Optional<Workspace> find(Handle handle, WorkspaceRef ref) {
        return handle.createQuery(SELECT_BY_REF)
                .bind("ref", ref.value())
                .map(JdbiWorkspaceRepository::workspace)
                .findOne();
    }

    private static Optional<Workspace> insertIfAbsent(Handle handle, Workspace candidate) {
        return handle.createQuery("""
                        INSERT INTO workspaces (ref, org_id, owner_user_id, project_id, latest_revision,
                                                created_at, last_used_at)
                        VALUES (:ref, :orgId, :ownerUserId, :projectId, :latestRevision, :now, :now)
                        ON CONFLICT (ref) DO NOTHING
                        RETURNING ref, org_id, owner_user_id, project_id, latest_revision, last_used_at""")
                .bind("ref", candidate.ref().value())
                .bind("orgId", candidate.orgId().value())
                .bind("ownerUserId", candidate.ownerUserId().value())
                .bind("projectId", candidate.projectId().value())
                .bind("latestRevision", candidate.latestRevision().map(Revision::value).orElse(null))
                .bind("now", utc(candidate.lastUsedAt()))
                .map(JdbiWorkspaceRepository::workspace)
                .findOne();
    }

    @Override
    public boolean advanceRevision(WorkspaceRef ref, Optional<Revision> expected, Revision next, Instant now) {
        // The row lock taken by the UPDATE makes a concurrent writer wait, then re-check the condition
        // against the committed pointer: exactly one of them sees its expected revision.
        int updated = handles.with(handle -> handle.createUpdate("""
                        UPDATE workspaces SET latest_revision = :next, last_used_at = :now
                         WHERE ref = :ref AND latest_revision IS NOT DISTINCT FROM :expected""")
                .bind("ref", ref.value())
                .bind("expected", expected.map(Revision::value).orElse(null))
                .bind("next", next.value())
                .bind("now", utc(now))
                .execute());
        return updated == 1;
    }

    private static Workspace workspace(ResultSet row, StatementContext context) throws SQLException {
        return new Workspace(
                new WorkspaceRef(row.getString("ref")),
                new OrgId(uuid(row, "org_id")),
                new UserId(uuid(row, "owner_user_id")),
                new ProjectId(uuid(row, "project_id")),
                Optional.ofNullable(row.getString("latest_revision")).map(Revision::new),
                instant(row, "last_used_at"));
    }
}
