package com.arkloop.projects.application.project;

import com.arkloop.projects.application.Timestamps;
import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.domain.Change;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectChanges;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.team.TeamId;
import java.time.Clock;

public final class UpdateProject {

    private final ProjectRepository projects;
    private final VisibleProjects visibleProjects;
    private final TeamCheck teamCheck;
    private final Transactions transactions;
    private final Clock clock;

    public UpdateProject(ProjectRepository projects, VisibleProjects visibleProjects, TeamCheck teamCheck,
                         Transactions transactions, Clock clock) {
        this.projects = projects;
        this.visibleProjects = visibleProjects;
        this.teamCheck = teamCheck;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Applies a partial update. Hidden projects are 404; visible ones the actor does not own are 403. */
    public Project update(Actor actor, ProjectId id, ProjectChanges changes) {
        actor.require(Permission.PROJECTS_MANAGE);
        return transactions.inTransaction(() -> {
            Project project = visibleProjects.require(actor, id);
            project.requireManageableBy(actor);
            if (changes.teamId() instanceof Change.Set<TeamId>(TeamId teamId) && teamId != null) {
                teamCheck.requireInOrg(actor.orgId(), teamId);
            }
            Project updated = project.update(changes, Timestamps.now(clock));
            projects.update(updated);
            return updated;
        });
    }
}
