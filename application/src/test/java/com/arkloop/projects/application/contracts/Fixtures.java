package com.arkloop.projects.application.contracts;

import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Role;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectDetails;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.project.Visibility;
import com.arkloop.projects.domain.team.Team;
import com.arkloop.projects.domain.team.TeamId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/** Small builders for the contract suites. Every test uses fresh orgs, so tests never see each other's rows. */
final class Fixtures {

    /** Microsecond precision, as the stores keep it. */
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123456Z");

    /** The order of listings: creation time, then id in PostgreSQL's uuid order (its lowercase text order). */
    static final Comparator<Project> CREATION_ORDER =
            Comparator.comparing(Project::createdAt).thenComparing(project -> project.id().toString());

    private Fixtures() {
    }

    static OrgId newOrg() {
        return new OrgId(UUID.randomUUID());
    }

    static UserId newUser() {
        return new UserId(UUID.randomUUID());
    }

    static Actor member(OrgId org, UserId user) {
        return Actor.withRole(user, org, Optional.of(Role.ORG_MEMBER));
    }

    static Actor admin(OrgId org, UserId user) {
        return Actor.withRole(user, org, Optional.of(Role.ORG_ADMIN));
    }

    /** A caller whose token named a role nobody knows: it must not see more than a member. */
    static Actor withoutRole(OrgId org, UserId user) {
        return Actor.withRole(user, org, Optional.empty());
    }

    static Team team(OrgId org, Instant createdAt) {
        return new Team(new TeamId(UUID.randomUUID()), org, "Team " + createdAt, createdAt);
    }

    static Project project(OrgId org, UserId owner, Visibility visibility, Optional<TeamId> team, Instant createdAt) {
        return project(new ProjectId(UUID.randomUUID()), org, owner, visibility, team, createdAt);
    }

    static Project project(ProjectId id, OrgId org, UserId owner, Visibility visibility, Optional<TeamId> team,
                           Instant createdAt) {
        ProjectDetails details = new ProjectDetails("Project " + id, Optional.empty(), team, visibility);
        return Project.restore(id, org, owner, details, createdAt, createdAt, Optional.empty());
    }

    static ProjectId projectId(String uuid) {
        return new ProjectId(UUID.fromString(uuid));
    }
}
