package com.arkloop.projects.application.contracts;

import com.arkloop.projects.application.fakes.InMemoryProjectRepository;
import com.arkloop.projects.application.fakes.InMemorySessionRepository;
import com.arkloop.projects.application.fakes.InMemoryTeamRepository;
import com.arkloop.projects.application.fakes.InMemoryWorkspaceRepository;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.workspace.SessionRepository;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;

class InMemorySessionRepositoryContractTest extends SessionRepositoryContract {

    private final InMemoryProjectRepository projects = new InMemoryProjectRepository(new InMemoryTeamRepository());
    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemorySessionRepository sessions = new InMemorySessionRepository();

    @Override
    protected SessionRepository sessions() {
        return sessions;
    }

    @Override
    protected WorkspaceRepository workspaces() {
        return workspaces;
    }

    @Override
    protected ProjectRepository projects() {
        return projects;
    }
}
