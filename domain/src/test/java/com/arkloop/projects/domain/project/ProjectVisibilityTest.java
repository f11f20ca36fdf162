package com.arkloop.projects.domain.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Role;
import com.arkloop.projects.domain.team.TeamId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ProjectVisibilityTest {

    static final OrgId ORG = new OrgId(UUID.fromString("11111111-1111-1111-1111-111111111111"));
    static final OrgId OTHER_ORG = new OrgId(UUID.fromString("99999999-9999-9999-9999-999999999999"));
    static final UserId OWNER = new UserId(UUID.fromString("22222222-2222-2222-2222-222222222222"));
    static final UserId COLLEAGUE = new UserId(UUID.fromString("33333333-3333-3333-3333-333333333333"));
    static final TeamId TEAM = new TeamId(UUID.fromString("55555555-5555-5555-5555-555555555555"));
    static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

    static Actor member(UserId user, OrgId org) {
        return Actor.withRole(user, org, Optional.of(Role.ORG_MEMBER));
    }

    static Actor admin(OrgId org) {
        return Actor.withRole(new UserId(UUID.randomUUID()), org, Optional.of(Role.ORG_ADMIN));
    }

    static Project project(Visibility visibility, Optional<TeamId> team) {
        Actor owner = member(OWNER, ORG);
        return Project.create(new ProjectId(UUID.randomUUID()), owner,
                new ProjectDetails("p", Optional.empty(), team, visibility), NOW);
    }

    static Stream<Arguments> cases() {
        Set<TeamId> none = Set.of();
        Set<TeamId> inTeam = Set.of(TEAM);
        return Stream.of(
                // project, caller, caller's teams, visible?
                Arguments.of("owner sees private", project(Visibility.PRIVATE, Optional.empty()), member(OWNER, ORG), none, true),
                Arguments.of("colleague does not see private", project(Visibility.PRIVATE, Optional.empty()), member(COLLEAGUE, ORG), none, false),
                Arguments.of("admin sees private", project(Visibility.PRIVATE, Optional.empty()), admin(ORG), none, true),
                Arguments.of("colleague sees org-shared", project(Visibility.SHARED, Optional.empty()), member(COLLEAGUE, ORG), none, true),
                Arguments.of("team member sees team-shared", project(Visibility.SHARED, Optional.of(TEAM)), member(COLLEAGUE, ORG), inTeam, true),
                Arguments.of("non-member does not see team-shared", project(Visibility.SHARED, Optional.of(TEAM)), member(COLLEAGUE, ORG), none, false),
                Arguments.of("team member does not see private team project", project(Visibility.PRIVATE, Optional.of(TEAM)), member(COLLEAGUE, ORG), inTeam, false),
                Arguments.of("admin sees team-shared", project(Visibility.SHARED, Optional.of(TEAM)), admin(ORG), none, true),
                Arguments.of("other org's admin sees nothing", project(Visibility.SHARED, Optional.empty()), admin(OTHER_ORG), none, false),
                Arguments.of("same user id in another org sees nothing", project(Visibility.PRIVATE, Optional.empty()), member(OWNER, OTHER_ORG), none, false),
                Arguments.of("unknown role sees shared", project(Visibility.SHARED, Optional.empty()), Actor.withRole(COLLEAGUE, ORG, Optional.empty()), none, true),
                Arguments.of("unknown role does not see private", project(Visibility.PRIVATE, Optional.empty()), Actor.withRole(COLLEAGUE, ORG, Optional.empty()), none, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void applies_the_visibility_rule(String name, Project project, Actor caller, Set<TeamId> teams, boolean visible) {
        assertEquals(visible, project.isVisibleTo(caller, teams));
    }

    @Test
    void a_deleted_project_is_visible_to_nobody() {
        Project deleted = project(Visibility.SHARED, Optional.empty()).delete(NOW.plusSeconds(1));
        assertEquals(false, deleted.isVisibleTo(member(OWNER, ORG), Set.of()));
        assertEquals(false, deleted.isVisibleTo(admin(ORG), Set.of()));
    }

    @Test
    void asks_about_team_membership_only_when_it_decides_the_answer() {
        java.util.List<TeamId> asked = new java.util.ArrayList<>();
        java.util.function.Predicate<TeamId> membership = team -> {
            asked.add(team);
            return true;
        };
        project(Visibility.SHARED, Optional.of(TEAM)).isVisibleTo(member(OWNER, ORG), membership);
        project(Visibility.SHARED, Optional.of(TEAM)).isVisibleTo(admin(ORG), membership);
        project(Visibility.SHARED, Optional.empty()).isVisibleTo(member(COLLEAGUE, ORG), membership);
        project(Visibility.PRIVATE, Optional.of(TEAM)).isVisibleTo(member(COLLEAGUE, ORG), membership);
        assertEquals(java.util.List.of(), asked);
        assertEquals(true, project(Visibility.SHARED, Optional.of(TEAM)).isVisibleTo(member(COLLEAGUE, ORG), membership));
        assertEquals(java.util.List.of(TEAM), asked);
    }

    @Test
    void only_the_owner_or_an_admin_may_manage_a_project() {
        Project project = project(Visibility.SHARED, Optional.empty());
        project.requireManageableBy(member(OWNER, ORG));
        project.requireManageableBy(admin(ORG));
        DomainException refused = assertThrows(DomainException.class, () -> project.requireManageableBy(member(COLLEAGUE, ORG)));
        assertEquals(ErrorCode.FORBIDDEN, refused.errorCode());
    }
}
