package com.arkloop.projects.adapters.persistence;

import static com.arkloop.projects.adapters.persistence.Rows.instant;
import static com.arkloop.projects.adapters.persistence.Rows.optionalInstant;
import static com.arkloop.projects.adapters.persistence.Rows.optionalUuid;
import static com.arkloop.projects.adapters.persistence.Rows.utc;
import static com.arkloop.projects.adapters.persistence.Rows.uuid;

import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectCursor;
import com.arkloop.projects.domain.project.ProjectDetails;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.project.Visibility;
import com.arkloop.projects.domain.team.TeamId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** Projects in PostgreSQL. Listings are keyset-paged and served by the partial indexes of V1. */
public final class JdbiProjectRepository implements ProjectRepository {

    private static final String COLUMNS = "p.id, p.org_id, p.team_id, p.owner_user_id, p.name, p.description,"
            + " p.visibility, p.created_at, p.updated_at, p.deleted_at";
    private static final String LIVE_IN_ORG = " FROM projects p WHERE p.org_id = :orgId AND p.deleted_at IS NULL";

    private final Handles handles;

    public JdbiProjectRepository(Jdbi jdbi) {
        this.handles = new Handles(jdbi);
    }

    @Override
    public void insert(Project project) {
        handles.use(handle -> bindState(handle.createUpdate("""
                INSERT INTO projects (id, org_id, team_id, owner_user_id, name, description, visibility,
                                      created_at, updated_at, deleted_at)
                VALUES (:id, :orgId, :teamId, :ownerUserId, :name, :description, :visibility,
                        :createdAt, :updatedAt, :deletedAt)"""), project)
                .bind("ownerUserId", project.ownerUserId().value())
                .bind("createdAt", utc(project.createdAt()))
                .execute());
    }

    @Override
    public void update(Project project) {
        int updated = handles.with(handle -> bindState(handle.createUpdate("""
                UPDATE projects
                   SET team_id = :teamId, name = :name, description = :description, visibility = :visibility,
                       updated_at = :updatedAt, deleted_at = :deletedAt
                 WHERE id = :id AND org_id = :orgId"""), project)
                .execute());
        if (updated == 0) {
            throw new IllegalStateException("no project " + project.id());
        }
    }

    /** Binds what {@link #update} may change, and the key. */
    private static <S extends SqlStatement<S>> S bindState(S statement, Project project) {
        ProjectDetails details = project.details();
        return statement
                .bind("id", project.id().value())
                .bind("orgId", project.orgId().value())
                .bind("teamId", details.teamId().map(TeamId::value).orElse(null))
                .bind("name", details.name())
                .bind("description", details.description().orElse(null))
                .bind("visibility", details.visibility().wireName())
                .bind("updatedAt", utc(project.updatedAt()))
                .bind("deletedAt", utc(project.deletedAt().orElse(null)));
    }

    @Override
    public Optional<Project> find(OrgId orgId, ProjectId id) {
        return handles.with(handle -> handle.createQuery("SELECT " + COLUMNS + LIVE_IN_ORG + " AND p.id = :id")
                .bind("orgId", orgId.value())
                .bind("id", id.value())
                .map(JdbiProjectRepository::project)
                .findOne());
    }

    @Override
    public List<Project> listVisible(Actor actor, Optional<ProjectCursor> after, int limit) {
        String sql = listVisibleSql(actor.isOrgAdmin(), after.isPresent());
        return handles.with(handle -> {
            var query = handle.createQuery(sql)
                    .bind("orgId", actor.orgId().value())
                    .bind("userId", actor.userId().value())
                    .bind("limit", limit);
            after.ifPresent(cursor -> query
                    .bind("afterCreatedAt", utc(cursor.createdAt()))
                    .bind("afterId", cursor.id().value()));
            return query.map(JdbiProjectRepository::project).list();
        });
    }

    /**
     * An admin reads the org index. Anyone else gets the union of three branches (own projects,
     * shared with the org, shared with one of the user's teams), each reading its own index in keyset
     * order and stopping after {@code limit} rows, so a page costs O(limit × the user's teams) however
     * large the org. The team branch is a LATERAL top-N per team so the planner cannot turn it into a
     * walk over the org's projects. UNION drops a project two branches both find.
     */
    static String listVisibleSql(boolean orgAdmin, boolean afterCursor) {
        String page = (afterCursor ? " AND (p.created_at, p.id) > (:afterCreatedAt, :afterId)" : "")
                + " ORDER BY p.created_at, p.id LIMIT :limit";
        if (orgAdmin) {
            return "SELECT " + COLUMNS + LIVE_IN_ORG + page;
        }
        String owned = "SELECT " + COLUMNS + LIVE_IN_ORG + " AND p.owner_user_id = :userId" + page;
        String sharedWithOrg = "SELECT " + COLUMNS + LIVE_IN_ORG
                + " AND p.visibility = 'shared' AND p.team_id IS NULL" + page;
        // The join on teams keeps to the teams of the caller's org, as the domain rule does.
        String sharedWithTeam = "SELECT " + COLUMNS + " FROM team_members m"
                + " JOIN teams t ON t.id = m.team_id AND t.org_id = :orgId"
                + " CROSS JOIN LATERAL (SELECT " + COLUMNS + LIVE_IN_ORG
                + " AND p.team_id = m.team_id AND p.visibility = 'shared'" + page + ") p"
                + " WHERE m.user_id = :userId ORDER BY p.created_at, p.id LIMIT :limit";
        return "SELECT * FROM ((" + owned + ") UNION (" + sharedWithOrg + ") UNION (" + sharedWithTeam + ")) p"
                + " ORDER BY p.created_at, p.id LIMIT :limit";
    }

    @Override
    public void detachTeam(OrgId orgId, TeamId teamId, Instant now) {
        handles.use(handle -> handle.createUpdate(
                        "UPDATE projects SET team_id = NULL, updated_at = :now WHERE org_id = :orgId AND team_id = :teamId")
                .bind("now", utc(now))
                .bind("orgId", orgId.value())
                .bind("teamId", teamId.value())
                .execute());
    }

    private static Project project(ResultSet row, StatementContext context) throws SQLException {
        ProjectDetails details = new ProjectDetails(
                row.getString("name"),
                Optional.ofNullable(row.getString("description")),
                optionalUuid(row, "team_id").map(TeamId::new),
                Visibility.valueOf(row.getString("visibility").toUpperCase(Locale.ROOT)));
        return Project.restore(
                new ProjectId(uuid(row, "id")),
                new OrgId(uuid(row, "org_id")),
                new UserId(uuid(row, "owner_user_id")),
                details,
                instant(row, "created_at"),
                instant(row, "updated_at"),
                optionalInstant(row, "deleted_at"));
    }
}
