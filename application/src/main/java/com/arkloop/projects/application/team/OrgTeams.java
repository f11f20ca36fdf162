package com.arkloop.projects.application.team;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.team.Team;
import com.arkloop.projects.domain.team.TeamId;
import com.arkloop.projects.domain.team.TeamRepository;

/** Finds a team of the actor's org; a team of another org is as absent as one that never existed. */
final class OrgTeams {

    private OrgTeams() {
    }

    static Team require(TeamRepository teams, Actor actor, TeamId id) {
        return teams.find(actor.orgId(), id)
                .orElseThrow(() -> new DomainException(ErrorCode.TEAM_NOT_FOUND, "team not found"));
    }
}
