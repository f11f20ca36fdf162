package com.arkloop.projects.adapters.http;

import com.arkloop.projects.application.ArkloopProjects;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.ProjectId;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Set;

/**
 * {@code /v1/projects/{project_id}/workspace/sessions}: shell and browser sessions in the caller's
 * default workspace, which make {@code GET …/workspace} report it {@code active}. All need
 * {@code data.runs.write}. A session that is unknown, closed, or in another workspace is 404
 * {@code sessions.not_found}, one body for all.
 */
final class SessionRoutes {

    private static final String SESSIONS = "/v1/projects/{project_id}/workspace/sessions";
    private static final String SESSION = SESSIONS + "/{session_ref}";

    private final ArkloopProjects useCases;
    private final Access access;
    private final JsonBodies bodies;

    SessionRoutes(ArkloopProjects useCases, Access access, JsonBodies bodies) {
        this.useCases = useCases;
        this.access = access;
        this.bodies = bodies;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.post(SESSIONS, this::open);
        routes.patch(SESSION, this::change);
        routes.delete(SESSION, this::close);
    }

    /** {@code {"session_type": "shell"|"browser"}} → 201, ready. */
    private void open(Context ctx) {
        Actor actor = access.require(ctx, Permission.RUNS_WRITE);
        ProjectId project = PathIds.project(ctx);
        JsonObjectReader body = bodies.readObject(ctx).allowOnly(Set.of("session_type"));
        String type = body.requiredString("session_type");
        body.requireValid();
        Json.write(ctx, 201, SessionResponse.from(useCases.openSession().open(actor, project, type)));
    }

    /** {@code {"state": "ready"|"busy"}} → 200; also marks the session used now. */
    private void change(Context ctx) {
        Actor actor = access.require(ctx, Permission.RUNS_WRITE);
        ProjectId project = PathIds.project(ctx);
        JsonObjectReader body = bodies.readObject(ctx).allowOnly(Set.of("state"));
        String state = body.requiredString("state");
        body.requireValid();
        Json.write(ctx, 200, SessionResponse.from(
                useCases.changeSessionState().change(actor, project, ctx.pathParam("session_ref"), state)));
    }

    /** → 204; the session is closed and no longer live. A body is ignored. */
    private void close(Context ctx) {
        Actor actor = access.require(ctx, Permission.RUNS_WRITE);
        ProjectId project = PathIds.project(ctx);
        useCases.closeSession().close(actor, project, ctx.pathParam("session_ref"));
        ctx.status(204);
    }
}
