package com.arkloop.projects.adapters.persistence;

import com.arkloop.projects.application.contracts.RevisionLogContract;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.workspace.RevisionLog;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiRevisionLogContractIT extends RevisionLogContract {

    @RegisterExtension
    static final FreshDatabase postgres = FreshDatabase.emptiedBeforeEachTest();

    @Override
    protected RevisionLog revisions() {
        return postgres.database().revisions();
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
