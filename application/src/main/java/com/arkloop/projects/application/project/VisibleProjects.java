package com.arkloop.projects.application.project;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.team.TeamRepository;

/**
 * Finds a project the actor may see. A project that does not exist, is deleted, belongs to another
 * org or is hidden from the actor all fail the same way, so a caller learns nothing from the answer.
 * Call it inside a transaction.
 */
public final class VisibleProjects {

    private final ProjectRepository projects;
    private final TeamRepository teams;

    public VisibleProjects(ProjectRepository projects, TeamRepository teams) {
        this.projects = projects;
        this.teams = teams;
    }

    public Project require(Actor actor, ProjectId id) {
        return projects.find(actor.orgId(), id)
                .filter(project -> project.isVisibleTo(actor,
                        team -> teams.teamsOf(actor.orgId(), actor.userId()).contains(team)))
                .orElseThrow(VisibleProjects::notFound);
    }

    public static DomainException notFound() {
        return new DomainException(ErrorCode.PROJECT_NOT_FOUND, "project not found");
    }
}
