package com.arkloop.projects.application.project;

import com.arkloop.projects.application.Timestamps;
import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.project.ProjectRepository;
import java.time.Clock;

public final class DeleteProject {

    private final ProjectRepository projects;
    private final VisibleProjects visibleProjects;
    private final Transactions transactions;
    private final Clock clock;

    public DeleteProject(ProjectRepository projects, VisibleProjects visibleProjects, Transactions transactions,
                         Clock clock) {
        this.projects = projects;
        this.visibleProjects = visibleProjects;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Soft-deletes the project: it stays stored but nobody sees it again, so a second delete is 404. */
    public void delete(Actor actor, ProjectId id) {
        actor.require(Permission.PROJECTS_MANAGE);
        transactions.run(() -> {
            Project project = visibleProjects.require(actor, id);
            project.requireManageableBy(actor);
            projects.update(project.delete(Timestamps.now(clock)));
        });
    }
}
