package com.arkloop.projects.adapters.http;

import com.arkloop.projects.application.ArkloopProjects;
import com.arkloop.projects.application.workspace.ListWorkspaceFiles;
import com.arkloop.projects.application.workspace.WorkspaceFile;
import com.arkloop.projects.application.workspace.WorkspaceListing;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.workspace.BlobContent;
import com.arkloop.projects.domain.workspace.ByteRange;
import com.arkloop.projects.domain.workspace.WorkspaceErrors;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;
import jakarta.servlet.http.HttpServletResponse;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /v1/projects/{project_id}/workspace}: the caller's default workspace, its directory listings
 * and its files. Decisions on file serving: {@code docs/adr/0004-workspace-file-serving.md}.
 *
 * <p>File bytes are copied from the blob's stream straight to the servlet's output stream, a buffer at a
 * time: never held whole, and past Javalin's result pipeline, so neither its compression nor its ETag
 * generator touches them.
 */
final class WorkspaceRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceRoutes.class);

    private static final String WORKSPACE = "/v1/projects/{project_id}/workspace";
    private static final String FILES = WORKSPACE + "/files";
    private static final String FILE = WORKSPACE + "/file";

    /** On every file response: the bytes are data, never a page that may run scripts or load anything. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox";
    static final String CACHE_CONTROL = "private, max-age=60";
    private static final int COPY_BUFFER_BYTES = 64 * 1024;

    private final ArkloopProjects useCases;
    private final Access access;

    WorkspaceRoutes(ArkloopProjects useCases, Access access) {
        this.useCases = useCases;
        this.access = access;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get(WORKSPACE, this::workspace);
        routes.head(WORKSPACE, this::workspace);
        routes.get(FILES, this::files);
        routes.head(FILES, this::files);
        routes.get(FILE, this::file);
        routes.head(FILE, this::file);
    }

    private void workspace(Context ctx) {
        Actor actor = access.require(ctx, Permission.PROJECTS_READ);
        Json.write(ctx, 200, WorkspaceResponse.from(useCases.getWorkspace().get(actor, PathIds.project(ctx))));
    }

    private void files(Context ctx) {
        Actor actor = access.require(ctx, Permission.PROJECTS_READ, Permission.RUNS_READ);
        ProjectId project = PathIds.project(ctx);
        WorkspaceQuery query = WorkspaceQuery.of(ctx);
        WorkspaceListing listing = useCases.listWorkspaceFiles().list(actor, project, query.rawPathValues(),
                query.cursor(), query.limit(ListWorkspaceFiles.DEFAULT_LIMIT), query.revision());
        Json.write(ctx, 200, FileListingResponse.from(listing));
    }

    /**
     * The order after the use case's checks: {@code If-None-Match} (304), then {@code Range} against the
     * described size (416 before anything is opened), then, for GET only, the bytes.
     */
    private void file(Context ctx) {
        Actor actor = access.require(ctx, Permission.PROJECTS_READ, Permission.RUNS_READ);
        ProjectId project = PathIds.project(ctx);
        WorkspaceQuery query = WorkspaceQuery.of(ctx);
        WorkspaceFile file = useCases.readWorkspaceFile().describe(actor, project, query.rawPathValues(), query.revision());
        String etag = EntityTags.of(file.sha256().hex());
        HttpServletResponse response = ctx.res();
        if (EntityTags.noneMatchHits(headers(ctx, "If-None-Match"), etag)) {
            // No Content-Type (Javalin's default would claim text/plain); a Content-Length, if any, must be the 200's.
            response.setStatus(304);
            response.setContentType(null);
            response.setHeader("ETag", etag);
            response.setHeader("Cache-Control", CACHE_CONTROL);
            response.setContentLengthLong(file.size());
            return;
        }
        Optional<ByteRange> range = RangeHeader.parse(headers(ctx, "Range"))
                .filter(ignored -> EntityTags.ifRangeAllows(headers(ctx, "If-Range"), etag))
                .map(requested -> satisfiable(ctx, requested, file.size()));
        if (ctx.method() == HandlerType.HEAD) {
            writeHeaders(response, file, etag, range);
            return;
        }
        // Opened before any header is set, so a failure to open is still a clean error response.
        BlobContent content = useCases.readWorkspaceFile().open(file, range);
        try {
            writeHeaders(response, file, etag, range);
            copy(ctx, content);
        } finally {
            close(content);
        }
    }

    private static ByteRange satisfiable(Context ctx, RangeHeader requested, long size) {
        try {
            return requested.within(size);
        } catch (DomainException unsatisfiable) {
            ctx.header("Content-Range", "bytes */" + size);
            throw unsatisfiable;
        }
    }

    private static void writeHeaders(HttpServletResponse response, WorkspaceFile file, String etag, Optional<ByteRange> range) {
        response.setStatus(range.isPresent() ? 206 : 200);
        response.setContentType(file.contentType());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", CACHE_CONTROL);
        response.setHeader("Accept-Ranges", "bytes");
        range.ifPresentOrElse(served -> {
            response.setHeader("Content-Range", "bytes " + served.offset() + "-" + (served.offset() + served.length() - 1)
                    + "/" + file.size());
            response.setContentLengthLong(served.length());
        }, () -> response.setContentLengthLong(file.size()));
    }

    /**
     * Copies the served bytes. A client that goes away ends the copy quietly. Storage failing before
     * anything was sent is a 503; after, the status is gone, so the copy stops short of
     * {@code Content-Length} and the server cuts the connection: a client never takes a short body
     * for the whole file.
     */
    private static void copy(Context ctx, BlobContent content) {
        HttpServletResponse response = ctx.res();
        OutputStream out;
        try {
            out = response.getOutputStream();
        } catch (IOException gone) {
            LOG.debug("client gone before the body, trace_id={}", TraceIds.of(ctx), gone);
            return;
        }
        byte[] buffer = new byte[(int) Math.min(COPY_BUFFER_BYTES, Math.max(1, content.length()))];
        long remaining = content.length();
        while (remaining > 0) {
            int read;
            try {
                read = content.stream().read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (read < 0) {
                    throw new EOFException("the blob ended " + remaining + " bytes early");
                }
            } catch (IOException | UncheckedIOException failure) {
                storageFailed(ctx, failure);
                return;
            }
            try {
                out.write(buffer, 0, read);
            } catch (IOException gone) {
                LOG.debug("client gone during the body, trace_id={}", TraceIds.of(ctx), gone);
                return;
            }
            remaining -= read;
        }
    }

    private static void storageFailed(Context ctx, Exception failure) {
        HttpServletResponse response = ctx.res();
        if (!response.isCommitted()) {
            response.reset();
            response.setHeader(TraceIds.HEADER, TraceIds.of(ctx));
            throw WorkspaceErrors.storageUnavailable(failure);
        }
        LOG.warn("storage failed while streaming a file; cutting the response short, trace_id={}", TraceIds.of(ctx), failure);
    }

    private static void close(BlobContent content) {
        try {
            content.close();
        } catch (UncheckedIOException failure) {
            LOG.debug("closing a blob stream failed", failure);
        }
    }

    private static List<String> headers(Context ctx, String name) {
        return Collections.list(ctx.req().getHeaders(name));
    }
}
