package com.arkloop.projects.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectDetails;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.project.Visibility;
import com.arkloop.projects.domain.team.Team;
import com.arkloop.projects.domain.team.TeamId;
import com.arkloop.projects.domain.team.TeamRepository;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiTransactionsIT {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00.123456Z");

    @RegisterExtension
    static final FreshDatabase postgres = FreshDatabase.sharedByAllTests();

    private static Transactions transactions;
    private static ProjectRepository projects;
    private static TeamRepository teams;

    private final OrgId org = new OrgId(UUID.randomUUID());

    @BeforeAll
    static void openDatabase() {
        transactions = postgres.database().transactions();
        projects = postgres.database().projects();
        teams = postgres.database().teams();
    }

    @Test
    void commits_the_calls_of_every_repository_together() {
        Team team = newTeam();
        Project project = newProject(Optional.of(team.id()));

        transactions.run(() -> {
            teams.insert(team);
            projects.insert(project);
        });

        assertEquals(Optional.of(team), teams.find(org, team.id()));
        assertEquals(Optional.of(project), projects.find(org, project.id()));
    }

    @Test
    void rolls_back_every_repository_call_when_the_work_fails() {
        Team team = newTeam();
        Project project = newProject(Optional.of(team.id()));
        DomainException failure = new DomainException(ErrorCode.FORBIDDEN, "no");

        DomainException thrown = assertThrows(DomainException.class, () -> transactions.run(() -> {
            teams.insert(team);
            projects.insert(project);
            throw failure;
        }));

        assertSame(failure, thrown);
        assertEquals(Optional.empty(), teams.find(org, team.id()));
        assertEquals(Optional.empty(), projects.find(org, project.id()));
    }

    @Test
    void joins_a_nested_transaction_to_the_outer_one() {
        Team team = newTeam();

        assertThrows(IllegalStateException.class, () -> transactions.run(() -> {
            transactions.run(() -> teams.insert(team));
            throw new IllegalStateException("the outer work fails after the inner one finished");
        }));

        assertEquals(Optional.empty(), teams.find(org, team.id()));
    }

    @Test
    void sees_its_own_uncommitted_writes() {
        Team team = newTeam();

        List<Team> listed = transactions.inTransaction(() -> {
            teams.insert(team);
            return teams.list(org);
        });

        assertEquals(List.of(team), listed);
    }

    @Test
    void passes_other_database_errors_through_unchanged() {
        Team team = newTeam();
        teams.insert(team);

        RuntimeException duplicate = assertThrows(RuntimeException.class, () -> transactions.run(() -> teams.insert(team)));

        assertFalse(duplicate instanceof DomainException, "a constraint violation is a bug, not unavailability");
        assertEquals("23505", assertInstanceOf(SQLException.class, duplicate.getCause()).getSQLState());
    }

    @Test
    void returns_every_connection_to_the_pool() {
        for (int i = 0; i < 20; i++) {
            transactions.inTransaction(() -> teams.list(org));
        }
        assertThrows(IllegalStateException.class,
                () -> transactions.run(() -> {
                    teams.list(org);
                    throw new IllegalStateException("fails");
                }));

        assertEquals(0, postgres.database().poolStats().active());
    }

    private Team newTeam() {
        return new Team(new TeamId(UUID.randomUUID()), org, "Team", NOW);
    }

    private Project newProject(Optional<TeamId> team) {
        return Project.restore(new ProjectId(UUID.randomUUID()), org, new UserId(UUID.randomUUID()),
                new ProjectDetails("Project", Optional.empty(), team, Visibility.SHARED), NOW, NOW, Optional.empty());
    }
}
