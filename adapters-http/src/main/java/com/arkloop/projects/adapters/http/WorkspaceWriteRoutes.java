package com.arkloop.projects.adapters.http;

import com.arkloop.projects.application.ArkloopProjects;
import com.arkloop.projects.application.workspace.ListRevisions;
import com.arkloop.projects.application.workspace.PublishedRevision;
import com.arkloop.projects.application.workspace.WorkspaceChange;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.ProjectId;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Writing the caller's default workspace: {@code PUT} and {@code DELETE …/workspace/file},
 * {@code POST …/workspace/snapshot}, and its history, {@code GET …/workspace/revisions}. Every write
 * is one publish of a new revision, based on {@code If-Match} or {@code ?base_revision=}
 * ({@link BaseRevision}). Decisions: {@code docs/adr/0006-workspace-writes-over-http.md}.
 *
 * <p>Bodies stream from the request to the blob store ({@link UploadBodies}, {@link TarArchiveEntries});
 * Javalin's {@code maxRequestSize}, which caps JSON bodies, never sees them. After a refused upload, a
 * bounded rest of the body is read, so a client still sending gets the answer rather than a reset.
 */
final class WorkspaceWriteRoutes {

    private static final String WORKSPACE = "/v1/projects/{project_id}/workspace";
    private static final String FILE = WORKSPACE + "/file";
    private static final String SNAPSHOT = WORKSPACE + "/snapshot";
    private static final String REVISIONS = WORKSPACE + "/revisions";

    private final ArkloopProjects useCases;
    private final Access access;
    private final long maxFileBytes;
    private final long maxArchiveBytes;

    WorkspaceWriteRoutes(ArkloopProjects useCases, Access access, ApiSettings settings) {
        this.useCases = useCases;
        this.access = access;
        this.maxFileBytes = settings.maxFileBytes();
        this.maxArchiveBytes = TarArchiveEntries.maxTarBytes(useCases.publishLimits());
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.put(FILE, this::putFile);
        routes.delete(FILE, this::deleteFile);
        routes.post(SNAPSHOT, this::snapshot);
        routes.get(REVISIONS, this::revisions);
        routes.head(REVISIONS, this::revisions);
    }

    /** The raw body becomes the file, created or replaced; over {@code maxFileBytes}, 413. */
    private void putFile(Context ctx) {
        Actor actor = access.require(ctx, Permission.RUNS_WRITE);
        ProjectId project = PathIds.project(ctx);
        WorkspaceQuery query = WorkspaceQuery.of(ctx);
        Optional<String> base = BaseRevision.of(ctx, query);
        PublishedRevision published = publishing(ctx, () -> useCases.publishRevision().publish(actor, project, base,
                new WorkspaceChange.PutFile(query.rawPathValues(), UploadBodies.capped(ctx, maxFileBytes), maxFileBytes)));
        Json.write(ctx, 201, PublishedFileResponse.from(published));
    }

    /** Removes a file or symlink; anything else (nothing, a directory) is 404. A body is ignored. */
    private void deleteFile(Context ctx) {
        Actor actor = access.require(ctx, Permission.RUNS_WRITE);
        ProjectId project = PathIds.project(ctx);
        WorkspaceQuery query = WorkspaceQuery.of(ctx);
        Optional<String> base = BaseRevision.of(ctx, query);
        PublishedRevision published = useCases.publishRevision().publish(actor, project, base,
                new WorkspaceChange.DeleteFile(query.rawPathValues()));
        Json.write(ctx, 200, PublishedRevisionResponse.from(published));
    }

    /** A tar archive, gzip-compressed or not (told by its first bytes), replaces everything. */
    private void snapshot(Context ctx) {
        Actor actor = access.require(ctx, Permission.RUNS_WRITE);
        ProjectId project = PathIds.project(ctx);
        Optional<String> base = BaseRevision.of(ctx, WorkspaceQuery.of(ctx));
        TarArchiveEntries entries = new TarArchiveEntries(UploadBodies.stream(ctx), UploadBodies.declaredLength(ctx),
                maxArchiveBytes);
        PublishedRevision published = publishing(ctx, () -> useCases.publishRevision().publish(actor, project, base,
                new WorkspaceChange.ReplaceAll(entries)));
        Json.write(ctx, 201, SnapshotResponse.from(published));
    }

    private void revisions(Context ctx) {
        Actor actor = access.require(ctx, Permission.PROJECTS_READ, Permission.RUNS_READ);
        ProjectId project = PathIds.project(ctx);
        WorkspaceQuery query = WorkspaceQuery.of(ctx);
        Json.write(ctx, 200, RevisionListResponse.from(useCases.listRevisions().list(actor, project, query.cursor(),
                query.limit(ListRevisions.DEFAULT_LIMIT))));
    }

    /** Runs a publish that reads the body; when it fails, drops a bounded rest of the body first. */
    private static PublishedRevision publishing(Context ctx, Supplier<PublishedRevision> publish) {
        try {
            return publish.get();
        } catch (RuntimeException failure) {
            UploadBodies.discardRest(ctx);
            throw failure;
        }
    }
}
