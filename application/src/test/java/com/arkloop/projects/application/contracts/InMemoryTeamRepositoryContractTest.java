package com.arkloop.projects.application.contracts;

import com.arkloop.projects.application.fakes.InMemoryTeamRepository;
import com.arkloop.projects.domain.team.TeamRepository;

class InMemoryTeamRepositoryContractTest extends TeamRepositoryContract {

    private final InMemoryTeamRepository teams = new InMemoryTeamRepository();

    @Override
    protected TeamRepository teams() {
        return teams;
    }
}
