package com.arkloop.projects.application.workspace;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.arkloop.projects.application.IdGenerator;
import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.application.fakes.InMemoryBlobStore;
import com.arkloop.projects.application.fakes.InMemoryProjectRepository;
import com.arkloop.projects.application.fakes.InMemoryRevisionLog;
import com.arkloop.projects.application.fakes.InMemorySessionRepository;
import com.arkloop.projects.application.fakes.InMemoryTeamRepository;
import com.arkloop.projects.application.fakes.InMemoryTransactions;
import com.arkloop.projects.application.fakes.InMemoryWorkspaceRepository;
import com.arkloop.projects.application.project.VisibleProjects;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Role;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectDetails;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.project.Visibility;
import com.arkloop.projects.domain.workspace.BlobStore;
import com.arkloop.projects.domain.workspace.Manifest;
import com.arkloop.projects.domain.workspace.ManifestEntry;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.Workspace;
import com.arkloop.projects.domain.workspace.WorkspacePath;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The writing use cases wired by hand to the in-memory fakes, with readers beside them. The publish
 * use case can be given wrapped ports (to inject failures) while readers see the real fakes. The
 * clock ticks a millisecond per read and can be moved forward, to age blobs.
 */
final class WritingFixture {

    final SteppingClock clock = new SteppingClock(Instant.parse("2024-01-01T00:00:00Z"));
    final InMemoryTeamRepository teams = new InMemoryTeamRepository();
    final InMemoryProjectRepository projects = new InMemoryProjectRepository(teams);
    final Transactions transactions = new InMemoryTransactions();
    final IdGenerator ids = IdGenerator.random();
    final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    final InMemorySessionRepository sessions = new InMemorySessionRepository();
    final InMemoryRevisionLog revisions = new InMemoryRevisionLog();
    final InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
    final DirectoryIndexCache indexes = new DirectoryIndexCache(blobs, 1_000_000);
    final VisibleProjects visible = new VisibleProjects(projects, teams);

    final PublishRevision publish;
    final ListRevisions listRevisions = new ListRevisions(visible, workspaces, revisions, transactions, clock);
    final ListWorkspaceFiles listFiles = new ListWorkspaceFiles(visible, workspaces, revisions, indexes, transactions, clock);
    final ReadWorkspaceFile readFile = new ReadWorkspaceFile(visible, workspaces, revisions, indexes, blobs, transactions, clock);
    final GetWorkspace getWorkspace = new GetWorkspace(visible, workspaces, sessions, blobs, transactions, clock);
    final OpenSession openSession = new OpenSession(visible, workspaces, sessions, transactions, clock, ids);
    final ChangeSessionState changeSession = new ChangeSessionState(visible, workspaces, sessions, transactions, clock);
    final CloseSession closeSession = new CloseSession(visible, workspaces, sessions, transactions, clock);

    WritingFixture() {
        this(PublishRevision.Limits.DEFAULT, UnaryOperator.identity(), UnaryOperator.identity());
    }

    WritingFixture(PublishRevision.Limits limits) {
        this(limits, UnaryOperator.identity(), UnaryOperator.identity());
    }

    WritingFixture(PublishRevision.Limits limits, UnaryOperator<BlobStore> publishBlobs,
                   UnaryOperator<WorkspaceRepository> publishWorkspaces) {
        publish = new PublishRevision(visible, publishWorkspaces.apply(workspaces), revisions, publishBlobs.apply(blobs),
                transactions, clock, ids, limits);
    }

    CollectGarbage collector(Duration grace) {
        return new CollectGarbage(blobs, revisions, transactions, clock, grace);
    }

    static OrgId newOrg() {
        return new OrgId(UUID.randomUUID());
    }

    static Actor member(OrgId org) {
        return Actor.withRole(new UserId(UUID.randomUUID()), org, Optional.of(Role.ORG_MEMBER));
    }

    Project project(Actor owner, Visibility visibility) {
        Project project = Project.create(new ProjectId(UUID.randomUUID()), owner,
                new ProjectDetails("p", Optional.empty(), Optional.empty(), visibility), clock.instant());
        projects.insert(project);
        return project;
    }

    static ErrorCode failure(Runnable action) {
        return assertThrows(DomainException.class, action::run).errorCode();
    }

    static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static WorkspaceChange put(String path, String text) {
        return WorkspaceChange.putFile(WorkspacePath.parseFile(path), bytes(text), Long.MAX_VALUE);
    }

    static WorkspaceChange delete(String path) {
        return WorkspaceChange.deleteFile(WorkspacePath.parseFile(path));
    }

    static ArchiveEntry file(String name, String text) {
        return ArchiveEntry.file(name, text.getBytes(StandardCharsets.UTF_8).length, 0100644, 1_700_000_000_000L,
                bytes(text));
    }

    static WorkspaceChange archive(ArchiveEntry... entries) {
        return WorkspaceChange.replaceAll(ArchiveEntries.of(List.of(entries)));
    }

    Workspace workspace(Actor actor, ProjectId project) {
        return workspaces.findOrCreate(Workspace.create(actor.orgId(), actor.userId(), project, clock.instant()));
    }

    Optional<Revision> latest(Actor actor, ProjectId project) {
        return workspace(actor, project).latestRevision();
    }

    /** Every file of a revision as a reader sees it: path to text, read through the read use case. */
    Map<String, String> contents(Actor actor, ProjectId project, Optional<String> revision) {
        Map<String, String> files = new TreeMap<>();
        WorkspaceRef ref = workspace(actor, project).ref();
        Revision read = revision.map(Revision::new).or(() -> latest(actor, project)).orElseThrow();
        Manifest manifest = blobs.getManifest(ref, read).orElseThrow();
        for (ManifestEntry entry : manifest.entries()) {
            if (entry.sha256().isPresent()) {
                WorkspaceFile file = readFile.describe(actor, project,
                        List.of(WorkspaceChange.rawQueryValue(entry.path())), revision);
                try (var content = readFile.open(file, Optional.empty())) {
                    files.put(entry.path().value(), new String(content.stream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }

    /** Ticks a millisecond per read; {@link #advance} jumps ahead. */
    static final class SteppingClock extends Clock {
        private final AtomicLong millis;

        SteppingClock(Instant start) {
            millis = new AtomicLong(start.toEpochMilli());
        }

        void advance(Duration duration) {
            millis.addAndGet(duration.toMillis());
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.getAndIncrement());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }
}
