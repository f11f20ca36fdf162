package com.arkloop.projects.application.contracts;

import static com.arkloop.projects.application.contracts.Fixtures.T0;
import static com.arkloop.projects.application.contracts.Fixtures.newOrg;
import static com.arkloop.projects.application.contracts.Fixtures.newUser;
import static com.arkloop.projects.application.contracts.Fixtures.team;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.team.Team;
import com.arkloop.projects.domain.team.TeamId;
import com.arkloop.projects.domain.team.TeamMember;
import com.arkloop.projects.domain.team.TeamRepository;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link TeamRepository} must do. */
public abstract class TeamRepositoryContract {

    /** The repository under test, empty at the start of each test. */
    protected abstract TeamRepository teams();

    @Test
    void finds_an_inserted_team_in_its_own_org_only() {
        OrgId org = newOrg();
        Team team = new Team(new TeamId(UUID.randomUUID()), org, "Legal — ünïcödé", T0);

        teams().insert(team);

        assertEquals(Optional.of(team), teams().find(org, team.id()));
        assertEquals(Optional.empty(), teams().find(newOrg(), team.id()));
        assertEquals(Optional.empty(), teams().find(org, new TeamId(UUID.randomUUID())));
    }

    @Test
    void lists_the_org_teams_oldest_first_with_ties_broken_by_id() {
        OrgId org = newOrg();
        Team last = teamWithId("ffffffff-0000-4000-8000-000000000000", org);
        Team second = teamWithId("80000000-0000-4000-8000-000000000000", org);
        Team first = teamWithId("0000000a-0000-4000-8000-000000000000", org);
        Team oldest = team(org, T0.minusSeconds(60));
        List.of(last, second, oldest, first).forEach(teams()::insert);
        teams().insert(team(newOrg(), T0));

        assertEquals(List.of(oldest, first, second, last), teams().list(org));
    }

    @Test
    void lists_no_teams_for_an_org_without_any() {
        assertEquals(List.of(), teams().list(newOrg()));
    }

    @Test
    void deleting_a_team_removes_it_and_its_memberships() {
        OrgId org = newOrg();
        UserId user = newUser();
        Team team = team(org, T0);
        Team kept = team(org, T0);
        teams().insert(team);
        teams().insert(kept);
        teams().addMember(team.id(), user, T0);
        teams().addMember(kept.id(), user, T0);

        teams().delete(team);

        assertEquals(Optional.empty(), teams().find(org, team.id()));
        assertEquals(List.of(kept), teams().list(org));
        assertEquals(List.of(), teams().members(team.id()));
        assertEquals(Set.of(kept.id()), teams().teamsOf(org, user));
    }

    @Test
    void adding_a_member_again_keeps_the_first_added_at() {
        Team team = team(newOrg(), T0);
        teams().insert(team);
        UserId user = newUser();

        teams().addMember(team.id(), user, T0);
        teams().addMember(team.id(), user, T0.plusSeconds(30));

        assertEquals(List.of(new TeamMember(user, T0)), teams().members(team.id()));
    }

    @Test
    void removes_a_member_and_shrugs_at_a_non_member() {
        Team team = team(newOrg(), T0);
        teams().insert(team);
        UserId stays = newUser();
        UserId leaves = newUser();
        teams().addMember(team.id(), stays, T0);
        teams().addMember(team.id(), leaves, T0.plusSeconds(1));

        teams().removeMember(team.id(), leaves);
        teams().removeMember(team.id(), leaves);
        teams().removeMember(team.id(), newUser());

        assertEquals(List.of(new TeamMember(stays, T0)), teams().members(team.id()));
    }

    @Test
    void lists_members_in_the_order_they_were_added() {
        Team team = team(newOrg(), T0);
        teams().insert(team);
        UserId third = newUser();
        UserId first = newUser();
        UserId tieLow = new UserId(UUID.fromString("00000000-0000-4000-8000-000000000001"));
        UserId tieHigh = new UserId(UUID.fromString("ffffffff-0000-4000-8000-000000000001"));
        teams().addMember(team.id(), third, T0.plusSeconds(2));
        teams().addMember(team.id(), first, T0);
        teams().addMember(team.id(), tieHigh, T0.plusSeconds(1));
        teams().addMember(team.id(), tieLow, T0.plusSeconds(1));

        assertEquals(List.of(new TeamMember(first, T0), new TeamMember(tieLow, T0.plusSeconds(1)),
                new TeamMember(tieHigh, T0.plusSeconds(1)), new TeamMember(third, T0.plusSeconds(2))),
                teams().members(team.id()));
    }

    @Test
    void lists_no_members_for_a_team_that_does_not_exist() {
        assertEquals(List.of(), teams().members(new TeamId(UUID.randomUUID())));
    }

    @Test
    void names_only_the_teams_of_the_given_org_that_the_user_belongs_to() {
        OrgId org = newOrg();
        OrgId otherOrg = newOrg();
        UserId user = newUser();
        Team joined = team(org, T0);
        Team alsoJoined = team(org, T0);
        Team notJoined = team(org, T0);
        Team joinedElsewhere = team(otherOrg, T0);
        List.of(joined, alsoJoined, notJoined, joinedElsewhere).forEach(teams()::insert);
        teams().addMember(joined.id(), user, T0);
        teams().addMember(alsoJoined.id(), user, T0);
        teams().addMember(joinedElsewhere.id(), user, T0);
        teams().addMember(notJoined.id(), newUser(), T0);

        assertEquals(Set.of(joined.id(), alsoJoined.id()), teams().teamsOf(org, user));
        assertEquals(Set.of(joinedElsewhere.id()), teams().teamsOf(otherOrg, user));
        assertEquals(Set.of(), teams().teamsOf(newOrg(), user));
    }

    private static Team teamWithId(String id, OrgId org) {
        return new Team(new TeamId(UUID.fromString(id)), org, "Team " + id, T0);
    }
}
