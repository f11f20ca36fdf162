package com.arkloop.projects.adapters.http.testing;

import com.arkloop.projects.adapters.http.ApiDependencies;
import com.arkloop.projects.adapters.http.ApiSettings;
import com.arkloop.projects.application.ArkloopProjects;
import com.arkloop.projects.application.IdGenerator;
import com.arkloop.projects.application.fakes.InMemoryApiKeyRepository;
import com.arkloop.projects.application.fakes.InMemoryBlobStore;
import com.arkloop.projects.application.fakes.InMemoryProjectRepository;
import com.arkloop.projects.application.fakes.InMemoryRevisionLog;
import com.arkloop.projects.application.fakes.InMemorySessionRepository;
import com.arkloop.projects.application.fakes.InMemoryTeamRepository;
import com.arkloop.projects.application.fakes.InMemoryTransactions;
import com.arkloop.projects.application.fakes.InMemoryWorkspaceRepository;
import com.arkloop.projects.application.workspace.PublishRevision;
import com.arkloop.projects.application.workspace.WorkspaceFixture;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.team.TeamRepository;
import com.arkloop.projects.domain.workspace.BlobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Builds {@link ApiDependencies} for tests: the use cases over any ports (the in-memory fakes, or the
 * PostgreSQL adapter in end-to-end tests), {@link TestTokens}, always ready, default settings.
 */
public final class UseCaseWiring {

    private UseCaseWiring() {
    }

    /** The use cases over the given ports, with a clock that ticks a millisecond per read. */
    public static ArkloopProjects useCases(ArkloopProjects.Ports ports) {
        return useCases(ports, PublishRevision.Limits.DEFAULT);
    }

    /** Like {@link #useCases(ArkloopProjects.Ports)}, with other caps on publishing (e.g. small archive caps). */
    public static ArkloopProjects useCases(ArkloopProjects.Ports ports, PublishRevision.Limits limits) {
        return new ArkloopProjects(ports, new ArkloopProjects.Options(
                new TickingClock(Instant.parse("2024-01-01T00:00:00Z"), Duration.ofMillis(1)),
                IdGenerator.random(), 100_000).withPublishLimits(limits));
    }

    public static ApiDependencies dependencies(ArkloopProjects useCases) {
        return dependencies(useCases, ApiSettings.DEFAULTS);
    }

    public static ApiDependencies dependencies(ArkloopProjects useCases, ApiSettings settings) {
        return new ApiDependencies(useCases, new TestTokens(), () -> true, settings);
    }

    /** Fresh in-memory fakes behind every port. */
    public static ApiDependencies inMemory() {
        InMemoryTeamRepository teams = new InMemoryTeamRepository();
        return dependencies(inMemoryUseCases(new InMemoryProjectRepository(teams), teams));
    }

    /** In-memory fakes around the given repositories (e.g. one wrapped to fail). */
    public static ArkloopProjects inMemoryUseCases(ProjectRepository projects, TeamRepository teams) {
        return useCases(new ArkloopProjects.Ports(projects, teams, new InMemoryWorkspaceRepository(),
                new InMemorySessionRepository(), new InMemoryBlobStore(), new InMemoryTransactions(),
                new InMemoryApiKeyRepository(), new InMemoryRevisionLog()));
    }

    /**
     * The all-fake setup, with the workspace fakes at hand: seed content with {@link #fixture()}, take
     * storage down with {@code blobs().setAvailable(false)}, open sessions through {@code sessions()},
     * read the history of published revisions through {@code revisions()}.
     */
    public record InMemoryWorkspaces(ApiDependencies dependencies, InMemoryBlobStore blobs,
                                     InMemoryWorkspaceRepository workspaces, InMemorySessionRepository sessions,
                                     InMemoryRevisionLog revisions) {

        /** Seeds manifests and blobs through the ports, into the same fakes the server reads. */
        public WorkspaceFixture fixture() {
            return new WorkspaceFixture(blobs, workspaces);
        }

        /** A new revision of the caller's default workspace of the project (an id as the API shows it), to fill and publish. */
        public WorkspaceFixture.Contents contents(TestCaller caller, String projectId) {
            return fixture().contents(new OrgId(caller.orgId()), new UserId(caller.userId()),
                    ProjectId.parse(projectId).orElseThrow());
        }
    }

    /** Fresh in-memory fakes behind every port, the workspace ones exposed. */
    public static InMemoryWorkspaces inMemoryWorkspaces() {
        return inMemoryWorkspaces(UnaryOperator.identity());
    }

    /**
     * Like {@link #inMemoryWorkspaces()}, but the use cases read blobs through {@code decorate} applied to
     * the fake (e.g. a store whose streams fail half way); the fixture still writes to the fake itself.
     */
    public static InMemoryWorkspaces inMemoryWorkspaces(UnaryOperator<BlobStore> decorate) {
        return inMemoryWorkspaces(decorate, ApiSettings.DEFAULTS, PublishRevision.Limits.DEFAULT);
    }

    /** Like {@link #inMemoryWorkspaces()}, with other server settings (e.g. a small file cap) and publish caps. */
    public static InMemoryWorkspaces inMemoryWorkspaces(ApiSettings settings, PublishRevision.Limits limits) {
        return inMemoryWorkspaces(UnaryOperator.identity(), settings, limits);
    }

    private static InMemoryWorkspaces inMemoryWorkspaces(UnaryOperator<BlobStore> decorate, ApiSettings settings,
                                                         PublishRevision.Limits limits) {
        InMemoryTeamRepository teams = new InMemoryTeamRepository();
        InMemoryBlobStore blobs = new InMemoryBlobStore();
        InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
        InMemorySessionRepository sessions = new InMemorySessionRepository();
        InMemoryRevisionLog revisions = new InMemoryRevisionLog();
        ArkloopProjects useCases = useCases(new ArkloopProjects.Ports(new InMemoryProjectRepository(teams), teams,
                workspaces, sessions, decorate.apply(blobs), new InMemoryTransactions(), new InMemoryApiKeyRepository(),
                revisions), limits);
        return new InMemoryWorkspaces(dependencies(useCases, settings), blobs, workspaces, sessions, revisions);
    }
}
