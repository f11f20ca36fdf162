package com.arkloop.projects.application.contracts;

import static com.arkloop.projects.application.contracts.Fixtures.T0;
import static com.arkloop.projects.application.contracts.Fixtures.newOrg;
import static com.arkloop.projects.application.contracts.Fixtures.newUser;
import static com.arkloop.projects.application.contracts.Fixtures.project;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.project.Visibility;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.RevisionLog;
import com.arkloop.projects.domain.workspace.RevisionSummary;
import com.arkloop.projects.domain.workspace.Workspace;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RevisionLog} must do. Each revision's workspace (and its project) is stored
 * first, so an adapter may enforce both with foreign keys. Timestamps have microsecond precision.
 * Newest first means descending revision id in byte order: a SQL adapter compares with
 * {@code COLLATE "C"}, which the same-millisecond test below would catch.
 */
public abstract class RevisionLogContract {

    private final SplittableRandom random = new SplittableRandom();

    /** The log under test. */
    protected abstract RevisionLog revisions();

    /** Where the revisions' workspaces are created before use. */
    protected abstract WorkspaceRepository workspaces();

    /** Where the workspaces' projects are inserted before use. */
    protected abstract ProjectRepository projects();

    private WorkspaceRef newWorkspace() {
        OrgId org = newOrg();
        UserId user = newUser();
        Project project = project(org, user, Visibility.PRIVATE, Optional.empty(), T0);
        projects().insert(project);
        return workspaces().findOrCreate(Workspace.create(org, user, project.id(), T0)).ref();
    }

    private RevisionSummary summary(WorkspaceRef workspace, int second) {
        return new RevisionSummary(workspace, Revision.create(T0.plusSeconds(second), random),
                T0.plusSeconds(second).plusNanos(1_000), second, second * 1000L);
    }

    private List<RevisionSummary> appended(WorkspaceRef workspace, int count) {
        List<RevisionSummary> history = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RevisionSummary revision = summary(workspace, i);
            revisions().append(revision);
            history.add(revision);
        }
        Collections.reverse(history);
        return history;
    }

    @Test
    void records_a_revision_and_finds_it_again() {
        WorkspaceRef workspace = newWorkspace();
        RevisionSummary revision = new RevisionSummary(workspace, Revision.create(T0, random), T0,
                Integer.MAX_VALUE + 1L, Long.MAX_VALUE);
        revisions().append(revision);
        assertEquals(Optional.of(revision), revisions().find(workspace, revision.revision()));
    }

    @Test
    void answers_empty_for_a_revision_never_recorded_or_of_another_workspace() {
        WorkspaceRef mine = newWorkspace();
        WorkspaceRef theirs = newWorkspace();
        RevisionSummary revision = summary(mine, 1);
        revisions().append(revision);
        assertEquals(Optional.empty(), revisions().find(mine, Revision.create(T0, random)));
        assertEquals(Optional.empty(), revisions().find(theirs, revision.revision()));
        assertEquals(List.of(), revisions().listNewestFirst(theirs, Optional.empty(), 10));
    }

    @Test
    void lists_a_history_newest_first() {
        WorkspaceRef workspace = newWorkspace();
        List<RevisionSummary> newestFirst = appended(workspace, 5);
        assertEquals(newestFirst, revisions().listNewestFirst(workspace, Optional.empty(), 10));
        assertEquals(newestFirst.subList(0, 2), revisions().listNewestFirst(workspace, Optional.empty(), 2));
    }

    @Test
    void pages_through_a_history_after_a_revision() {
        WorkspaceRef workspace = newWorkspace();
        List<RevisionSummary> newestFirst = appended(workspace, 5);
        assertEquals(newestFirst.subList(2, 4),
                revisions().listNewestFirst(workspace, Optional.of(newestFirst.get(1).revision()), 2));
        assertEquals(List.of(), revisions().listNewestFirst(workspace, Optional.of(newestFirst.getLast().revision()), 2));
        // A position need not be a recorded revision: the page starts after it all the same.
        Revision between = Revision.create(T0.plusSeconds(2).plusMillis(500), random);
        assertEquals(newestFirst.subList(2, 5), revisions().listNewestFirst(workspace, Optional.of(between), 10));
    }

    @Test
    void orders_revisions_of_the_same_millisecond_by_their_ids_in_byte_order() {
        WorkspaceRef workspace = newWorkspace();
        List<RevisionSummary> recorded = new ArrayList<>();
        for (String id : List.of("01HRZ8W0Q1AAAAAAAAAAAAAAAA", "01HRZ8W0Q1ZZZZZZZZZZZZZZZZ", "01HRZ8W0Q10000000000000000",
                "01HRZ8W0Q19999999999999999", "01HRZ8W0Q1A0A0A0A0A0A0A0A0")) {
            RevisionSummary revision = new RevisionSummary(workspace, new Revision(id), T0, 1, 1);
            revisions().append(revision);
            recorded.add(revision);
        }
        recorded.sort(Comparator.comparing(RevisionSummary::revision).reversed());
        assertEquals(recorded, revisions().listNewestFirst(workspace, Optional.empty(), 10));
    }

    @Test
    void keeps_the_histories_of_workspaces_apart() {
        WorkspaceRef mine = newWorkspace();
        WorkspaceRef theirs = newWorkspace();
        List<RevisionSummary> myHistory = appended(mine, 3);
        List<RevisionSummary> theirHistory = appended(theirs, 2);
        assertEquals(myHistory, revisions().listNewestFirst(mine, Optional.empty(), 10));
        assertEquals(theirHistory, revisions().listNewestFirst(theirs, Optional.empty(), 10));
    }

    @Test
    void refuses_to_record_a_revision_twice() {
        WorkspaceRef workspace = newWorkspace();
        RevisionSummary revision = summary(workspace, 1);
        revisions().append(revision);
        RevisionSummary again = new RevisionSummary(workspace, revision.revision(), T0, 99, 99);
        assertThrows(RuntimeException.class, () -> revisions().append(again));
        assertEquals(Optional.of(revision), revisions().find(workspace, revision.revision()));
    }
}
