package com.arkloop.projects.application.team;

import com.arkloop.projects.application.Timestamps;
import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.team.Team;
import com.arkloop.projects.domain.team.TeamId;
import com.arkloop.projects.domain.team.TeamRepository;
import java.time.Clock;

public final class DeleteTeam {

    private final TeamRepository teams;
    private final ProjectRepository projects;
    private final Transactions transactions;
    private final Clock clock;

    public DeleteTeam(TeamRepository teams, ProjectRepository projects, Transactions transactions, Clock clock) {
        this.teams = teams;
        this.projects = projects;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Deletes the team. Its projects keep existing with no team, as the contract says: a project that
     * was shared with the team is then shared with the whole org.
     */
    public void delete(Actor actor, TeamId id) {
        actor.require(Permission.TEAMS_MANAGE);
        transactions.run(() -> {
            Team team = OrgTeams.require(teams, actor, id);
            projects.detachTeam(actor.orgId(), team.id(), Timestamps.now(clock));
            teams.delete(team);
        });
    }
}
