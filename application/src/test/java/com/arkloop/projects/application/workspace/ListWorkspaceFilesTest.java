package com.arkloop.projects.application.workspace;

import static com.arkloop.projects.application.UseCaseFixture.member;
import static com.arkloop.projects.application.UseCaseFixture.newOrg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.application.UseCaseFixture;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectDetails;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.project.Visibility;
import com.arkloop.projects.domain.workspace.ContentTypes;
import com.arkloop.projects.domain.workspace.DirectoryItem;
import com.arkloop.projects.domain.workspace.EntryType;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListWorkspaceFilesTest {

    static final List<String> ROOT = List.of();
    static final int LIMIT = ListWorkspaceFiles.DEFAULT_LIMIT;

    final UseCaseFixture app = new UseCaseFixture();
    final OrgId org = newOrg();
    final Actor owner = member(org);
    final Actor colleague = member(org);
    final Project shared = create(owner, Visibility.SHARED);
    final Project hidden = create(owner, Visibility.PRIVATE);

    Project create(Actor actor, Visibility visibility) {
        return app.useCases.createProject().create(actor, new ProjectDetails("p", Optional.empty(), Optional.empty(), visibility));
    }

    static ErrorCode failure(Runnable action) {
        return assertThrows(DomainException.class, action::run).errorCode();
    }

    WorkspaceListing list(Actor actor, String rawPath) {
        return app.useCases.listWorkspaceFiles().list(actor, shared.id(), List.of(rawPath), Optional.empty(), LIMIT);
    }

    static List<String> names(WorkspaceListing listing) {
        return listing.items().stream().map(DirectoryItem::name).toList();
    }

    Revision seedSourceTree(Actor actor) {
        return app.workspaceContent.contents(actor, shared.id())
                .file("/src/main.go", "package main\n")
                .file("/src/lib/util.go", "package lib\n")
                .file("/src/zz/deep/x.txt", "x")
                .directory("/docs")
                .file("/README.md", "# hi\n")
                .file("/Makefile", "all:\n")
                .file("/data", new byte[] {1, 2, 3})
                .symlink("/link", "src/main.go")
                .publish();
    }

    @Test
    void checks_the_permissions_before_the_project_and_the_path() {
        Actor noRunsRead = new Actor(owner.userId(), org, owner.role(), Set.of(Permission.PROJECTS_READ));
        Actor noProjectsRead = new Actor(owner.userId(), org, owner.role(), Set.of(Permission.RUNS_READ));
        ProjectId missing = new ProjectId(UUID.randomUUID());
        for (Actor actor : List.of(noRunsRead, noProjectsRead)) {
            assertEquals(ErrorCode.FORBIDDEN, failure(() -> app.useCases.listWorkspaceFiles().list(actor, shared.id(), ROOT,
                    Optional.empty(), LIMIT)));
            assertEquals(ErrorCode.FORBIDDEN, failure(() -> app.useCases.listWorkspaceFiles().list(actor, missing,
                    List.of("..%2f..%2fetc"), Optional.of("!!"), 0)));
        }
    }

    @Test
    void checks_that_the_project_is_visible_before_looking_at_the_path_or_paging() {
        Actor stranger = member(newOrg());
        assertEquals(ErrorCode.PROJECT_NOT_FOUND, failure(() -> app.useCases.listWorkspaceFiles().list(colleague, hidden.id(),
                List.of("..%2f..%2fetc"), Optional.of("not a cursor"), 0)));
        assertEquals(ErrorCode.PROJECT_NOT_FOUND, failure(() -> app.useCases.listWorkspaceFiles().list(stranger, shared.id(),
                List.of("a", "b"), Optional.empty(), LIMIT)));
        assertEquals(Optional.empty(), app.workspaces.find(WorkspaceRef.derive(org, colleague.userId(), hidden.id())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "%2e%2e", "..%2f", "a//b", "%00", "a%5Cb", "%c0%ae", "%", "./a"})
    void refuses_a_hostile_path_in_a_visible_project(String raw) {
        assertEquals(ErrorCode.WORKSPACE_INVALID_PATH, failure(() -> list(owner, raw)));
    }

    @Test
    void refuses_a_repeated_path_parameter() {
        assertEquals(ErrorCode.WORKSPACE_INVALID_PATH, failure(() -> app.useCases.listWorkspaceFiles().list(owner, shared.id(),
                List.of("/src", "/src"), Optional.empty(), LIMIT)));
    }

    @Test
    void checks_the_path_before_limit_and_cursor() {
        assertEquals(ErrorCode.WORKSPACE_INVALID_PATH, failure(() -> app.useCases.listWorkspaceFiles().list(owner, shared.id(),
                List.of(".."), Optional.of("!!"), 0)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 10_001, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void refuses_a_limit_outside_1_to_10000_even_in_an_empty_workspace(int limit) {
        DomainException error = assertThrows(DomainException.class,
                () -> app.useCases.listWorkspaceFiles().list(owner, shared.id(), ROOT, Optional.empty(), limit));
        assertEquals(ErrorCode.INVALID_PARAMETER, error.errorCode());
        assertEquals(Set.of("limit"), error.details().keySet());
    }

    @Test
    void refuses_a_malformed_cursor_even_in_an_empty_workspace() {
        for (String cursor : List.of("", "!!", "Zg", "x".repeat(400))) {
            DomainException error = assertThrows(DomainException.class,
                    () -> app.useCases.listWorkspaceFiles().list(owner, shared.id(), ROOT, Optional.of(cursor), LIMIT));
            assertEquals(ErrorCode.INVALID_PARAMETER, error.errorCode(), cursor);
            assertEquals(Set.of("cursor"), error.details().keySet());
        }
    }

    @Test
    void accepts_the_limit_bounds() {
        seedSourceTree(owner);
        assertEquals(1, app.useCases.listWorkspaceFiles().list(owner, shared.id(), ROOT, Optional.empty(), 1).items().size());
        assertEquals(6, app.useCases.listWorkspaceFiles().list(owner, shared.id(), ROOT, Optional.empty(), 10_000).items().size());
    }

    @Test
    void lists_directories_first_then_files_by_name_with_implied_directories() {
        Revision revision = seedSourceTree(owner);
        WorkspaceListing root = app.useCases.listWorkspaceFiles().list(owner, shared.id(), ROOT, Optional.empty(), LIMIT);
        assertEquals(WorkspaceRef.derive(org, owner.userId(), shared.id()), root.workspace());
        assertEquals("/", root.path().value());
        assertEquals(Optional.of(revision), root.revision());
        assertEquals(List.of("docs", "src", "Makefile", "README.md", "data", "link"), names(root));
        assertEquals(Optional.empty(), root.nextCursor());

        DirectoryItem docs = root.items().get(0);
        DirectoryItem src = root.items().get(1);
        assertEquals(EntryType.DIRECTORY, docs.type());
        assertEquals(OptionalLong.of(WorkspaceFixture.MTIME_UNIX_MS), docs.mtimeUnixMs());
        assertEquals(EntryType.DIRECTORY, src.type());
        assertEquals(OptionalLong.empty(), src.mtimeUnixMs(), "an implied directory has no mtime");
        assertEquals(OptionalLong.empty(), src.size());
        assertEquals(Optional.empty(), src.mimeType());

        DirectoryItem readme = root.items().get(3);
        assertEquals(OptionalLong.of(5), readme.size());
        assertEquals(Optional.of("text/markdown; charset=utf-8"), readme.mimeType());
        assertEquals(Optional.empty(), root.items().get(4).mimeType(), "listings do not sniff");
        assertEquals(EntryType.SYMLINK, root.items().get(5).type());
    }

    @Test
    void echoes_the_canonical_path_of_a_subdirectory() {
        seedSourceTree(owner);
        WorkspaceListing src = list(owner, "src%2F");
        assertEquals("/src", src.path().value());
        assertEquals(List.of("lib", "zz", "main.go"), names(src));
        DirectoryItem main = src.items().get(2);
        assertEquals("/src/main.go", main.path().value());
        assertEquals(OptionalLong.of(13), main.size());
        assertEquals(Optional.of(ContentTypes.TEXT), main.mimeType());
        assertEquals(List.of("deep"), names(list(owner, "/src/zz/")));
    }

    @Test
    void lists_a_missing_path_or_a_file_as_empty() {
        Revision revision = seedSourceTree(owner);
        for (String path : List.of("/nope", "/src/main.go", "/link", "/SRC", "/docs")) {
            WorkspaceListing listing = list(owner, path);
            assertEquals(List.of(), listing.items(), path);
            assertEquals(Optional.of(revision), listing.revision());
            assertEquals(Optional.empty(), listing.nextCursor());
        }
    }

    @Test
    void pages_through_a_large_directory_without_gaps_or_repeats() {
        WorkspaceFixture.Contents contents = app.workspaceContent.contents(owner, shared.id());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            contents.directory("/big/dir" + i);
            expected.add("dir" + i);
        }
        for (int i = 0; i < 20; i++) {
            contents.file("/big/f" + (char) ('a' + i), new byte[] {(byte) i});
            expected.add("f" + (char) ('a' + i));
        }
        contents.publish();

        List<String> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            WorkspaceListing page = app.useCases.listWorkspaceFiles().list(owner, shared.id(), List.of("/big"), cursor, 10);
            assertTrue(page.items().size() <= 10);
            seen.addAll(names(page));
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent());
        assertEquals(expected, seen);
        assertEquals(3, pages);
    }

    @Test
    void lists_an_empty_workspace_as_empty_with_no_revision() {
        WorkspaceListing listing = app.useCases.listWorkspaceFiles().list(owner, shared.id(), ROOT, Optional.empty(), LIMIT);
        assertEquals(WorkspaceRef.derive(org, owner.userId(), shared.id()), listing.workspace());
        assertEquals(List.of(), listing.items());
        assertEquals(Optional.empty(), listing.revision());
        assertEquals(Optional.empty(), listing.nextCursor());
    }

    @Test
    void lists_as_empty_but_reports_the_revision_when_its_manifest_object_is_missing() {
        seedSourceTree(owner);
        Revision lost = app.workspaceContent.contents(owner, shared.id()).publishWithoutManifest();
        WorkspaceListing listing = app.useCases.listWorkspaceFiles().list(owner, shared.id(), ROOT, Optional.empty(), LIMIT);
        assertEquals(List.of(), listing.items());
        assertEquals(Optional.of(lost), listing.revision());
    }

    @Test
    void lists_a_published_empty_revision_as_empty() {
        Revision empty = app.workspaceContent.contents(owner, shared.id()).publish();
        WorkspaceListing listing = app.useCases.listWorkspaceFiles().list(owner, shared.id(), ROOT, Optional.empty(), LIMIT);
        assertEquals(List.of(), listing.items());
        assertEquals(Optional.of(empty), listing.revision());
    }

    @Test
    void shows_each_user_only_their_own_workspace() {
        seedSourceTree(owner);
        app.workspaceContent.contents(colleague, shared.id()).file("/mine.txt", "colleague").publish();
        assertEquals(List.of("mine.txt"), names(list(colleague, "/")));
        assertEquals(List.of(), list(colleague, "/src").items());
        assertEquals(List.of("docs", "src", "Makefile", "README.md", "data", "link"), names(list(owner, "/")));
    }

    @Test
    void reads_and_indexes_each_manifest_once() {
        seedSourceTree(owner);
        list(owner, "/");
        list(owner, "/src");
        list(owner, "/src/lib");
        assertEquals(1, app.blobs.manifestReads());
        app.workspaceContent.contents(owner, shared.id()).file("/new.txt", "new").publish();
        assertEquals(List.of("new.txt"), names(list(owner, "/")));
        list(owner, "/");
        assertEquals(2, app.blobs.manifestReads());
    }

    @Test
    void fails_as_unavailable_when_storage_does_not_answer() {
        seedSourceTree(owner);
        app.blobs.setAvailable(false);
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, failure(() -> list(owner, "/src")));
    }

    @Test
    void looks_names_up_byte_for_byte() {
        app.workspaceContent.contents(owner, shared.id())
                .file("/caf\u00E9/nfc.txt", "nfc")
                .file("/cafe\u0301/nfd.txt", "nfd")
                .file("/%2e%2e/literal.txt", "literal")
                .publish();
        assertEquals(List.of("nfc.txt"), names(list(owner, "caf%C3%A9")));
        assertEquals(List.of("nfd.txt"), names(list(owner, "cafe%CC%81")));
        assertEquals(List.of("literal.txt"), names(list(owner, "%252e%252e")));
        assertEquals(List.of(), names(list(owner, "CAF%C3%89")));
    }
}
