package com.arkloop.projects.adapters.http;

import com.arkloop.projects.domain.team.TeamMember;

record TeamMemberResponse(String userId, String addedAt) {

    static TeamMemberResponse from(TeamMember member) {
        return new TeamMemberResponse(member.userId().toString(), member.addedAt().toString());
    }
}
