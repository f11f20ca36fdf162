package com.arkloop.projects.adapters.http;

import com.arkloop.projects.application.ArkloopProjects;
import com.arkloop.projects.application.project.ListProjects;
import com.arkloop.projects.application.project.ProjectPage;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectCursor;
import com.arkloop.projects.domain.project.ProjectId;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Optional;

/** {@code /v1/projects}: create, list, get, update and delete. */
final class ProjectRoutes {

    private static final String COLLECTION = "/v1/projects";
    private static final String ITEM = "/v1/projects/{project_id}";

    private final ArkloopProjects useCases;
    private final Access access;
    private final JsonBodies bodies;

    ProjectRoutes(ArkloopProjects useCases, Access access, JsonBodies bodies) {
        this.useCases = useCases;
        this.access = access;
        this.bodies = bodies;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.post(COLLECTION, this::create);
        routes.get(COLLECTION, this::list);
        routes.head(COLLECTION, this::list);
        routes.get(ITEM, this::get);
        routes.head(ITEM, this::get);
        routes.patch(ITEM, this::update);
        routes.delete(ITEM, this::delete);
    }

    private void create(Context ctx) {
        Actor actor = access.require(ctx, Permission.PROJECTS_MANAGE);
        Project project = useCases.createProject().create(actor, ProjectRequests.details(bodies.readObject(ctx)));
        ctx.header("Location", COLLECTION + "/" + project.id());
        Json.write(ctx, 201, ProjectResponse.from(project));
    }

    private void list(Context ctx) {
        Actor actor = access.require(ctx, Permission.PROJECTS_READ);
        QueryParams query = QueryParams.of(ctx);
        int limit = query.integer("limit", ListProjects.DEFAULT_LIMIT,
                "must be an integer between 1 and " + ListProjects.MAX_LIMIT);
        Optional<ProjectCursor> after = query.single("cursor").map(ProjectCursor::decode);
        ProjectPage page = useCases.listProjects().list(actor, after, limit);
        // The cursor is base64url, so it goes into the link without escaping.
        page.next().ifPresent(next -> ctx.header("Link",
                "<" + COLLECTION + "?limit=" + limit + "&cursor=" + next.encode() + ">; rel=\"next\""));
        Json.write(ctx, 200, page.projects().stream().map(ProjectResponse::from).toList());
    }

    private void get(Context ctx) {
        Actor actor = access.require(ctx, Permission.PROJECTS_READ);
        Json.write(ctx, 200, ProjectResponse.from(useCases.getProject().get(actor, PathIds.project(ctx))));
    }

    private void update(Context ctx) {
        Actor actor = access.require(ctx, Permission.PROJECTS_MANAGE);
        ProjectId id = PathIds.project(ctx);
        Project project = useCases.updateProject().update(actor, id, ProjectRequests.changes(bodies.readObject(ctx)));
        Json.write(ctx, 200, ProjectResponse.from(project));
    }

    private void delete(Context ctx) {
        Actor actor = access.require(ctx, Permission.PROJECTS_MANAGE);
        useCases.deleteProject().delete(actor, PathIds.project(ctx));
        ctx.status(204);
    }
}
