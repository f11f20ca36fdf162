package com.arkloop.projects.application.contracts;

import static com.arkloop.projects.application.contracts.Fixtures.CREATION_ORDER;
import static com.arkloop.projects.application.contracts.Fixtures.T0;
import static com.arkloop.projects.application.contracts.Fixtures.admin;
import static com.arkloop.projects.application.contracts.Fixtures.member;
import static com.arkloop.projects.application.contracts.Fixtures.newOrg;
import static com.arkloop.projects.application.contracts.Fixtures.newUser;
import static com.arkloop.projects.application.contracts.Fixtures.project;
import static com.arkloop.projects.application.contracts.Fixtures.projectId;
import static com.arkloop.projects.application.contracts.Fixtures.team;
import static com.arkloop.projects.application.contracts.Fixtures.withoutRole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.domain.Change;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectChanges;
import com.arkloop.projects.domain.project.ProjectCursor;
import com.arkloop.projects.domain.project.ProjectDetails;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.project.Visibility;
import com.arkloop.projects.domain.team.Team;
import com.arkloop.projects.domain.team.TeamId;
import com.arkloop.projects.domain.team.TeamRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link ProjectRepository} must do. The in-memory fake applies {@link Project#isVisibleTo}
 * directly; the SQL adapter has to agree with it, which the table and the randomised test check.
 */
public abstract class ProjectRepositoryContract {

    /** The repository under test, empty at the start of each test. */
    protected abstract ProjectRepository projects();

    /** The team store whose memberships {@link #projects()} reads. */
    protected abstract TeamRepository teams();

    @Test
    void finds_an_inserted_project_as_it_was_stored() {
        OrgId org = newOrg();
        Team team = team(org, T0);
        teams().insert(team);
        ProjectDetails details = new ProjectDetails("Legal Counsel Project",
                Optional.of("Contracts & NDAs,\nin ünïcödé 📄"), Optional.of(team.id()), Visibility.SHARED);
        Project project = Project.restore(new ProjectId(UUID.randomUUID()), org, newUser(), details, T0,
                T0.plusSeconds(5), Optional.empty());

        projects().insert(project);

        assertEquals(Optional.of(project), projects().find(org, project.id()));
    }

    @Test
    void finds_nothing_for_an_id_never_stored() {
        assertEquals(Optional.empty(), projects().find(newOrg(), new ProjectId(UUID.randomUUID())));
    }

    @Test
    void stores_every_change_an_update_makes() {
        OrgId org = newOrg();
        Team team = team(org, T0);
        teams().insert(team);
        Project project = project(org, newUser(), Visibility.PRIVATE, Optional.empty(), T0);
        projects().insert(project);

        Project changed = project.update(new ProjectChanges(Change.set("Renamed"), Change.set("Now described"),
                Change.set(team.id()), Change.set(Visibility.SHARED)), T0.plusSeconds(60));
        projects().update(changed);
        assertEquals(Optional.of(changed), projects().find(org, project.id()));

        Project cleared = changed.update(new ProjectChanges(Change.keep(), Change.set(null), Change.set(null),
                Change.set(Visibility.PRIVATE)), T0.plusSeconds(120));
        projects().update(cleared);
        assertEquals(Optional.of(cleared), projects().find(org, project.id()));
    }

    @Test
    void hides_a_soft_deleted_project_from_find_and_from_every_listing() {
        OrgId org = newOrg();
        UserId owner = newUser();
        Project project = project(org, owner, Visibility.SHARED, Optional.empty(), T0);
        projects().insert(project);

        projects().update(project.delete(T0.plusSeconds(1)));

        assertEquals(Optional.empty(), projects().find(org, project.id()));
        assertEquals(List.of(), projects().listVisible(admin(org, newUser()), Optional.empty(), 10));
        assertEquals(List.of(), projects().listVisible(member(org, owner), Optional.empty(), 10));
    }

    @Test
    void keeps_each_project_inside_its_org() {
        OrgId org = newOrg();
        OrgId otherOrg = newOrg();
        UserId owner = newUser();
        Project project = project(org, owner, Visibility.SHARED, Optional.empty(), T0);
        projects().insert(project);

        assertEquals(Optional.empty(), projects().find(otherOrg, project.id()));
        assertEquals(List.of(), projects().listVisible(admin(otherOrg, newUser()), Optional.empty(), 10));
        // The same user acting in another org owns nothing there.
        assertEquals(List.of(), projects().listVisible(admin(otherOrg, owner), Optional.empty(), 10));
    }

    @ParameterizedTest(name = "{0}: admin {1}, owner {2}, team member {3}, non-member {4}, no role {5}, other org {6}")
    @CsvSource(textBlock = """
            # project,             admin, owner, team member, non-member, no role, admin of other org
            private,                true,  true,  false,       false,      false,   false
            private_with_team,      true,  true,  false,       false,      false,   false
            shared_with_org,        true,  true,  true,        true,       true,    false
            shared_with_team,       true,  true,  true,        false,      false,   false
            shared_with_other_team, true,  true,  false,       false,      false,   false
            deleted,                false, false, false,       false,      false,   false
            """)
    void shows_each_kind_of_project_to_exactly_the_callers_the_visibility_rule_allows(
            String kind, boolean admin, boolean owner, boolean teamMember, boolean nonMember, boolean noRole,
            boolean otherOrgAdmin) {
        OrgId org = newOrg();
        OrgId otherOrg = newOrg();
        UserId ownerId = newUser();
        UserId teamMemberId = newUser();
        UserId otherOrgAdminId = newUser();
        Team team = team(org, T0);
        Team otherTeam = team(org, T0);
        teams().insert(team);
        teams().insert(otherTeam);
        teams().addMember(team.id(), teamMemberId, T0);
        // Membership of the team does not carry over to a caller acting in another org.
        teams().addMember(team.id(), otherOrgAdminId, T0);
        teams().addMember(otherTeam.id(), newUser(), T0);
        Project project = switch (kind) {
            case "private" -> project(org, ownerId, Visibility.PRIVATE, Optional.empty(), T0);
            case "private_with_team" -> project(org, ownerId, Visibility.PRIVATE, Optional.of(team.id()), T0);
            case "shared_with_org" -> project(org, ownerId, Visibility.SHARED, Optional.empty(), T0);
            case "shared_with_team" -> project(org, ownerId, Visibility.SHARED, Optional.of(team.id()), T0);
            case "shared_with_other_team" -> project(org, ownerId, Visibility.SHARED, Optional.of(otherTeam.id()), T0);
            case "deleted" -> project(org, ownerId, Visibility.SHARED, Optional.empty(), T0).delete(T0);
            default -> throw new IllegalArgumentException(kind);
        };
        projects().insert(project);

        Map<String, Actor> viewers = new LinkedHashMap<>();
        viewers.put("admin", admin(org, newUser()));
        viewers.put("owner", member(org, ownerId));
        viewers.put("team member", member(org, teamMemberId));
        viewers.put("non-member", member(org, newUser()));
        viewers.put("no role", withoutRole(org, newUser()));
        viewers.put("admin of other org", admin(otherOrg, otherOrgAdminId));
        List<Boolean> expected = List.of(admin, owner, teamMember, nonMember, noRole, otherOrgAdmin);

        int column = 0;
        for (Map.Entry<String, Actor> viewer : viewers.entrySet()) {
            boolean sees = projects().listVisible(viewer.getValue(), Optional.empty(), 10).contains(project);
            assertEquals(expected.get(column++), sees, kind + " seen by " + viewer.getKey());
        }
    }

    @Test
    void lists_a_project_once_when_several_rules_show_it() {
        OrgId org = newOrg();
        UserId owner = newUser();
        Team team = team(org, T0);
        teams().insert(team);
        teams().addMember(team.id(), owner, T0);
        Project sharedWithOrg = project(org, owner, Visibility.SHARED, Optional.empty(), T0);
        Project sharedWithTeam = project(org, owner, Visibility.SHARED, Optional.of(team.id()), T0.plusSeconds(1));
        projects().insert(sharedWithOrg);
        projects().insert(sharedWithTeam);

        assertEquals(List.of(sharedWithOrg, sharedWithTeam),
                projects().listVisible(member(org, owner), Optional.empty(), 10));
    }

    @Test
    void pages_through_projects_created_at_the_same_instant_in_uuid_order() {
        OrgId org = newOrg();
        // Chosen around the sign bit and the digit/letter boundary, where a signed or a
        // case-sensitive comparison would order them differently from PostgreSQL.
        List<ProjectId> inOrder = Stream.of(
                        "00000000-0000-4000-8000-000000000001",
                        "00000009-0000-4000-8000-000000000000",
                        "0000000a-0000-4000-8000-000000000000",
                        "7fffffff-ffff-4fff-bfff-ffffffffffff",
                        "80000000-0000-4000-8000-000000000000",
                        "a0000000-0000-4000-8000-000000000000",
                        "ffffffff-0000-4000-8000-000000000000")
                .map(Fixtures::projectId).toList();
        List<ProjectId> insertionOrder = new ArrayList<>(inOrder);
        Collections.shuffle(insertionOrder, new Random(7));
        UserId owner = newUser();
        for (ProjectId id : insertionOrder) {
            projects().insert(project(id, org, owner, Visibility.SHARED, Optional.empty(), T0));
        }

        for (Actor viewer : List.of(admin(org, newUser()), member(org, newUser()), member(org, owner))) {
            List<List<ProjectId>> pages = pagesOf(viewer, 2).stream()
                    .map(page -> page.stream().map(Project::id).toList()).toList();
            assertEquals(List.of(inOrder.subList(0, 2), inOrder.subList(2, 4), inOrder.subList(4, 6),
                    inOrder.subList(6, 7)), pages, "pages seen by " + viewer);
        }
    }

    @Test
    void pages_oldest_first_across_creation_times_with_ties_broken_by_id() {
        OrgId org = newOrg();
        List<Project> stored = new ArrayList<>();
        for (Instant createdAt : List.of(T0.plusSeconds(1), T0, T0.plus(Duration.ofNanos(1000)), T0.minusSeconds(3600))) {
            for (int i = 0; i < 3; i++) {
                Project project = project(org, newUser(), Visibility.SHARED, Optional.empty(), createdAt);
                projects().insert(project);
                stored.add(project);
            }
        }
        List<Project> expected = stored.stream().sorted(CREATION_ORDER).toList();

        for (int limit : List.of(1, 3, 5, 12, 13)) {
            assertEquals(expected, pageThrough(member(org, newUser()), limit), "limit " + limit);
            assertEquals(expected, pageThrough(admin(org, newUser()), limit), "limit " + limit);
        }
    }

    @Test
    void continues_after_the_cursor_even_when_that_project_is_gone() {
        OrgId org = newOrg();
        UserId owner = newUser();
        Project first = project(org, owner, Visibility.PRIVATE, Optional.empty(), T0);
        Project second = project(org, owner, Visibility.PRIVATE, Optional.empty(), T0.plusSeconds(1));
        Project third = project(org, owner, Visibility.PRIVATE, Optional.empty(), T0.plusSeconds(2));
        Stream.of(third, first, second).forEach(projects()::insert);

        projects().update(second.delete(T0.plusSeconds(10)));

        assertEquals(List.of(third),
                projects().listVisible(member(org, owner), Optional.of(ProjectCursor.after(second)), 10));
    }

    @Test
    void detaching_a_team_clears_it_from_that_org_projects_only() {
        OrgId org = newOrg();
        OrgId otherOrg = newOrg();
        Team team = team(org, T0);
        Team keptTeam = team(org, T0);
        teams().insert(team);
        teams().insert(keptTeam);
        Project ofTeam = project(org, newUser(), Visibility.SHARED, Optional.of(team.id()), T0);
        Project ofKeptTeam = project(org, newUser(), Visibility.SHARED, Optional.of(keptTeam.id()), T0);
        // Inconsistent on purpose: the call must not reach beyond the org it names.
        Project ofOtherOrg = project(otherOrg, newUser(), Visibility.SHARED, Optional.of(team.id()), T0);
        Stream.of(ofTeam, ofKeptTeam, ofOtherOrg).forEach(projects()::insert);
        Instant now = T0.plusSeconds(60);

        projects().detachTeam(org, team.id(), now);

        Project detached = ofTeam.update(
                new ProjectChanges(Change.keep(), Change.keep(), Change.set(null), Change.keep()), now);
        assertEquals(Optional.of(detached), projects().find(org, ofTeam.id()));
        assertEquals(Optional.of(ofKeptTeam), projects().find(org, ofKeptTeam.id()));
        assertEquals(Optional.of(ofOtherOrg), projects().find(otherOrg, ofOtherOrg.id()));
        assertTrue(projects().listVisible(member(org, newUser()), Optional.empty(), 10).contains(detached),
                "a project shared with a deleted team is shared with the whole org");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20240501})
    void lists_page_by_page_exactly_what_the_domain_rule_shows_in_creation_order(long seed) {
        Random random = new Random(seed);
        OrgId org = newOrg();
        OrgId otherOrg = newOrg();
        List<UserId> users = Stream.generate(Fixtures::newUser).limit(5).toList();
        List<Team> orgTeams = Stream.generate(() -> team(org, T0)).limit(3).toList();
        Team foreignTeam = team(otherOrg, T0);
        Map<TeamId, Team> allTeams = new HashMap<>();
        Stream.concat(orgTeams.stream(), Stream.of(foreignTeam)).forEach(team -> {
            teams().insert(team);
            allTeams.put(team.id(), team);
        });
        Map<UserId, Set<TeamId>> memberships = new HashMap<>();
        for (Team team : allTeams.values()) {
            for (UserId user : users) {
                if (random.nextInt(3) == 0) {
                    teams().addMember(team.id(), user, T0);
                    memberships.computeIfAbsent(user, any -> new HashSet<>()).add(team.id());
                }
            }
        }
        List<Project> stored = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            OrgId projectOrg = random.nextInt(5) == 0 ? otherOrg : org;
            Optional<TeamId> team = switch (random.nextInt(6)) {
                case 0, 1 -> Optional.empty();
                case 2, 3, 4 -> Optional.of(orgTeams.get(random.nextInt(orgTeams.size())).id());
                default -> Optional.of(foreignTeam.id());
            };
            // Few distinct instants, so most pages break ties by id.
            Instant createdAt = T0.plusSeconds(random.nextInt(4)).plusNanos(1000L * random.nextInt(2));
            Project project = project(new ProjectId(new UUID(random.nextLong(), random.nextLong())), projectOrg,
                    users.get(random.nextInt(users.size())), random.nextBoolean() ? Visibility.SHARED : Visibility.PRIVATE,
                    team, createdAt);
            if (random.nextInt(7) == 0) {
                project = project.delete(createdAt.plusSeconds(1));
            }
            projects().insert(project);
            stored.add(project);
        }

        List<Actor> viewers = new ArrayList<>();
        for (UserId user : users) {
            viewers.add(member(org, user));
            viewers.add(withoutRole(org, user));
            viewers.add(member(otherOrg, user));
        }
        viewers.add(admin(org, users.getFirst()));
        viewers.add(admin(otherOrg, newUser()));
        for (Actor viewer : viewers) {
            Set<TeamId> viewerTeams = memberships.getOrDefault(viewer.userId(), Set.of()).stream()
                    .filter(teamId -> allTeams.get(teamId).orgId().equals(viewer.orgId()))
                    .collect(Collectors.toSet());
            List<Project> expected = stored.stream()
                    .filter(project -> project.isVisibleTo(viewer, viewerTeams))
                    .sorted(CREATION_ORDER)
                    .toList();
            int limit = 1 + random.nextInt(7);
            assertEquals(expected, pageThrough(viewer, limit), "seed " + seed + ", limit " + limit + ", " + viewer);
        }
    }

    private List<Project> pageThrough(Actor viewer, int limit) {
        return pagesOf(viewer, limit).stream().flatMap(List::stream).toList();
    }

    /** Follows cursors the way {@code ListProjects} does until a page comes back short. */
    private List<List<Project>> pagesOf(Actor viewer, int limit) {
        List<List<Project>> pages = new ArrayList<>();
        Optional<ProjectCursor> after = Optional.empty();
        while (pages.size() < 1_000) {
            List<Project> page = projects().listVisible(viewer, after, limit);
            assertTrue(page.size() <= limit, "a page holds at most the limit");
            if (page.isEmpty()) {
                return pages;
            }
            pages.add(page);
            if (page.size() < limit) {
                return pages;
            }
            after = Optional.of(ProjectCursor.after(page.getLast()));
        }
        throw new AssertionError("paging never ended");
    }
}
