package com.arkloop.projects.application.team;

import com.arkloop.projects.application.IdGenerator;
import com.arkloop.projects.application.Timestamps;
import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.team.Team;
import com.arkloop.projects.domain.team.TeamId;
import com.arkloop.projects.domain.team.TeamRepository;
import java.time.Clock;

public final class CreateTeam {

    private final TeamRepository teams;
    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;

    public CreateTeam(TeamRepository teams, Transactions transactions, Clock clock, IdGenerator ids) {
        this.teams = teams;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    public Team create(Actor actor, String name) {
        actor.require(Permission.TEAMS_MANAGE);
        Team team = new Team(new TeamId(ids.next()), actor.orgId(), name, Timestamps.now(clock));
        transactions.run(() -> teams.insert(team));
        return team;
    }
}
