package com.arkloop.projects.adapters.http;

import com.arkloop.projects.domain.team.Team;

record TeamResponse(String id, String orgId, String name, String createdAt) {

    static TeamResponse from(Team team) {
        return new TeamResponse(team.id().toString(), team.orgId().toString(), team.name(), team.createdAt().toString());
    }
}
