package com.arkloop.projects.application.team;

import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.team.TeamId;
import com.arkloop.projects.domain.team.TeamRepository;

public final class RemoveTeamMember {

    private final TeamRepository teams;
    private final Transactions transactions;

    public RemoveTeamMember(TeamRepository teams, Transactions transactions) {
        this.teams = teams;
        this.transactions = transactions;
    }

    /** Idempotent: removing a user who is not a member succeeds and changes nothing. */
    public void remove(Actor actor, TeamId teamId, UserId userId) {
        actor.require(Permission.TEAMS_MANAGE);
        transactions.run(() -> {
            OrgTeams.require(teams, actor, teamId);
            teams.removeMember(teamId, userId);
        });
    }
}
