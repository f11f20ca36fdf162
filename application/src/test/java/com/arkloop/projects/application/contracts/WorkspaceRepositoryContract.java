package com.arkloop.projects.application.contracts;

import static com.arkloop.projects.application.contracts.Fixtures.T0;
import static com.arkloop.projects.application.contracts.Fixtures.newOrg;
import static com.arkloop.projects.application.contracts.Fixtures.newUser;
import static com.arkloop.projects.application.contracts.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.project.Visibility;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.Workspace;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WorkspaceRepository} must do. Every workspace belongs to a project that is
 * stored first through {@link #projects()}, so an adapter may enforce that with a foreign key.
 * Timestamps have microsecond precision, as the stores keep them.
 *
 * <p>The port has no plain lookup: {@code findOrCreate} with any candidate of the same ref reads a
 * stored workspace back unchanged, which is how these tests observe the store.
 */
public abstract class WorkspaceRepositoryContract {

    private static final int RACERS = 16;

    private final SplittableRandom random = new SplittableRandom();

    /** The repository under test. */
    protected abstract WorkspaceRepository workspaces();

    /** The project store the workspaces' projects are inserted into before use. */
    protected abstract ProjectRepository projects();

    private ProjectId storedProject(OrgId org, UserId owner) {
        Project project = project(org, owner, Visibility.SHARED, Optional.empty(), T0);
        projects().insert(project);
        return project.id();
    }

    private Revision newRevision() {
        return Revision.create(T0, random);
    }

    /** Reads the stored workspace back without changing it: a candidate of the same ref, created later. */
    private Workspace reread(Workspace workspace) {
        return workspaces().findOrCreate(Workspace.create(workspace.orgId(), workspace.ownerUserId(),
                workspace.projectId(), T0.plus(Duration.ofDays(365))));
    }

    private Workspace newWorkspace() {
        OrgId org = newOrg();
        UserId user = newUser();
        return workspaces().findOrCreate(Workspace.create(org, user, storedProject(org, user), T0));
    }

    @Test
    void stores_the_candidate_on_first_access_and_returns_it() {
        OrgId org = newOrg();
        UserId user = newUser();
        Workspace candidate = Workspace.create(org, user, storedProject(org, user), T0);
        assertEquals(candidate, workspaces().findOrCreate(candidate));
        assertEquals(candidate, reread(candidate));
        assertEquals(Optional.empty(), reread(candidate).latestRevision());
    }

    @Test
    void returns_the_stored_workspace_unchanged_on_later_accesses() {
        Workspace first = newWorkspace();
        Workspace later = Workspace.create(first.orgId(), first.ownerUserId(), first.projectId(), T0.plusSeconds(60));
        assertEquals(first, workspaces().findOrCreate(later));
        assertEquals(first, workspaces().findOrCreate(later));
    }

    @Test
    void keeps_the_revision_pointer_when_accessed_again() {
        Workspace workspace = newWorkspace();
        Revision revision = newRevision();
        Instant used = T0.plusSeconds(5);
        assertTrue(workspaces().advanceRevision(workspace.ref(), Optional.empty(), revision, used));
        Workspace again = reread(workspace);
        assertEquals(Optional.of(revision), again.latestRevision());
        assertEquals(used, again.lastUsedAt());
    }

    @Test
    void gives_every_concurrent_first_access_the_one_stored_workspace() throws Exception {
        OrgId org = newOrg();
        UserId user = newUser();
        ProjectId projectId = storedProject(org, user);
        List<Workspace> candidates = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            // Different creation times, so the test can tell whose candidate was stored.
            candidates.add(Workspace.create(org, user, projectId, T0.plusMillis(i)));
        }
        List<Workspace> results = race(candidates.stream()
                .<Callable<Workspace>>map(candidate -> () -> workspaces().findOrCreate(candidate)).toList());
        Workspace stored = results.getFirst();
        assertTrue(candidates.contains(stored), "the stored workspace is one of the candidates");
        for (Workspace result : results) {
            assertEquals(stored, result);
        }
        assertEquals(stored, reread(stored));
    }

    @Test
    void gives_two_users_of_one_project_two_workspaces() {
        OrgId org = newOrg();
        UserId owner = newUser();
        UserId colleague = newUser();
        ProjectId projectId = storedProject(org, owner);
        Workspace ownerWorkspace = workspaces().findOrCreate(Workspace.create(org, owner, projectId, T0));
        Workspace colleagueWorkspace = workspaces().findOrCreate(Workspace.create(org, colleague, projectId, T0));
        assertNotEquals(ownerWorkspace.ref(), colleagueWorkspace.ref());
        assertEquals(owner, ownerWorkspace.ownerUserId());
        assertEquals(colleague, colleagueWorkspace.ownerUserId());
        assertEquals(ownerWorkspace, reread(ownerWorkspace));
        assertEquals(colleagueWorkspace, reread(colleagueWorkspace));
    }

    @Test
    void gives_one_user_a_workspace_per_project() {
        OrgId org = newOrg();
        UserId user = newUser();
        Workspace first = workspaces().findOrCreate(Workspace.create(org, user, storedProject(org, user), T0));
        Workspace second = workspaces().findOrCreate(Workspace.create(org, user, storedProject(org, user), T0));
        assertNotEquals(first.ref(), second.ref());
        assertEquals(first, reread(first));
        assertEquals(second, reread(second));
    }

    @Test
    void advances_the_pointer_from_none_to_the_first_revision_and_marks_the_workspace_used() {
        Workspace workspace = newWorkspace();
        Revision first = newRevision();
        Instant now = T0.plus(Duration.ofMinutes(3)).plusNanos(1_000);
        assertTrue(workspaces().advanceRevision(workspace.ref(), Optional.empty(), first, now));
        Workspace after = reread(workspace);
        assertEquals(new Workspace(workspace.ref(), workspace.orgId(), workspace.ownerUserId(), workspace.projectId(),
                Optional.of(first), now), after);
    }

    @Test
    void advances_the_pointer_from_the_expected_revision_to_the_next() {
        Workspace workspace = newWorkspace();
        Revision first = newRevision();
        Revision second = newRevision();
        assertTrue(workspaces().advanceRevision(workspace.ref(), Optional.empty(), first, T0.plusSeconds(1)));
        assertTrue(workspaces().advanceRevision(workspace.ref(), Optional.of(first), second, T0.plusSeconds(2)));
        Workspace after = reread(workspace);
        assertEquals(Optional.of(second), after.latestRevision());
        assertEquals(T0.plusSeconds(2), after.lastUsedAt());
    }

    @Test
    void refuses_to_advance_from_a_stale_revision_and_changes_nothing() {
        Workspace workspace = newWorkspace();
        Revision first = newRevision();
        Revision second = newRevision();
        Revision loser = newRevision();
        assertTrue(workspaces().advanceRevision(workspace.ref(), Optional.empty(), first, T0.plusSeconds(1)));
        assertTrue(workspaces().advanceRevision(workspace.ref(), Optional.of(first), second, T0.plusSeconds(2)));
        Workspace before = reread(workspace);

        assertFalse(workspaces().advanceRevision(workspace.ref(), Optional.empty(), loser, T0.plusSeconds(3)));
        assertFalse(workspaces().advanceRevision(workspace.ref(), Optional.of(first), loser, T0.plusSeconds(3)));
        assertFalse(workspaces().advanceRevision(workspace.ref(), Optional.of(loser), loser, T0.plusSeconds(3)));
        assertEquals(before, reread(workspace));
    }

    @Test
    void refuses_to_advance_from_a_revision_when_there_is_none_yet() {
        Workspace workspace = newWorkspace();
        assertFalse(workspaces().advanceRevision(workspace.ref(), Optional.of(newRevision()), newRevision(),
                T0.plusSeconds(1)));
        assertEquals(workspace, reread(workspace));
    }

    @Test
    void refuses_to_advance_a_workspace_that_was_never_created() {
        OrgId org = newOrg();
        UserId user = newUser();
        WorkspaceRef unknown = WorkspaceRef.derive(org, user, storedProject(org, user));
        assertFalse(workspaces().advanceRevision(unknown, Optional.empty(), newRevision(), T0));
    }

    @Test
    void lets_exactly_one_of_many_concurrent_writers_on_one_base_win() throws Exception {
        Workspace workspace = newWorkspace();
        List<Revision> candidates = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            candidates.add(newRevision());
        }
        List<Boolean> outcomes = race(candidates.stream().<Callable<Boolean>>map(next ->
                () -> workspaces().advanceRevision(workspace.ref(), Optional.empty(), next, T0.plusSeconds(1))).toList());
        assertEquals(1, outcomes.stream().filter(Boolean::booleanValue).count());
        Revision winner = candidates.get(outcomes.indexOf(true));
        assertEquals(Optional.of(winner), reread(workspace).latestRevision());
    }

    @Test
    void advancing_one_workspace_leaves_the_others_alone() {
        OrgId org = newOrg();
        UserId owner = newUser();
        ProjectId projectId = storedProject(org, owner);
        Workspace mine = workspaces().findOrCreate(Workspace.create(org, owner, projectId, T0));
        Workspace theirs = workspaces().findOrCreate(Workspace.create(org, newUser(), projectId, T0));
        assertTrue(workspaces().advanceRevision(mine.ref(), Optional.empty(), newRevision(), T0.plusSeconds(1)));
        assertEquals(theirs, reread(theirs));
    }

    @Test
    void keeps_revision_ids_exactly_as_given() {
        Set<Revision> seen = new HashSet<>();
        Workspace workspace = newWorkspace();
        Optional<Revision> current = Optional.empty();
        for (int i = 0; i < 5; i++) {
            Revision next = Revision.create(T0.plusMillis(i * 1000L), random);
            assertTrue(workspaces().advanceRevision(workspace.ref(), current, next, T0.plusSeconds(i)));
            assertEquals(Optional.of(next), reread(workspace).latestRevision());
            assertTrue(seen.add(next));
            current = Optional.of(next);
        }
    }

    /** Runs the tasks at once, released together by a latch, and returns their results in order. */
    private static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS));
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
