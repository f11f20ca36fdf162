package com.arkloop.projects.application.team;

import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.team.TeamId;
import com.arkloop.projects.domain.team.TeamMember;
import com.arkloop.projects.domain.team.TeamRepository;
import java.util.List;

public final class ListTeamMembers {

    private final TeamRepository teams;
    private final Transactions transactions;

    public ListTeamMembers(TeamRepository teams, Transactions transactions) {
        this.teams = teams;
        this.transactions = transactions;
    }

    public List<TeamMember> list(Actor actor, TeamId teamId) {
        actor.require(Permission.TEAMS_READ);
        return transactions.inTransaction(() -> {
            OrgTeams.require(teams, actor, teamId);
            return teams.members(teamId);
        });
    }
}
