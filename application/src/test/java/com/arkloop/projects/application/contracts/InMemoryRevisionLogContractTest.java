package com.arkloop.projects.application.contracts;

import com.arkloop.projects.application.fakes.InMemoryProjectRepository;
import com.arkloop.projects.application.fakes.InMemoryRevisionLog;
import com.arkloop.projects.application.fakes.InMemoryTeamRepository;
import com.arkloop.projects.application.fakes.InMemoryWorkspaceRepository;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.workspace.RevisionLog;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;

class InMemoryRevisionLogContractTest extends RevisionLogContract {

    private final InMemoryProjectRepository projects = new InMemoryProjectRepository(new InMemoryTeamRepository());
    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryRevisionLog revisions = new InMemoryRevisionLog();

    @Override
    protected RevisionLog revisions() {
        return revisions;
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
