package com.arkloop.projects.application.team;

import static com.arkloop.projects.application.UseCaseFixture.admin;
import static com.arkloop.projects.application.UseCaseFixture.member;
import static com.arkloop.projects.application.UseCaseFixture.newOrg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.arkloop.projects.application.UseCaseFixture;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.team.Team;
import com.arkloop.projects.domain.team.TeamMember;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TeamUseCasesTest {

    final UseCaseFixture app = new UseCaseFixture();
    final OrgId org = newOrg();
    final Actor admin = admin(org);

    static ErrorCode failure(Runnable action) {
        return assertThrows(DomainException.class, action::run).errorCode();
    }

    @Test
    void members_may_read_teams_but_only_admins_manage_them() {
        Actor member = member(org);
        Team team = app.useCases.createTeam().create(admin, "  Research  ");
        assertEquals("Research", team.name());
        assertEquals(List.of(team), app.useCases.listTeams().list(member));
        assertEquals(ErrorCode.FORBIDDEN, failure(() -> app.useCases.createTeam().create(member, "x")));
        assertEquals(ErrorCode.FORBIDDEN, failure(() -> app.useCases.deleteTeam().delete(member, team.id())));
        assertEquals(ErrorCode.FORBIDDEN, failure(() -> app.useCases.addTeamMember().add(member, team.id(), member.userId())));
    }

    @Test
    void refuses_names_outside_one_to_a_hundred_characters() {
        assertEquals(ErrorCode.VALIDATION_FAILED, failure(() -> app.useCases.createTeam().create(admin, " ")));
        assertEquals(ErrorCode.VALIDATION_FAILED, failure(() -> app.useCases.createTeam().create(admin, "n".repeat(101))));
        assertEquals("n".repeat(100), app.useCases.createTeam().create(admin, "n".repeat(100)).name());
    }

    @Test
    void adding_a_member_twice_keeps_one_membership_from_the_first_time() {
        Team team = app.useCases.createTeam().create(admin, "t");
        UserId user = new UserId(UUID.randomUUID());
        app.useCases.addTeamMember().add(admin, team.id(), user);
        List<TeamMember> first = app.useCases.listTeamMembers().list(admin, team.id());
        app.useCases.addTeamMember().add(admin, team.id(), user);
        assertEquals(first, app.useCases.listTeamMembers().list(admin, team.id()));
        app.useCases.removeTeamMember().remove(admin, team.id(), user);
        app.useCases.removeTeamMember().remove(admin, team.id(), user);
        assertEquals(List.of(), app.useCases.listTeamMembers().list(admin, team.id()));
    }

    @Test
    void a_team_of_another_org_is_not_found() {
        Team foreign = app.useCases.createTeam().create(admin(newOrg()), "elsewhere");
        UserId user = new UserId(UUID.randomUUID());
        assertEquals(ErrorCode.TEAM_NOT_FOUND, failure(() -> app.useCases.listTeamMembers().list(admin, foreign.id())));
        assertEquals(ErrorCode.TEAM_NOT_FOUND, failure(() -> app.useCases.addTeamMember().add(admin, foreign.id(), user)));
        assertEquals(ErrorCode.TEAM_NOT_FOUND, failure(() -> app.useCases.deleteTeam().delete(admin, foreign.id())));
        assertEquals(List.of(), app.useCases.listTeams().list(admin));
    }
}
