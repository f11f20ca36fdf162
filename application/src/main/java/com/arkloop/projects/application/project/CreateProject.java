package com.arkloop.projects.application.project;

import com.arkloop.projects.application.IdGenerator;
import com.arkloop.projects.application.Timestamps;
import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectDetails;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.project.ProjectRepository;
import java.time.Clock;

public final class CreateProject {

    private final ProjectRepository projects;
    private final TeamCheck teamCheck;
    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;

    public CreateProject(ProjectRepository projects, TeamCheck teamCheck, Transactions transactions, Clock clock,
                         IdGenerator ids) {
        this.projects = projects;
        this.teamCheck = teamCheck;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    /** Creates a project owned by the actor. A team, if named, must be one of the actor's org. */
    public Project create(Actor actor, ProjectDetails details) {
        actor.require(Permission.PROJECTS_MANAGE);
        return transactions.inTransaction(() -> {
            details.teamId().ifPresent(teamId -> teamCheck.requireInOrg(actor.orgId(), teamId));
            Project project = Project.create(new ProjectId(ids.next()), actor, details, Timestamps.now(clock));
            projects.insert(project);
            return project;
        });
    }
}
