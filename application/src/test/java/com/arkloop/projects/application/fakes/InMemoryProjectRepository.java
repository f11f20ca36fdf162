package com.arkloop.projects.application.fakes;

import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectChanges;
import com.arkloop.projects.domain.project.ProjectCursor;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.Change;
import com.arkloop.projects.domain.team.TeamId;
import com.arkloop.projects.domain.team.TeamRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Applies the domain's own visibility rule, so it is the reference the SQL adapter is checked against. */
public final class InMemoryProjectRepository implements ProjectRepository {

    private static final Comparator<Project> CREATION_ORDER =
            Comparator.comparing(Project::createdAt).thenComparing(project -> project.id().toString());

    private final Map<ProjectId, Project> projects = new ConcurrentHashMap<>();
    private final TeamRepository teams;

    public InMemoryProjectRepository(TeamRepository teams) {
        this.teams = teams;
    }

    @Override
    public void insert(Project project) {
        if (projects.putIfAbsent(project.id(), project) != null) {
            throw new IllegalStateException("duplicate project id " + project.id());
        }
    }

    @Override
    public void update(Project project) {
        if (projects.replace(project.id(), project) == null) {
            throw new IllegalStateException("no project " + project.id());
        }
    }

    @Override
    public Optional<Project> find(OrgId orgId, ProjectId id) {
        return Optional.ofNullable(projects.get(id))
                .filter(project -> project.orgId().equals(orgId) && project.deletedAt().isEmpty());
    }

    @Override
    public List<Project> listVisible(Actor actor, Optional<ProjectCursor> after, int limit) {
        Set<TeamId> actorTeams = teams.teamsOf(actor.orgId(), actor.userId());
        return projects.values().stream()
                .filter(project -> project.isVisibleTo(actor, actorTeams))
                .filter(project -> after.map(cursor -> isAfter(project, cursor)).orElse(true))
                .sorted(CREATION_ORDER)
                .limit(limit)
                .toList();
    }

    private static boolean isAfter(Project project, ProjectCursor cursor) {
        int byTime = project.createdAt().compareTo(cursor.createdAt());
        return byTime > 0 || (byTime == 0 && project.id().toString().compareTo(cursor.id().toString()) > 0);
    }

    @Override
    public void detachTeam(OrgId orgId, TeamId teamId, Instant now) {
        ProjectChanges noTeam = new ProjectChanges(Change.keep(), Change.keep(), Change.set(null), Change.keep());
        projects.replaceAll((id, project) -> project.orgId().equals(orgId)
                && project.details().teamId().equals(Optional.of(teamId)) ? project.update(noTeam, now) : project);
    }
}
