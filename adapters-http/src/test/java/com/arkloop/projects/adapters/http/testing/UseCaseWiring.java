package com.arkloop.projects.adapters.http.testing;

import com.arkloop.projects.adapters.http.ApiDependencies;
import com.arkloop.projects.adapters.http.ApiSettings;
import com.arkloop.projects.adapters.http.ProjectUseCases;
import com.arkloop.projects.adapters.http.TeamUseCases;
import com.arkloop.projects.adapters.http.auth.TokenAuthenticator;
import com.arkloop.projects.application.IdGenerator;
import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.application.fakes.InMemoryProjectRepository;
import com.arkloop.projects.application.fakes.InMemoryTeamRepository;
import com.arkloop.projects.application.fakes.InMemoryTransactions;
import com.arkloop.projects.application.project.CreateProject;
import com.arkloop.projects.application.project.DeleteProject;
import com.arkloop.projects.application.project.GetProject;
import com.arkloop.projects.application.project.ListProjects;
import com.arkloop.projects.application.project.TeamCheck;
import com.arkloop.projects.application.project.UpdateProject;
import com.arkloop.projects.application.project.VisibleProjects;
import com.arkloop.projects.application.team.AddTeamMember;
import com.arkloop.projects.application.team.CreateTeam;
import com.arkloop.projects.application.team.DeleteTeam;
import com.arkloop.projects.application.team.ListTeamMembers;
import com.arkloop.projects.application.team.ListTeams;
import com.arkloop.projects.application.team.RemoveTeamMember;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.team.TeamRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Builds the use cases over any repositories (the in-memory fakes, or the PostgreSQL adapter in end-to-end
 * tests) and the {@link ApiDependencies} around them.
 */
public final class UseCaseWiring {

    private UseCaseWiring() {
    }

    public static ProjectUseCases projects(ProjectRepository projects, TeamRepository teams, Transactions transactions,
                                           Clock clock, IdGenerator ids) {
        VisibleProjects visible = new VisibleProjects(projects, teams);
        TeamCheck teamCheck = new TeamCheck(teams);
        return new ProjectUseCases(
                new CreateProject(projects, teamCheck, transactions, clock, ids),
                new ListProjects(projects, transactions),
                new GetProject(visible, transactions),
                new UpdateProject(projects, visible, teamCheck, transactions, clock),
                new DeleteProject(projects, visible, transactions, clock));
    }

    public static TeamUseCases teams(ProjectRepository projects, TeamRepository teams, Transactions transactions,
                                     Clock clock, IdGenerator ids) {
        return new TeamUseCases(
                new CreateTeam(teams, transactions, clock, ids),
                new ListTeams(teams, transactions),
                new DeleteTeam(teams, projects, transactions, clock),
                new AddTeamMember(teams, transactions, clock),
                new RemoveTeamMember(teams, transactions),
                new ListTeamMembers(teams, transactions));
    }

    public static ApiDependencies dependencies(ProjectRepository projects, TeamRepository teams, Transactions transactions,
                                               Clock clock, IdGenerator ids, TokenAuthenticator authenticator,
                                               BooleanSupplier readiness, ApiSettings settings) {
        return new ApiDependencies(projects(projects, teams, transactions, clock, ids),
                teams(projects, teams, transactions, clock, ids), authenticator, readiness, settings);
    }

    /** Fresh in-memory repositories, {@link TestTokens}, always ready, default settings, a ticking clock. */
    public static ApiDependencies inMemory() {
        InMemoryTeamRepository teams = new InMemoryTeamRepository();
        return inMemory(new InMemoryProjectRepository(teams), teams);
    }

    /** In-memory wiring around the given repositories (e.g. one wrapped to fail). */
    public static ApiDependencies inMemory(ProjectRepository projects, TeamRepository teams) {
        return dependencies(projects, teams, new InMemoryTransactions(),
                new TickingClock(Instant.parse("2024-01-01T00:00:00Z"), Duration.ofMillis(1)),
                IdGenerator.random(), new TestTokens(), () -> true, ApiSettings.DEFAULTS);
    }
}
