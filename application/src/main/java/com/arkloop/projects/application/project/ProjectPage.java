package com.arkloop.projects.application.project;

import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectCursor;
import java.util.List;
import java.util.Optional;

/** One page of projects, and where the next page starts when there is one. */
public record ProjectPage(List<Project> projects, Optional<ProjectCursor> next) {
    public ProjectPage {
        projects = List.copyOf(projects);
    }
}
