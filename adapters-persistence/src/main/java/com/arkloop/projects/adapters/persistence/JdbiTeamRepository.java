package com.arkloop.projects.adapters.persistence;

import static com.arkloop.projects.adapters.persistence.Rows.instant;
import static com.arkloop.projects.adapters.persistence.Rows.utc;
import static com.arkloop.projects.adapters.persistence.Rows.uuid;

import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.team.Team;
import com.arkloop.projects.domain.team.TeamId;
import com.arkloop.projects.domain.team.TeamMember;
import com.arkloop.projects.domain.team.TeamRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Teams and their members in PostgreSQL. */
public final class JdbiTeamRepository implements TeamRepository {

    private final Handles handles;

    public JdbiTeamRepository(Jdbi jdbi) {
        this.handles = new Handles(jdbi);
    }

    @Override
    public void insert(Team team) {
        handles.use(handle -> handle.createUpdate(
                        "INSERT INTO teams (id, org_id, name, created_at) VALUES (:id, :orgId, :name, :createdAt)")
                .bind("id", team.id().value())
                .bind("orgId", team.orgId().value())
                .bind("name", team.name())
                .bind("createdAt", utc(team.createdAt()))
                .execute());
    }

    @Override
    public Optional<Team> find(OrgId orgId, TeamId id) {
        return handles.with(handle -> handle.createQuery(
                        "SELECT id, org_id, name, created_at FROM teams WHERE id = :id AND org_id = :orgId")
                .bind("id", id.value())
                .bind("orgId", orgId.value())
                .map(JdbiTeamRepository::team)
                .findOne());
    }

    @Override
    public List<Team> list(OrgId orgId) {
        return handles.with(handle -> handle.createQuery(
                        "SELECT id, org_id, name, created_at FROM teams WHERE org_id = :orgId ORDER BY created_at, id")
                .bind("orgId", orgId.value())
                .map(JdbiTeamRepository::team)
                .list());
    }

    @Override
    public void delete(Team team) {
        // Memberships go with it (ON DELETE CASCADE).
        handles.use(handle -> handle.createUpdate("DELETE FROM teams WHERE id = :id AND org_id = :orgId")
                .bind("id", team.id().value())
                .bind("orgId", team.orgId().value())
                .execute());
    }

    @Override
    public void addMember(TeamId teamId, UserId userId, Instant addedAt) {
        handles.use(handle -> handle.createUpdate("""
                        INSERT INTO team_members (team_id, user_id, added_at) VALUES (:teamId, :userId, :addedAt)
                        ON CONFLICT (team_id, user_id) DO NOTHING""")
                .bind("teamId", teamId.value())
                .bind("userId", userId.value())
                .bind("addedAt", utc(addedAt))
                .execute());
    }

    @Override
    public void removeMember(TeamId teamId, UserId userId) {
        handles.use(handle -> handle.createUpdate("DELETE FROM team_members WHERE team_id = :teamId AND user_id = :userId")
                .bind("teamId", teamId.value())
                .bind("userId", userId.value())
                .execute());
    }

    @Override
    public List<TeamMember> members(TeamId teamId) {
        return handles.with(handle -> handle.createQuery(
                        "SELECT user_id, added_at FROM team_members WHERE team_id = :teamId ORDER BY added_at, user_id")
                .bind("teamId", teamId.value())
                .map((row, context) -> new TeamMember(new UserId(uuid(row, "user_id")), instant(row, "added_at")))
                .list());
    }

    @Override
    public Set<TeamId> teamsOf(OrgId orgId, UserId userId) {
        List<UUID> ids = handles.with(handle -> handle.createQuery("""
                        SELECT m.team_id FROM team_members m JOIN teams t ON t.id = m.team_id
                         WHERE m.user_id = :userId AND t.org_id = :orgId""")
                .bind("userId", userId.value())
                .bind("orgId", orgId.value())
                .mapTo(UUID.class)
                .list());
        return ids.stream().map(TeamId::new).collect(Collectors.toUnmodifiableSet());
    }

    private static Team team(ResultSet row, StatementContext context) throws SQLException {
        return new Team(new TeamId(uuid(row, "id")), new OrgId(uuid(row, "org_id")), row.getString("name"),
                instant(row, "created_at"));
    }
}
