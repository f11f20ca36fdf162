package com.arkloop.projects.adapters.persistence;

import com.arkloop.projects.application.contracts.ProjectRepositoryContract;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.team.TeamRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiProjectRepositoryContractIT extends ProjectRepositoryContract {

    @RegisterExtension
    static final FreshDatabase postgres = FreshDatabase.emptiedBeforeEachTest();

    @Override
    protected ProjectRepository projects() {
        return postgres.database().projects();
    }

    @Override
    protected TeamRepository teams() {
        return postgres.database().teams();
    }
}
