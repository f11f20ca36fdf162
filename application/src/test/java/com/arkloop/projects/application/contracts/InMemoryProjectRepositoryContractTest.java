package com.arkloop.projects.application.contracts;

import com.arkloop.projects.application.fakes.InMemoryProjectRepository;
import com.arkloop.projects.application.fakes.InMemoryTeamRepository;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.team.TeamRepository;

class InMemoryProjectRepositoryContractTest extends ProjectRepositoryContract {

    private final InMemoryTeamRepository teams = new InMemoryTeamRepository();
    private final InMemoryProjectRepository projects = new InMemoryProjectRepository(teams);

    @Override
    protected ProjectRepository projects() {
        return projects;
    }

    @Override
    protected TeamRepository teams() {
        return teams;
    }
}
