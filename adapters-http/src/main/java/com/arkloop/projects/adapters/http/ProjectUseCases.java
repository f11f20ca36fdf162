package com.arkloop.projects.adapters.http;

import com.arkloop.projects.application.project.CreateProject;
import com.arkloop.projects.application.project.DeleteProject;
import com.arkloop.projects.application.project.GetProject;
import com.arkloop.projects.application.project.ListProjects;
import com.arkloop.projects.application.project.UpdateProject;
import java.util.Objects;

/** The project use cases the {@code /v1/projects} routes call. */
public record ProjectUseCases(CreateProject create, ListProjects list, GetProject get, UpdateProject update,
                              DeleteProject delete) {
    public ProjectUseCases {
        Objects.requireNonNull(create, "create");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(get, "get");
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(delete, "delete");
    }
}
