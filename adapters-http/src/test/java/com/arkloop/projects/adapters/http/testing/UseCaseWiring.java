package com.arkloop.projects.adapters.http.testing;

import com.arkloop.projects.adapters.http.ApiDependencies;
import com.arkloop.projects.adapters.http.ApiSettings;
import com.arkloop.projects.application.ArkloopProjects;
import com.arkloop.projects.application.IdGenerator;
import com.arkloop.projects.application.fakes.InMemoryBlobStore;
import com.arkloop.projects.application.fakes.InMemoryProjectRepository;
import com.arkloop.projects.application.fakes.InMemorySessionRepository;
import com.arkloop.projects.application.fakes.InMemoryTeamRepository;
import com.arkloop.projects.application.fakes.InMemoryTransactions;
import com.arkloop.projects.application.fakes.InMemoryWorkspaceRepository;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.team.TeamRepository;
import java.time.Duration;
import java.time.Instant;

/**
 * Builds {@link ApiDependencies} for tests: the use cases over any ports (the in-memory fakes, or the
 * PostgreSQL adapter in end-to-end tests), {@link TestTokens}, always ready, default settings.
 */
public final class UseCaseWiring {

    private UseCaseWiring() {
    }

    /** The use cases over the given ports, with a clock that ticks a millisecond per read. */
    public static ArkloopProjects useCases(ArkloopProjects.Ports ports) {
        return new ArkloopProjects(ports, new ArkloopProjects.Options(
                new TickingClock(Instant.parse("2024-01-01T00:00:00Z"), Duration.ofMillis(1)),
                IdGenerator.random(), 100_000));
    }

    public static ApiDependencies dependencies(ArkloopProjects useCases) {
        return new ApiDependencies(useCases, new TestTokens(), () -> true, ApiSettings.DEFAULTS);
    }

    /** Fresh in-memory fakes behind every port. */
    public static ApiDependencies inMemory() {
        InMemoryTeamRepository teams = new InMemoryTeamRepository();
        return dependencies(inMemoryUseCases(new InMemoryProjectRepository(teams), teams));
    }

    /** In-memory fakes around the given repositories (e.g. one wrapped to fail). */
    public static ArkloopProjects inMemoryUseCases(ProjectRepository projects, TeamRepository teams) {
        return useCases(new ArkloopProjects.Ports(projects, teams, new InMemoryWorkspaceRepository(),
                new InMemorySessionRepository(), new InMemoryBlobStore(), new InMemoryTransactions()));
    }
}
