package com.arkloop.projects.application.project;

import static com.arkloop.projects.application.UseCaseFixture.admin;
import static com.arkloop.projects.application.UseCaseFixture.member;
import static com.arkloop.projects.application.UseCaseFixture.newOrg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.arkloop.projects.application.UseCaseFixture;
import com.arkloop.projects.domain.Change;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectChanges;
import com.arkloop.projects.domain.project.ProjectDetails;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.project.Visibility;
import com.arkloop.projects.domain.team.Team;
import com.arkloop.projects.domain.team.TeamId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProjectUseCasesTest {

    final UseCaseFixture app = new UseCaseFixture();
    final OrgId org = newOrg();
    final Actor owner = member(org);
    final Actor colleague = member(org);

    static ProjectDetails details(String name, Visibility visibility) {
        return new ProjectDetails(name, Optional.empty(), Optional.empty(), visibility);
    }

    static ErrorCode failure(Runnable action) {
        return assertThrows(DomainException.class, action::run).errorCode();
    }

    @Test
    void creates_a_project_owned_by_the_caller_in_the_callers_org() {
        Project project = app.useCases.createProject().create(owner, details("Legal", Visibility.PRIVATE));
        assertEquals(owner.userId(), project.ownerUserId());
        assertEquals(org, project.orgId());
        assertEquals(project.createdAt(), project.updatedAt());
        assertEquals(project, app.useCases.getProject().get(owner, project.id()));
    }

    @Test
    void refuses_a_team_of_another_org_as_an_invalid_team_id() {
        Team foreign = app.useCases.createTeam().create(admin(newOrg()), "elsewhere");
        ProjectDetails details = new ProjectDetails("p", Optional.empty(), Optional.of(foreign.id()), Visibility.SHARED);
        DomainException error = assertThrows(DomainException.class, () -> app.useCases.createProject().create(owner, details));
        assertEquals(ErrorCode.VALIDATION_FAILED, error.errorCode());
        assertEquals(Set.of("team_id"), error.details().keySet());
    }

    @Test
    void checks_the_permission_before_looking_the_project_up() {
        Actor readOnly = new Actor(owner.userId(), org, owner.role(), Set.of(Permission.PROJECTS_READ));
        ProjectId missing = new ProjectId(UUID.randomUUID());
        assertEquals(ErrorCode.FORBIDDEN, failure(() -> app.useCases.deleteProject().delete(readOnly, missing)));
        assertEquals(ErrorCode.FORBIDDEN, failure(() -> app.useCases.createProject().create(readOnly, details("p", Visibility.PRIVATE))));
        assertEquals(ErrorCode.PROJECT_NOT_FOUND, failure(() -> app.useCases.getProject().get(readOnly, missing)));
    }

    @Test
    void a_member_who_sees_but_does_not_own_a_project_may_not_change_it() {
        Project shared = app.useCases.createProject().create(owner, details("shared", Visibility.SHARED));
        Project hidden = app.useCases.createProject().create(owner, details("private", Visibility.PRIVATE));
        ProjectChanges rename = new ProjectChanges(Change.set("x"), Change.keep(), Change.keep(), Change.keep());
        assertEquals(ErrorCode.FORBIDDEN, failure(() -> app.useCases.updateProject().update(colleague, shared.id(), rename)));
        assertEquals(ErrorCode.PROJECT_NOT_FOUND, failure(() -> app.useCases.updateProject().update(colleague, hidden.id(), rename)));
        assertEquals(ErrorCode.FORBIDDEN, failure(() -> app.useCases.deleteProject().delete(colleague, shared.id())));
        assertEquals("x", app.useCases.updateProject().update(admin(org), hidden.id(), rename).details().name());
    }

    @Test
    void an_update_applies_only_the_fields_given_and_moves_updated_at() {
        Team team = app.useCases.createTeam().create(admin(org), "t");
        Project project = app.useCases.createProject().create(owner,
                new ProjectDetails("p", Optional.of("about"), Optional.of(team.id()), Visibility.SHARED));
        Project updated = app.useCases.updateProject().update(owner, project.id(),
                new ProjectChanges(Change.keep(), Change.set(null), Change.keep(), Change.set(Visibility.PRIVATE)));
        assertEquals(new ProjectDetails("p", Optional.empty(), Optional.of(team.id()), Visibility.PRIVATE), updated.details());
        assertEquals(project.createdAt(), updated.createdAt());
        assertEquals(true, updated.updatedAt().isAfter(project.updatedAt()));
    }

    @Test
    void a_deleted_project_is_gone_and_a_second_delete_is_not_found() {
        Project project = app.useCases.createProject().create(owner, details("p", Visibility.SHARED));
        app.useCases.deleteProject().delete(owner, project.id());
        assertEquals(ErrorCode.PROJECT_NOT_FOUND, failure(() -> app.useCases.getProject().get(owner, project.id())));
        assertEquals(ErrorCode.PROJECT_NOT_FOUND, failure(() -> app.useCases.deleteProject().delete(owner, project.id())));
        assertEquals(List.of(), app.useCases.listProjects().list(admin(org), Optional.empty(), 10).projects());
    }

    @Test
    void pages_through_the_visible_projects_oldest_first() {
        List<Project> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(app.useCases.createProject().create(owner, details("p" + i, Visibility.SHARED)));
        }
        app.useCases.createProject().create(owner, details("hidden", Visibility.PRIVATE));

        List<Project> seen = new ArrayList<>();
        ProjectPage page = app.useCases.listProjects().list(colleague, Optional.empty(), 3);
        seen.addAll(page.projects());
        while (page.next().isPresent()) {
            page = app.useCases.listProjects().list(colleague, page.next(), 3);
            seen.addAll(page.projects());
        }
        assertEquals(created, seen);
    }

    @Test
    void a_full_last_page_has_no_next_cursor() {
        app.useCases.createProject().create(owner, details("a", Visibility.SHARED));
        app.useCases.createProject().create(owner, details("b", Visibility.SHARED));
        assertEquals(Optional.empty(), app.useCases.listProjects().list(owner, Optional.empty(), 2).next());
    }

    @Test
    void refuses_limits_outside_one_to_a_thousand_as_a_bad_parameter() {
        for (int limit : new int[] {0, -1, 1001}) {
            DomainException error = assertThrows(DomainException.class, () -> app.useCases.listProjects().list(owner, Optional.empty(), limit));
            assertEquals(ErrorCode.INVALID_PARAMETER, error.errorCode());
            assertEquals(Map.of("limit", "must be between 1 and 1000"), error.details());
        }
    }

    @Test
    void deleting_a_team_keeps_its_projects_with_no_team() {
        Actor admin = admin(org);
        Team team = app.useCases.createTeam().create(admin, "t");
        app.useCases.addTeamMember().add(admin, team.id(), colleague.userId());
        Project project = app.useCases.createProject().create(owner,
                new ProjectDetails("p", Optional.empty(), Optional.of(team.id()), Visibility.SHARED));
        app.useCases.deleteTeam().delete(admin, team.id());
        Project after = app.useCases.getProject().get(owner, project.id());
        assertEquals(Optional.<TeamId>empty(), after.details().teamId());
        assertEquals(ErrorCode.TEAM_NOT_FOUND, failure(() -> app.useCases.listTeamMembers().list(admin, team.id())));
    }
}
