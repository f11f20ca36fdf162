package com.arkloop.projects.application.workspace;

import static com.arkloop.projects.application.workspace.WritingFixture.archive;
import static com.arkloop.projects.application.workspace.WritingFixture.bytes;
import static com.arkloop.projects.application.workspace.WritingFixture.delete;
import static com.arkloop.projects.application.workspace.WritingFixture.failure;
import static com.arkloop.projects.application.workspace.WritingFixture.file;
import static com.arkloop.projects.application.workspace.WritingFixture.member;
import static com.arkloop.projects.application.workspace.WritingFixture.newOrg;
import static com.arkloop.projects.application.workspace.WritingFixture.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.project.Visibility;
import com.arkloop.projects.domain.workspace.EntryType;
import com.arkloop.projects.domain.workspace.Manifest;
import com.arkloop.projects.domain.workspace.ManifestEntry;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.RevisionSummary;
import com.arkloop.projects.domain.workspace.Sha256;
import com.arkloop.projects.domain.workspace.WorkspacePath;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PublishRevisionTest {

    final WritingFixture app = new WritingFixture();
    final OrgId org = newOrg();
    final Actor owner = member(org);
    final Actor colleague = member(org);
    final Project shared = app.project(owner, Visibility.SHARED);
    final Project hidden = app.project(owner, Visibility.PRIVATE);

    PublishedRevision publish(WorkspaceChange change) {
        return app.publish.publish(owner, shared.id(), Optional.empty(), change);
    }

    PublishedRevision publish(Revision base, WorkspaceChange change) {
        return app.publish.publish(owner, shared.id(), Optional.of(base.value()), change);
    }

    Map<String, String> contents() {
        return app.contents(owner, shared.id(), Optional.empty());
    }

    Manifest manifest(Revision revision) {
        return app.blobs.getManifest(app.workspace(owner, shared.id()).ref(), revision).orElseThrow();
    }

    @Test
    void writes_a_file_as_the_first_revision_and_reports_it() {
        PublishedRevision published = publish(put("/src/main.go", "package main\n"));
        ManifestEntry file = published.file().orElseThrow();
        assertEquals("/src/main.go", file.path().value());
        assertEquals(13, file.size());
        assertEquals(Sha256.of("package main\n".getBytes(StandardCharsets.UTF_8)), file.sha256().orElseThrow());
        assertEquals(0644, file.mode());
        assertEquals(1, published.summary().fileCount());
        assertEquals(13, published.summary().byteCount());
        assertEquals(Optional.of(published.revision()), app.latest(owner, shared.id()));
        assertEquals(Map.of("/src/main.go", "package main\n"), contents());
    }

    @Test
    void replaces_a_file_keeping_its_mode_and_leaves_the_others() {
        publish(archive(ArchiveEntry.file("run.sh", 3, 0755, 0, bytes("old")), file("keep.txt", "k")));
        PublishedRevision published = publish(put("run.sh", "new!"));
        assertEquals(0755, published.file().orElseThrow().mode());
        assertEquals(Map.of("/run.sh", "new!", "/keep.txt", "k"), contents());
    }

    @Test
    void deletes_a_file_or_a_symlink_but_not_a_directory_or_nothing() {
        publish(archive(file("a/b.txt", "b"), file("c.txt", "c"), ArchiveEntry.symlink("link", "c.txt", 0777, 0)));
        publish(delete("/a/b.txt"));
        publish(delete("/link"));
        assertEquals(Map.of("/c.txt", "c"), contents());
        Revision before = app.latest(owner, shared.id()).orElseThrow();
        assertEquals(ErrorCode.WORKSPACE_FILE_NOT_FOUND, failure(() -> publish(delete("/a/b.txt"))));
        publish(put("/d/e.txt", "e"));
        assertEquals(ErrorCode.WORKSPACE_FILE_NOT_FOUND, failure(() -> publish(delete("/d"))));
        assertNotEquals(Optional.of(before), app.latest(owner, shared.id()));
    }

    @Test
    void refuses_to_write_a_file_onto_a_directory_or_below_a_file() {
        publish(put("/dir/inner.txt", "x"));
        Revision current = app.latest(owner, shared.id()).orElseThrow();
        assertEquals(ErrorCode.WORKSPACE_INVALID_PATH, failure(() -> publish(put("/dir", "x"))));
        assertEquals(ErrorCode.WORKSPACE_INVALID_PATH, failure(() -> publish(put("/dir/inner.txt/deeper", "x"))));
        assertEquals(Optional.of(current), app.latest(owner, shared.id()));
    }

    @Test
    void refuses_content_over_the_size_cap_and_publishes_nothing() {
        publish(put("/a.txt", "a"));
        Revision current = app.latest(owner, shared.id()).orElseThrow();
        WorkspaceChange tooLarge = WorkspaceChange.putFile(WorkspacePath.parseFile("/big"), bytes("12345"), 4);
        assertEquals(ErrorCode.REQUEST_TOO_LARGE, failure(() -> publish(tooLarge)));
        assertEquals(Optional.of(current), app.latest(owner, shared.id()));
        assertEquals(1, app.revisions.listNewestFirst(app.workspace(owner, shared.id()).ref(), Optional.empty(), 10).size());
    }

    @Test
    void accepts_the_current_base_revision_and_refuses_a_stale_or_unknown_one() {
        Revision first = publish(put("/a.txt", "1")).revision();
        Revision second = publish(first, put("/a.txt", "2")).revision();
        assertEquals(ErrorCode.WORKSPACE_REVISION_CONFLICT, failure(() -> publish(first, put("/a.txt", "3"))));
        assertEquals(ErrorCode.WORKSPACE_REVISION_CONFLICT, failure(() -> app.publish.publish(owner, shared.id(),
                Optional.of("not a revision"), put("/a.txt", "3"))));
        assertEquals(Optional.of(second), app.latest(owner, shared.id()));
        assertEquals(Map.of("/a.txt", "2"), contents());
    }

    @Test
    void refuses_any_base_revision_before_the_first_publish() {
        Revision invented = Revision.create(app.clock.instant(), new SplittableRandom());
        assertEquals(ErrorCode.WORKSPACE_REVISION_CONFLICT, failure(() -> publish(invented, put("/a.txt", "1"))));
        assertEquals(Optional.empty(), app.latest(owner, shared.id()));
    }

    @Test
    void checks_the_permission_then_the_project_then_the_path_then_the_base() {
        Actor readOnly = new Actor(owner.userId(), org, owner.role(), Set.of(Permission.PROJECTS_READ, Permission.RUNS_READ));
        WorkspaceChange hostile = new WorkspaceChange.PutFile(List.of("..%2f..%2fetc"), bytes("x"), 10);
        assertEquals(ErrorCode.FORBIDDEN, failure(() -> app.publish.publish(readOnly, shared.id(), Optional.of("stale"),
                hostile)));
        assertEquals(ErrorCode.PROJECT_NOT_FOUND, failure(() -> app.publish.publish(colleague, hidden.id(),
                Optional.of("stale"), hostile)));
        assertEquals(ErrorCode.PROJECT_NOT_FOUND, failure(() -> app.publish.publish(owner,
                new ProjectId(UUID.randomUUID()), Optional.empty(), hostile)));
        assertEquals(ErrorCode.WORKSPACE_INVALID_PATH, failure(() -> app.publish.publish(owner, shared.id(),
                Optional.of("stale"), hostile)));
        assertEquals(ErrorCode.WORKSPACE_INVALID_PATH, failure(() -> app.publish.publish(owner, shared.id(),
                Optional.empty(), new WorkspaceChange.DeleteFile(List.of("/")))));
        assertEquals(ErrorCode.WORKSPACE_REVISION_CONFLICT, failure(() -> app.publish.publish(owner, shared.id(),
                Optional.of("stale"), put("/ok.txt", "x"))));
    }

    @Test
    void writes_only_to_the_callers_own_workspace() {
        app.publish.publish(colleague, shared.id(), Optional.empty(), put("/theirs.txt", "t"));
        publish(put("/mine.txt", "m"));
        assertEquals(Map.of("/mine.txt", "m"), contents());
        assertEquals(Map.of("/theirs.txt", "t"), app.contents(colleague, shared.id(), Optional.empty()));
    }

    @Test
    void gives_each_revision_an_id_after_its_base_even_when_the_clock_goes_back() {
        Revision previous = publish(put("/n.txt", "first")).revision();
        for (int i = 0; i < 20; i++) {
            app.clock.advance(Duration.ofMillis(i % 2 == 0 ? -5_000 : -1));
            Revision next = publish(put("/n.txt", "" + i)).revision();
            assertTrue(next.compareTo(previous) > 0, previous + " then " + next);
            previous = next;
        }
    }

    @Test
    void records_each_published_revision_with_its_counts() {
        RevisionSummary first = publish(archive(file("a.txt", "aa"), file("b/c.txt", "ccc"),
                ArchiveEntry.directory("empty/", 0755, 0))).summary();
        RevisionSummary second = publish(delete("/a.txt")).summary();
        WorkspaceRef ref = app.workspace(owner, shared.id()).ref();
        assertEquals(List.of(second, first), app.revisions.listNewestFirst(ref, Optional.empty(), 10));
        assertEquals(2, first.fileCount());
        assertEquals(5, first.byteCount());
        assertEquals(1, second.fileCount());
        assertEquals(3, second.byteCount());
    }

    @Test
    void keeps_older_revisions_readable_with_their_own_content() {
        Revision first = publish(archive(file("a.txt", "one"), file("dir/b.txt", "bee"))).revision();
        Revision second = publish(put("/a.txt", "two")).revision();
        Revision third = publish(delete("/dir/b.txt")).revision();
        assertEquals(Map.of("/a.txt", "one", "/dir/b.txt", "bee"), app.contents(owner, shared.id(), Optional.of(first.value())));
        assertEquals(Map.of("/a.txt", "two", "/dir/b.txt", "bee"), app.contents(owner, shared.id(), Optional.of(second.value())));
        assertEquals(Map.of("/a.txt", "two"), app.contents(owner, shared.id(), Optional.of(third.value())));
        WorkspaceListing old = app.listFiles.list(owner, shared.id(), List.of("/dir"), Optional.empty(), 100,
                Optional.of(first.value()));
        assertEquals(Optional.of(first), old.revision());
        assertEquals(List.of("b.txt"), old.items().stream().map(item -> item.name()).toList());
        assertEquals(List.of(), app.listFiles.list(owner, shared.id(), List.of("/dir"), Optional.empty(), 100,
                Optional.empty()).items());
    }

    @Test
    void answers_revision_not_found_for_a_revision_the_workspace_never_published() {
        Revision mine = publish(put("/a.txt", "a")).revision();
        Revision theirs = app.publish.publish(colleague, shared.id(), Optional.empty(), put("/t.txt", "t")).revision();
        for (String asked : List.of(theirs.value(), "nonsense", "", Revision.create(app.clock.instant(),
                new SplittableRandom()).value())) {
            assertEquals(ErrorCode.WORKSPACE_REVISION_NOT_FOUND, failure(() -> app.readFile.describe(owner, shared.id(),
                    List.of("a.txt"), Optional.of(asked))));
            assertEquals(ErrorCode.WORKSPACE_REVISION_NOT_FOUND, failure(() -> app.listFiles.list(owner, shared.id(),
                    List.of(), Optional.empty(), 10, Optional.of(asked))));
        }
        assertEquals(mine, app.readFile.describe(owner, shared.id(), List.of("a.txt"), Optional.of(mine.value())).revision());
    }

    @Test
    void checks_the_project_and_the_path_before_the_revision() {
        publish(put("/a.txt", "a"));
        assertEquals(ErrorCode.PROJECT_NOT_FOUND, failure(() -> app.readFile.describe(colleague, hidden.id(),
                List.of("a.txt"), Optional.of("nonsense"))));
        assertEquals(ErrorCode.WORKSPACE_INVALID_PATH, failure(() -> app.readFile.describe(owner, shared.id(),
                List.of(".."), Optional.of("nonsense"))));
        assertEquals(ErrorCode.WORKSPACE_INVALID_PATH, failure(() -> app.listFiles.list(owner, shared.id(),
                List.of("a//b"), Optional.empty(), 10, Optional.of("nonsense"))));
        assertEquals(ErrorCode.INVALID_PARAMETER, failure(() -> app.listFiles.list(owner, shared.id(),
                List.of(), Optional.empty(), 0, Optional.of("nonsense"))));
    }

    @Test
    void keeps_a_revision_whose_compare_and_set_lost_invisible() {
        Revision base = publish(put("/a.txt", "a")).revision();
        Revision winner = publish(base, put("/a.txt", "winner")).revision();
        // A loser stored its manifest under its own id before losing; nothing may find it.
        WorkspaceRef ref = app.workspace(owner, shared.id()).ref();
        Revision loser = Revision.create(app.clock.instant(), new SplittableRandom());
        app.blobs.putManifest(ref, loser, Manifest.EMPTY);
        assertFalse(app.workspaces.advanceRevision(ref, Optional.of(base), loser, app.clock.instant()));
        assertEquals(ErrorCode.WORKSPACE_REVISION_NOT_FOUND, failure(() -> app.listFiles.list(owner, shared.id(),
                List.of(), Optional.empty(), 10, Optional.of(loser.value()))));
        assertEquals(Optional.of(winner), app.latest(owner, shared.id()));
    }

    @Test
    void reuses_a_blob_of_the_base_revision_without_reading_its_content_again() {
        publish(archive(file("a.txt", "same")));
        InputStream unreadable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the content of a blob the base holds must not be read");
            }
        };
        ArchiveEntry known = ArchiveEntry.file("copy.txt", 4, 0644, 0, unreadable)
                .withKnownSha256(Sha256.of("same".getBytes(StandardCharsets.UTF_8)));
        publish(archive(known));
        assertEquals(Map.of("/copy.txt", "same"), contents());
    }

    @Test
    void stores_a_known_blob_the_base_does_not_hold_and_checks_its_digest() {
        ArchiveEntry honest = ArchiveEntry.file("a.txt", 4, 0644, 0, bytes("four"))
                .withKnownSha256(Sha256.of("four".getBytes(StandardCharsets.UTF_8)));
        publish(archive(honest));
        assertEquals(Map.of("/a.txt", "four"), contents());
        ArchiveEntry lying = ArchiveEntry.file("b.txt", 4, 0644, 0, bytes("five"))
                .withKnownSha256(Sha256.of("nine".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ErrorCode.WORKSPACE_INVALID_ARCHIVE, failure(() -> publish(archive(lying))));
    }

    @Test
    void replaces_everything_from_an_archive_with_tar_style_names() {
        publish(put("/old.txt", "gone"));
        PublishedRevision published = publish(archive(
                ArchiveEntry.directory("./", 0755, 0),
                ArchiveEntry.directory("./src/", 040755, 5),
                file("./src/main.go", "package main\n"),
                ArchiveEntry.symlink("./latest", "src/main.go", 0120777, 6),
                ArchiveEntry.hardlink("./copy.go", "./src/main.go", 0644, 7),
                ArchiveEntry.directory("empty", 0700, 8)));
        assertEquals(2, published.summary().fileCount());
        assertEquals(Map.of("/src/main.go", "package main\n", "/copy.go", "package main\n"), contents());
        Manifest manifest = manifest(published.revision());
        Map<String, ManifestEntry> byPath = new HashMap<>();
        manifest.entries().forEach(entry -> byPath.put(entry.path().value(), entry));
        assertEquals(Set.of("/src", "/src/main.go", "/latest", "/copy.go", "/empty"), byPath.keySet());
        assertEquals(EntryType.SYMLINK, byPath.get("/latest").type());
        assertEquals(0777, byPath.get("/latest").mode());
        assertEquals(0755, byPath.get("/src").mode());
        assertEquals(0644, byPath.get("/src/main.go").mode());
        assertEquals(1_700_000_000_000L, byPath.get("/src/main.go").mtimeUnixMs());
    }

    @Test
    void publishes_an_empty_archive_as_an_empty_revision() {
        publish(put("/a.txt", "a"));
        PublishedRevision published = publish(archive());
        assertEquals(0, published.summary().fileCount());
        assertEquals(Manifest.EMPTY, manifest(published.revision()));
        assertEquals(List.of(), app.listFiles.list(owner, shared.id(), List.of(), Optional.empty(), 10).items());
    }

    @Test
    void fails_a_publish_that_overran_its_time_limit_and_publishes_nothing() {
        WritingFixture slow = new WritingFixture(new PublishRevision.Limits(10, 1000, Duration.ofMinutes(1)));
        Project project = slow.project(owner, Visibility.PRIVATE);
        InputStream slowUpload = new InputStream() {
            private boolean done;

            @Override
            public int read() {
                if (done) {
                    return -1;
                }
                done = true;
                slow.clock.advance(Duration.ofMinutes(2));
                return 'x';
            }
        };
        WorkspaceChange change = WorkspaceChange.putFile(WorkspacePath.parseFile("/slow"), slowUpload, 10);
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, failure(() -> slow.publish.publish(owner, project.id(),
                Optional.empty(), change)));
        assertEquals(Optional.empty(), slow.latest(owner, project.id()));
    }

    @Test
    void publishes_nothing_when_the_project_is_deleted_during_the_upload() {
        Revision current = publish(put("/a.txt", "a")).revision();
        InputStream deletingUpload = new InputStream() {
            private boolean done;

            @Override
            public int read() {
                if (done) {
                    return -1;
                }
                done = true;
                app.projects.update(shared.delete(app.clock.instant()));
                return 'x';
            }
        };
        WorkspaceChange change = WorkspaceChange.putFile(WorkspacePath.parseFile("/b"), deletingUpload, 10);
        assertEquals(ErrorCode.PROJECT_NOT_FOUND, failure(() -> publish(change)));
        assertEquals(Optional.of(current), app.latest(owner, shared.id()));
    }

    @Test
    void percent_encodes_a_path_so_that_it_decodes_back_exactly() {
        for (String path : List.of("/a b+c%d.txt", "/caf\u00E9/\uD83D\uDE00", "/x?y#z&w=v", "/%2e%2e")) {
            WorkspacePath exact = WorkspacePath.parseFile(path);
            assertEquals(exact, WorkspacePath.fileFromQuery(WorkspaceChange.rawQueryValue(exact)));
        }
    }
}
