package com.arkloop.projects.application.team;

import com.arkloop.projects.application.Timestamps;
import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.team.TeamId;
import com.arkloop.projects.domain.team.TeamRepository;
import java.time.Clock;

public final class AddTeamMember {

    private final TeamRepository teams;
    private final Transactions transactions;
    private final Clock clock;

    public AddTeamMember(TeamRepository teams, Transactions transactions, Clock clock) {
        this.teams = teams;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Idempotent: adding a member again keeps the first {@code added_at}. */
    public void add(Actor actor, TeamId teamId, UserId userId) {
        actor.require(Permission.TEAMS_MANAGE);
        transactions.run(() -> {
            OrgTeams.require(teams, actor, teamId);
            teams.addMember(teamId, userId, Timestamps.now(clock));
        });
    }
}
