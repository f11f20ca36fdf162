package com.arkloop.projects.application.project;

import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectId;

public final class GetProject {

    private final VisibleProjects visibleProjects;
    private final Transactions transactions;

    public GetProject(VisibleProjects visibleProjects, Transactions transactions) {
        this.visibleProjects = visibleProjects;
        this.transactions = transactions;
    }

    public Project get(Actor actor, ProjectId id) {
        actor.require(Permission.PROJECTS_READ);
        return transactions.inTransaction(() -> visibleProjects.require(actor, id));
    }
}
