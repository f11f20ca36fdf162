package com.arkloop.projects.application.project;

import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectCursor;
import com.arkloop.projects.domain.project.ProjectRepository;
import java.util.List;
import java.util.Optional;

public final class ListProjects {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final ProjectRepository projects;
    private final Transactions transactions;

    public ListProjects(ProjectRepository projects, Transactions transactions) {
        this.projects = projects;
        this.transactions = transactions;
    }

    /** The projects the actor sees, oldest first, {@code limit} (1–1000) at a time. */
    public ProjectPage list(Actor actor, Optional<ProjectCursor> after, int limit) {
        actor.require(Permission.PROJECTS_READ);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalidParameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        // One more than asked tells whether another page exists without a count query.
        List<Project> found = transactions.inTransaction(() -> projects.listVisible(actor, after, limit + 1));
        if (found.size() <= limit) {
            return new ProjectPage(found, Optional.empty());
        }
        List<Project> page = found.subList(0, limit);
        return new ProjectPage(page, Optional.of(ProjectCursor.after(page.getLast())));
    }
}
