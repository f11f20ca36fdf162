package com.arkloop.projects.application.project;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.team.TeamId;
import com.arkloop.projects.domain.team.TeamRepository;

/** Checks that a team a project is to be shared with exists in the caller's org (else 422 on {@code team_id}). */
public final class TeamCheck {

    private final TeamRepository teams;

    public TeamCheck(TeamRepository teams) {
        this.teams = teams;
    }

    public void requireInOrg(OrgId orgId, TeamId teamId) {
        if (teams.find(orgId, teamId).isEmpty()) {
            throw DomainException.invalidField("team_id", "is not a team of your organisation");
        }
    }
}
