package com.arkloop.projects.application.contracts;

import com.arkloop.projects.application.fakes.InMemoryProjectRepository;
import com.arkloop.projects.application.fakes.InMemoryTeamRepository;
import com.arkloop.projects.application.fakes.InMemoryWorkspaceRepository;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;

class InMemoryWorkspaceRepositoryContractTest extends WorkspaceRepositoryContract {

    private final InMemoryProjectRepository projects = new InMemoryProjectRepository(new InMemoryTeamRepository());
    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();

    @Override
    protected WorkspaceRepository workspaces() {
        return workspaces;
    }

    @Override
    protected ProjectRepository projects() {
        return projects;
    }
}
