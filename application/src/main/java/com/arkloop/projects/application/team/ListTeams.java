package com.arkloop.projects.application.team;

import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.team.Team;
import com.arkloop.projects.domain.team.TeamRepository;
import java.util.List;

public final class ListTeams {

    private final TeamRepository teams;
    private final Transactions transactions;

    public ListTeams(TeamRepository teams, Transactions transactions) {
        this.teams = teams;
        this.transactions = transactions;
    }

    /** The teams of the actor's org, oldest first. */
    public List<Team> list(Actor actor) {
        actor.require(Permission.TEAMS_READ);
        return transactions.inTransaction(() -> teams.list(actor.orgId()));
    }
}
