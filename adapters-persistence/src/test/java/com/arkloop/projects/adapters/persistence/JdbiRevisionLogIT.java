package com.arkloop.projects.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectDetails;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.project.Visibility;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.RevisionSummary;
import com.arkloop.projects.domain.workspace.Workspace;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the contract cannot say about the PostgreSQL history: transactions, constraint errors, the backfill. */
class JdbiRevisionLogIT {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00.123456Z");

    private static PostgresDatabase database;

    private final SplittableRandom random = new SplittableRandom();

    @BeforeAll
    static void openDatabase() {
        database = TestDatabases.openFresh();
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Test
    void records_a_revision_together_with_the_pointer_move_or_not_at_all() {
        Workspace workspace = newWorkspace();
        RevisionSummary first = summary(workspace.ref(), NOW);
        RevisionSummary second = summary(workspace.ref(), NOW.plusSeconds(1));

        database.transactions().run(() -> {
            assertTrue(database.workspaces().advanceRevision(workspace.ref(), Optional.empty(), first.revision(), NOW));
            database.revisions().append(first);
        });
        assertThrows(IllegalStateException.class, () -> database.transactions().run(() -> {
            database.workspaces().advanceRevision(workspace.ref(), Optional.of(first.revision()), second.revision(), NOW);
            database.revisions().append(second);
            throw new IllegalStateException("the publish fails after recording");
        }));

        assertEquals(List.of(first), database.revisions().listNewestFirst(workspace.ref(), Optional.empty(), 10));
        assertEquals(Optional.of(first.revision()), database.workspaces().findOrCreate(workspace).latestRevision());
    }

    @Test
    void lets_a_revision_recorded_twice_fail_as_the_constraint_violation_it_is() {
        Workspace workspace = newWorkspace();
        RevisionSummary revision = summary(workspace.ref(), NOW);
        database.revisions().append(revision);

        RuntimeException duplicate = assertThrows(RuntimeException.class, () -> database.transactions().run(
                () -> database.revisions().append(revision)));

        assertFalse(duplicate instanceof DomainException, "a duplicate is a bug, not unavailability");
        assertEquals("23505", assertInstanceOf(SQLException.class, duplicate.getCause()).getSQLState());
    }

    @Test
    void refuses_a_revision_of_a_workspace_that_does_not_exist() {
        RevisionSummary orphan = summary(Workspace.create(new OrgId(UUID.randomUUID()), new UserId(UUID.randomUUID()),
                new ProjectId(UUID.randomUUID()), NOW).ref(), NOW);

        RuntimeException failure = assertThrows(RuntimeException.class, () -> database.revisions().append(orphan));

        assertEquals("23503", assertInstanceOf(SQLException.class, failure.getCause()).getSQLState());
    }

    @Test
    void backfills_the_latest_revision_of_every_workspace_published_before_the_history_existed() {
        PostgresSettings settings = TestDatabases.freshDatabase();
        Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration").target("3").load().migrate();
        Revision latest = Revision.create(NOW, random);
        Instant lastMoved = NOW.plusSeconds(5);
        Workspace published = workspace(Optional.of(latest), lastMoved);
        Workspace empty = workspace(Optional.empty(), NOW);
        Jdbi.create(settings.jdbcUrl(), settings.user(), settings.password()).useHandle(handle -> {
            for (Workspace workspace : List.of(published, empty)) {
                handle.createUpdate("""
                                INSERT INTO projects (id, org_id, owner_user_id, name, visibility, created_at, updated_at)
                                VALUES (:id, :orgId, :owner, 'Project', 'private', :now, :now)""")
                        .bind("id", workspace.projectId().value())
                        .bind("orgId", workspace.orgId().value())
                        .bind("owner", workspace.ownerUserId().value())
                        .bind("now", Rows.utc(NOW))
                        .execute();
                handle.createUpdate("""
                                INSERT INTO workspaces (ref, org_id, owner_user_id, project_id, latest_revision,
                                                        created_at, last_used_at)
                                VALUES (:ref, :orgId, :owner, :projectId, :latest, :now, :lastUsedAt)""")
                        .bind("ref", workspace.ref().value())
                        .bind("orgId", workspace.orgId().value())
                        .bind("owner", workspace.ownerUserId().value())
                        .bind("projectId", workspace.projectId().value())
                        .bind("latest", workspace.latestRevision().map(Revision::value).orElse(null))
                        .bind("now", Rows.utc(NOW))
                        .bind("lastUsedAt", Rows.utc(workspace.lastUsedAt()))
                        .execute();
            }
        });

        try (PostgresDatabase migrated = PostgresDatabase.open(settings)) {
            RevisionSummary backfilled = new RevisionSummary(published.ref(), latest, lastMoved, 0, 0);
            assertEquals(List.of(backfilled), migrated.revisions().listNewestFirst(published.ref(), Optional.empty(), 10));
            assertEquals(List.of(), migrated.revisions().listNewestFirst(empty.ref(), Optional.empty(), 10));
        }
    }

    private RevisionSummary summary(WorkspaceRef workspace, Instant createdAt) {
        return new RevisionSummary(workspace, Revision.create(createdAt, random), createdAt, 3, 300);
    }

    private static Workspace workspace(Optional<Revision> latest, Instant lastUsedAt) {
        Workspace created = Workspace.create(new OrgId(UUID.randomUUID()), new UserId(UUID.randomUUID()),
                new ProjectId(UUID.randomUUID()), lastUsedAt);
        return new Workspace(created.ref(), created.orgId(), created.ownerUserId(), created.projectId(), latest,
                lastUsedAt);
    }

    private static Workspace newWorkspace() {
        OrgId org = new OrgId(UUID.randomUUID());
        UserId owner = new UserId(UUID.randomUUID());
        Project project = Project.restore(new ProjectId(UUID.randomUUID()), org, owner,
                new ProjectDetails("Project", Optional.empty(), Optional.empty(), Visibility.PRIVATE), NOW, NOW,
                Optional.empty());
        database.projects().insert(project);
        return database.workspaces().findOrCreate(Workspace.create(org, owner, project.id(), NOW));
    }
}
