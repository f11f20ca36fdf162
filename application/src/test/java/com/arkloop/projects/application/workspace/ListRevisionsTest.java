package com.arkloop.projects.application.workspace;

import static com.arkloop.projects.application.workspace.WritingFixture.failure;
import static com.arkloop.projects.application.workspace.WritingFixture.member;
import static com.arkloop.projects.application.workspace.WritingFixture.newOrg;
import static com.arkloop.projects.application.workspace.WritingFixture.put;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.Visibility;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.RevisionSummary;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListRevisionsTest {

    final WritingFixture app = new WritingFixture();
    final OrgId org = newOrg();
    final Actor owner = member(org);
    final Actor colleague = member(org);
    final Project shared = app.project(owner, Visibility.SHARED);
    final Project hidden = app.project(owner, Visibility.PRIVATE);

    List<Revision> publish(int count) {
        List<Revision> newestFirst = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            newestFirst.addFirst(app.publish.publish(owner, shared.id(), Optional.empty(), put("/n.txt", "" + i)).revision());
        }
        return newestFirst;
    }

    static List<Revision> revisions(RevisionPage page) {
        return page.items().stream().map(RevisionSummary::revision).toList();
    }

    @Test
    void lists_nothing_before_the_first_publish() {
        RevisionPage page = app.listRevisions.list(owner, shared.id(), Optional.empty(), ListRevisions.DEFAULT_LIMIT);
        assertEquals(List.of(), page.items());
        assertEquals(Optional.empty(), page.nextCursor());
        assertEquals(app.workspace(owner, shared.id()).ref(), page.workspace());
    }

    @Test
    void lists_the_revisions_newest_first_with_their_counts() {
        List<Revision> newestFirst = publish(3);
        RevisionPage page = app.listRevisions.list(owner, shared.id(), Optional.empty(), 100);
        assertEquals(newestFirst, revisions(page));
        assertEquals(Optional.empty(), page.nextCursor());
        RevisionSummary latest = page.items().getFirst();
        assertEquals(1, latest.fileCount());
        assertEquals(1, latest.byteCount());
    }

    @Test
    void pages_through_the_history_with_cursors() {
        List<Revision> newestFirst = publish(7);
        List<Revision> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            RevisionPage page = app.listRevisions.list(owner, shared.id(), cursor, 3);
            seen.addAll(revisions(page));
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent());
        assertEquals(newestFirst, seen);
        assertEquals(3, pages);
    }

    @Test
    void ends_exactly_on_a_full_last_page_without_another_cursor() {
        publish(4);
        RevisionPage first = app.listRevisions.list(owner, shared.id(), Optional.empty(), 2);
        RevisionPage second = app.listRevisions.list(owner, shared.id(), first.nextCursor(), 2);
        assertEquals(2, second.items().size());
        assertEquals(Optional.empty(), second.nextCursor());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001})
    void refuses_a_limit_out_of_range(int limit) {
        assertEquals(ErrorCode.INVALID_PARAMETER, failure(() -> app.listRevisions.list(owner, shared.id(),
                Optional.empty(), limit)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "bm90IGEgcmV2aXNpb24", "MDFIUlo4VzBRMUFBQUFBQUFBQUFBQUFBQUFB=", "01HRZ8W0Q1AAAAAAAAAAAAAAAA"})
    void refuses_a_cursor_it_did_not_make(String cursor) {
        publish(1);
        assertEquals(ErrorCode.INVALID_PARAMETER, failure(() -> app.listRevisions.list(owner, shared.id(),
                Optional.of(cursor), 10)));
    }

    @Test
    void accepts_a_cursor_naming_any_revision_id() {
        List<Revision> newestFirst = publish(3);
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(newestFirst.get(0).value().getBytes());
        assertEquals(newestFirst.subList(1, 3), revisions(app.listRevisions.list(owner, shared.id(), Optional.of(cursor), 10)));
    }

    @Test
    void checks_the_permissions_then_the_project_then_the_parameters() {
        Actor noRunsRead = new Actor(owner.userId(), org, owner.role(), Set.of(Permission.PROJECTS_READ));
        assertEquals(ErrorCode.FORBIDDEN, failure(() -> app.listRevisions.list(noRunsRead, shared.id(),
                Optional.of("bad"), 0)));
        assertEquals(ErrorCode.PROJECT_NOT_FOUND, failure(() -> app.listRevisions.list(colleague, hidden.id(),
                Optional.of("bad"), 0)));
        assertEquals(ErrorCode.PROJECT_NOT_FOUND, failure(() -> app.listRevisions.list(member(newOrg()), shared.id(),
                Optional.empty(), 10)));
    }

    @Test
    void lists_only_the_callers_own_history() {
        publish(2);
        assertEquals(List.of(), app.listRevisions.list(colleague, shared.id(), Optional.empty(), 10).items());
    }
}
