package com.arkloop.projects.application;

import com.arkloop.projects.application.fakes.InMemoryApiKeyRepository;
import com.arkloop.projects.application.fakes.InMemoryBlobStore;
import com.arkloop.projects.application.fakes.InMemoryProjectRepository;
import com.arkloop.projects.application.fakes.InMemoryRevisionLog;
import com.arkloop.projects.application.fakes.InMemorySessionRepository;
import com.arkloop.projects.application.fakes.InMemoryTeamRepository;
import com.arkloop.projects.application.fakes.InMemoryTransactions;
import com.arkloop.projects.application.fakes.InMemoryWorkspaceRepository;
import com.arkloop.projects.application.workspace.WorkspaceFixture;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every project, team and workspace use case wired to the in-memory fakes, with a clock that ticks a
 * millisecond per read, and a {@link WorkspaceFixture} that seeds workspace content through the ports.
 */
public final class UseCaseFixture {

    public final InMemoryTeamRepository teams = new InMemoryTeamRepository();
    public final InMemoryProjectRepository projects = new InMemoryProjectRepository(teams);
    public final Transactions transactions = new InMemoryTransactions();
    public final Clock clock = new TickingClock(Instant.parse("2024-01-01T00:00:00Z"));
    public final IdGenerator ids = IdGenerator.random();
    public final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    public final InMemorySessionRepository sessions = new InMemorySessionRepository();
    public final InMemoryBlobStore blobs = new InMemoryBlobStore();
    public final InMemoryApiKeyRepository apiKeys = new InMemoryApiKeyRepository();
    public final InMemoryRevisionLog revisions = new InMemoryRevisionLog();
    public final WorkspaceFixture workspaceContent = new WorkspaceFixture(blobs, workspaces, clock);

    public final ArkloopProjects useCases = new ArkloopProjects(
            new ArkloopProjects.Ports(projects, teams, workspaces, sessions, blobs, transactions, apiKeys, revisions),
            new ArkloopProjects.Options(clock, ids, 1_000_000));

    public static Actor member(OrgId org) {
        return Actor.withRole(new UserId(UUID.randomUUID()), org, Optional.of(Role.ORG_MEMBER));
    }

    public static Actor admin(OrgId org) {
        return Actor.withRole(new UserId(UUID.randomUUID()), org, Optional.of(Role.ORG_ADMIN));
    }

    public static OrgId newOrg() {
        return new OrgId(UUID.randomUUID());
    }

    /** Advances one millisecond at every read, so creation order is strict and predictable. */
    static final class TickingClock extends Clock {
        private final AtomicLong millis;

        TickingClock(Instant start) {
            millis = new AtomicLong(start.toEpochMilli());
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.getAndIncrement());
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }
}
