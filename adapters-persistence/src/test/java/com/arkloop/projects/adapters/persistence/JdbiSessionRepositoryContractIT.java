package com.arkloop.projects.adapters.persistence;

import com.arkloop.projects.application.contracts.SessionRepositoryContract;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.workspace.SessionRepository;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiSessionRepositoryContractIT extends SessionRepositoryContract {

    @RegisterExtension
    static final FreshDatabase postgres = FreshDatabase.emptiedBeforeEachTest();

    @Override
    protected SessionRepository sessions() {
        return postgres.database().sessions();
    }

    @Override
    protected WorkspaceRepository workspaces() {
        return postgres.database().workspaces();
    }

    @Override
    protected ProjectRepository projects() {
        return postgres.database().projects();
    }
}
