package com.arkloop.projects.application.workspace;

import static com.arkloop.projects.application.UseCaseFixture.member;
import static com.arkloop.projects.application.UseCaseFixture.newOrg;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.arkloop.projects.application.UseCaseFixture;
import com.arkloop.projects.application.fakes.DelegatingBlobStore;
import com.arkloop.projects.application.project.VisibleProjects;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectDetails;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.project.Visibility;
import com.arkloop.projects.domain.workspace.BlobContent;
import com.arkloop.projects.domain.workspace.BlobStore;
import com.arkloop.projects.domain.workspace.ByteRange;
import com.arkloop.projects.domain.workspace.ContentTypes;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.Sha256;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReadWorkspaceFileTest {

    static final byte[] MAIN_GO = "package main\n\nfunc main() {}\n".getBytes(StandardCharsets.UTF_8);

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

    WorkspaceFile describe(Actor actor, String rawPath) {
        return app.useCases.readWorkspaceFile().describe(actor, shared.id(), List.of(rawPath));
    }

    static byte[] readAll(BlobContent content) throws IOException {
        try (content) {
            return content.stream().readAllBytes();
        }
    }

    WorkspaceFixture.Contents seed() {
        return app.workspaceContent.contents(owner, shared.id());
    }

    @Test
    void checks_the_permissions_before_the_project_and_the_path() {
        Actor noRunsRead = new Actor(owner.userId(), org, owner.role(), Set.of(Permission.PROJECTS_READ));
        Actor noProjectsRead = new Actor(owner.userId(), org, owner.role(), Set.of(Permission.RUNS_READ));
        seed().file("/a.txt", "a").publish();
        for (Actor actor : List.of(noRunsRead, noProjectsRead)) {
            assertEquals(ErrorCode.FORBIDDEN, failure(() -> describe(actor, "a.txt")));
            assertEquals(ErrorCode.FORBIDDEN, failure(() -> app.useCases.readWorkspaceFile().describe(actor,
                    new ProjectId(UUID.randomUUID()), List.of("..%2f..%2fetc%2fpasswd"))));
        }
    }

    @Test
    void checks_that_the_project_is_visible_before_looking_at_the_path() {
        Actor stranger = member(newOrg());
        assertEquals(ErrorCode.PROJECT_NOT_FOUND, failure(() -> app.useCases.readWorkspaceFile().describe(colleague, hidden.id(),
                List.of("..%2f..%2fetc%2fpasswd"))));
        assertEquals(ErrorCode.PROJECT_NOT_FOUND, failure(() -> app.useCases.readWorkspaceFile().describe(stranger, shared.id(),
                List.of())));
        assertEquals(ErrorCode.PROJECT_NOT_FOUND, failure(() -> app.useCases.readWorkspaceFile().describe(stranger, shared.id(),
                List.of("a", "b"))));
        assertEquals(Optional.empty(), app.workspaces.find(WorkspaceRef.derive(org, colleague.userId(), hidden.id())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "%2e%2e", "..%2fetc", "a//b", "a%00.txt", "a%5Cb", "%c0%ae%c0%ae", "a.txt%2F", "/", ""})
    void refuses_a_hostile_path_or_the_root_in_a_visible_project(String raw) {
        seed().file("/a.txt", "a").publish();
        assertEquals(ErrorCode.WORKSPACE_INVALID_PATH, failure(() -> describe(owner, raw)));
    }

    @Test
    void refuses_a_missing_or_repeated_path_parameter() {
        seed().file("/a.txt", "a").publish();
        assertEquals(ErrorCode.WORKSPACE_INVALID_PATH,
                failure(() -> app.useCases.readWorkspaceFile().describe(owner, shared.id(), List.of())));
        assertEquals(ErrorCode.WORKSPACE_INVALID_PATH,
                failure(() -> app.useCases.readWorkspaceFile().describe(owner, shared.id(), List.of("a.txt", "a.txt"))));
    }

    @Test
    void describes_a_file_with_its_digest_size_mtime_and_type_from_the_extension() {
        Revision revision = seed().file("/src/main.go", MAIN_GO, 1_700_000_000_123L, 0600).publish();
        WorkspaceFile file = describe(owner, "src/main.go");
        assertEquals(WorkspaceRef.derive(org, owner.userId(), shared.id()), file.workspace());
        assertEquals(revision, file.revision());
        assertEquals("/src/main.go", file.path().value());
        assertEquals(Sha256.of(MAIN_GO), file.sha256());
        assertEquals(MAIN_GO.length, file.size());
        assertEquals(1_700_000_000_123L, file.mtimeUnixMs());
        assertEquals(ContentTypes.TEXT, file.contentType());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            README.md      | text/markdown; charset=utf-8
            index.html     | text/html; charset=utf-8
            data.json      | application/json
            logo.svg       | image/svg+xml
            photo.PNG      | image/png
            archive.tar    | application/x-tar
            Makefile       | text/plain; charset=utf-8
            """)
    void takes_the_type_from_the_extension_table_whatever_the_bytes(String name, String type) {
        seed().file(name, new byte[] {0, 1, 2, (byte) 0xff}).publish();
        assertEquals(type, describe(owner, name).contentType());
    }

    @Test
    void sniffs_text_and_binary_when_the_extension_is_unknown() {
        seed().file("/notes", "plain words, caf\u00E9\n")
                .file("/blob.bin", new byte[] {'a', 0, 'b'})
                .file("/latin1.dat", new byte[] {'c', 'a', 'f', (byte) 0xE9})
                .file("/empty", new byte[0])
                .publish();
        assertEquals(ContentTypes.TEXT, describe(owner, "notes").contentType());
        assertEquals(ContentTypes.BINARY, describe(owner, "blob.bin").contentType());
        assertEquals(ContentTypes.BINARY, describe(owner, "latin1.dat").contentType());
        WorkspaceFile empty = describe(owner, "empty");
        assertEquals(ContentTypes.TEXT, empty.contentType());
        assertEquals(0, empty.size());
    }

    @Test
    void sniffs_only_the_first_512_bytes_and_forgives_a_character_cut_at_the_end() {
        // 511 ASCII bytes then a two-byte character straddling the sniffing window, then a NUL far later.
        byte[] content = new byte[2000];
        Arrays.fill(content, (byte) 'a');
        content[511] = (byte) 0xC3;
        content[512] = (byte) 0xA9;
        content[1500] = 0;
        seed().file("/long", content).publish();
        WorkspaceFile file = describe(owner, "long");
        assertEquals(ContentTypes.TEXT, file.contentType());
        assertEquals(2000, file.size());
    }

    @Test
    void never_opens_the_body_to_describe_a_file_and_reads_at_most_512_bytes_to_sniff() {
        RecordingBlobStore recording = new RecordingBlobStore(app.blobs);
        ReadWorkspaceFile read = new ReadWorkspaceFile(new VisibleProjects(
                app.projects, app.teams), app.workspaces, new DirectoryIndexCache(recording, 1000), recording,
                app.transactions, app.clock);
        byte[] big = new byte[100_000];
        Arrays.fill(big, (byte) 'x');
        seed().file("/big.txt", big).file("/big", big).publish();

        assertEquals(big.length, read.describe(owner, shared.id(), List.of("big.txt")).size());
        assertEquals(List.of(), recording.opened);

        assertEquals(big.length, read.describe(owner, shared.id(), List.of("big")).size());
        assertEquals(List.of(Optional.of(new ByteRange(0, ContentTypes.SNIFF_BYTES))), recording.opened);
    }

    @Test
    void streams_the_whole_file_or_exactly_the_requested_range() throws IOException {
        seed().file("/src/main.go", MAIN_GO).publish();
        WorkspaceFile file = describe(owner, "/src/main.go");
        assertArrayEquals(MAIN_GO, readAll(app.useCases.readWorkspaceFile().open(file, Optional.empty())));

        BlobContent range = app.useCases.readWorkspaceFile().open(file, Optional.of(ByteRange.inclusive(8, 11)));
        assertEquals(MAIN_GO.length, range.totalSize());
        assertEquals(8, range.offset());
        assertEquals(4, range.length());
        assertArrayEquals("main".getBytes(StandardCharsets.UTF_8), readAll(range));

        BlobContent tail = app.useCases.readWorkspaceFile().open(file, Optional.of(new ByteRange(MAIN_GO.length - 3, 100)));
        assertArrayEquals("{}\n".getBytes(StandardCharsets.UTF_8), readAll(tail));
    }

    @Test
    void refuses_a_range_that_starts_at_or_past_the_end() {
        seed().file("/a.txt", "abc").publish();
        WorkspaceFile file = describe(owner, "a.txt");
        assertEquals(ErrorCode.WORKSPACE_RANGE_NOT_SATISFIABLE,
                failure(() -> app.useCases.readWorkspaceFile().open(file, Optional.of(new ByteRange(3, 1)))));
    }

    @Test
    void answers_not_found_in_a_workspace_without_a_revision() {
        assertEquals(ErrorCode.WORKSPACE_FILE_NOT_FOUND, failure(() -> describe(owner, "a.txt")));
    }

    @Test
    void answers_not_found_when_the_manifest_object_is_missing() {
        seed().file("/a.txt", "a").publish();
        seed().file("/a.txt", "a").publishWithoutManifest();
        assertEquals(ErrorCode.WORKSPACE_FILE_NOT_FOUND, failure(() -> describe(owner, "a.txt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nope.txt", "src", "docs", "link", "src/main.go/x", "SRC/main.go", "gone.txt", "gone"})
    void answers_not_found_for_a_missing_file_a_directory_a_symlink_or_a_missing_blob(String path) {
        seed().file("/src/main.go", MAIN_GO)
                .directory("/docs")
                .symlink("/link", "src/main.go")
                .fileWithoutBlob("/gone.txt", "lost".getBytes(StandardCharsets.UTF_8))
                .fileWithoutBlob("/gone", "lost too".getBytes(StandardCharsets.UTF_8))
                .publish();
        assertEquals(ErrorCode.WORKSPACE_FILE_NOT_FOUND, failure(() -> describe(owner, path)));
    }

    @Test
    void answers_not_found_when_opening_a_blob_that_is_not_there() {
        seed().file("/a.txt", "a").publish();
        WorkspaceFile file = describe(owner, "a.txt");
        WorkspaceRef elsewhere = WorkspaceRef.derive(org, colleague.userId(), shared.id());
        WorkspaceFile moved = new WorkspaceFile(elsewhere, file.revision(), file.entry(), file.size(), file.contentType());
        assertEquals(ErrorCode.WORKSPACE_FILE_NOT_FOUND, failure(() -> app.useCases.readWorkspaceFile().open(moved, Optional.empty())));
    }

    @Test
    void fails_as_unavailable_when_storage_does_not_answer() {
        seed().file("/a.txt", "a").file("/b", "b").publish();
        WorkspaceFile file = describe(owner, "a.txt");
        app.blobs.setAvailable(false);
        // The index is cached by now; the blob itself still has to be asked for.
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, failure(() -> describe(owner, "a.txt")));
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, failure(() -> describe(owner, "b")));
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, failure(() -> app.useCases.readWorkspaceFile().open(file, Optional.empty())));
    }

    @Test
    void fails_as_unavailable_when_storage_is_down_before_the_manifest_is_read() {
        seed().file("/a.txt", "a").publish();
        app.blobs.setAvailable(false);
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, failure(() -> describe(owner, "a.txt")));
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, failure(() -> describe(owner, "missing.txt")));
    }

    @Test
    void fails_as_unavailable_when_the_blob_breaks_while_sniffing() {
        seed().file("/a", "a").publish();
        ReadWorkspaceFile read = new ReadWorkspaceFile(new VisibleProjects(
                app.projects, app.teams), app.workspaces, new DirectoryIndexCache(app.blobs, 1_000), new BrokenStreamBlobStore(app.blobs),
                app.transactions, app.clock);
        DomainException error = assertThrows(DomainException.class,
                () -> read.describe(owner, shared.id(), List.of("a")));
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, error.errorCode());
    }

    @Test
    void shows_each_user_only_their_own_files() throws IOException {
        seed().file("/secret.txt", "owner's").publish();
        app.workspaceContent.contents(colleague, shared.id()).file("/secret.txt", "colleague's").publish();
        assertArrayEquals("owner's".getBytes(StandardCharsets.UTF_8),
                readAll(app.useCases.readWorkspaceFile().open(describe(owner, "secret.txt"), Optional.empty())));
        assertArrayEquals("colleague's".getBytes(StandardCharsets.UTF_8),
                readAll(app.useCases.readWorkspaceFile().open(describe(colleague, "secret.txt"), Optional.empty())));

        app.workspaceContent.contents(colleague, shared.id()).file("/other.txt", "x").publish();
        assertEquals(ErrorCode.WORKSPACE_FILE_NOT_FOUND, failure(() -> describe(owner, "other.txt")));
    }

    @Test
    void looks_names_up_byte_for_byte() {
        seed().file("/caf\u00E9.txt", "nfc").file("/%2e%2e", "literal").publish();
        assertEquals("/caf\u00E9.txt", describe(owner, "caf%C3%A9.txt").path().value());
        assertEquals(ErrorCode.WORKSPACE_FILE_NOT_FOUND, failure(() -> describe(owner, "cafe%CC%81.txt")));
        assertEquals(ErrorCode.WORKSPACE_FILE_NOT_FOUND, failure(() -> describe(owner, "CAF%C3%A9.txt")));
        assertEquals("/%2e%2e", describe(owner, "%252e%252e").path().value());
    }

    /** Passes everything through and records the ranges blobs were opened with. */
    static class RecordingBlobStore extends DelegatingBlobStore {
        final List<Optional<ByteRange>> opened = new ArrayList<>();

        RecordingBlobStore(BlobStore delegate) {
            super(delegate);
        }

        @Override
        public Optional<BlobContent> openBlob(WorkspaceRef workspace, Sha256 blob, Optional<ByteRange> range) {
            opened.add(range);
            return super.openBlob(workspace, blob, range);
        }
    }

    /** Opens blobs whose streams fail on the first read, as a disk or network failure would. */
    static final class BrokenStreamBlobStore extends RecordingBlobStore {
        BrokenStreamBlobStore(BlobStore delegate) {
            super(delegate);
        }

        @Override
        public Optional<BlobContent> openBlob(WorkspaceRef workspace, Sha256 blob, Optional<ByteRange> range) {
            return super.openBlob(workspace, blob, range).map(content -> new BlobContent(content.totalSize(),
                    content.offset(), content.length(), new InputStream() {
                        @Override
                        public int read() throws IOException {
                            throw new IOException("disk on fire");
                        }
                    }));
        }
    }
}
