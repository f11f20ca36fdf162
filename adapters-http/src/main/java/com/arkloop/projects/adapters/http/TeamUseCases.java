package com.arkloop.projects.adapters.http;

import com.arkloop.projects.application.team.AddTeamMember;
import com.arkloop.projects.application.team.CreateTeam;
import com.arkloop.projects.application.team.DeleteTeam;
import com.arkloop.projects.application.team.ListTeamMembers;
import com.arkloop.projects.application.team.ListTeams;
import com.arkloop.projects.application.team.RemoveTeamMember;
import java.util.Objects;

/** The team use cases the {@code /v1/teams} routes call. */
public record TeamUseCases(CreateTeam create, ListTeams list, DeleteTeam delete, AddTeamMember addMember,
                           RemoveTeamMember removeMember, ListTeamMembers listMembers) {
    public TeamUseCases {
        Objects.requireNonNull(create, "create");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(delete, "delete");
        Objects.requireNonNull(addMember, "addMember");
        Objects.requireNonNull(removeMember, "removeMember");
        Objects.requireNonNull(listMembers, "listMembers");
    }
}
