package com.arkloop.projects.adapters.persistence;

import com.arkloop.projects.application.contracts.TeamRepositoryContract;
import com.arkloop.projects.domain.team.TeamRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiTeamRepositoryContractIT extends TeamRepositoryContract {

    @RegisterExtension
    static final FreshDatabase postgres = FreshDatabase.emptiedBeforeEachTest();

    @Override
    protected TeamRepository teams() {
        return postgres.database().teams();
    }
}
