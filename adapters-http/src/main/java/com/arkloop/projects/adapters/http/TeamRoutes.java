package com.arkloop.projects.adapters.http;

import com.arkloop.projects.application.ArkloopProjects;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.team.TeamId;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/** {@code /v1/teams}: teams of the caller's org and their members. */
final class TeamRoutes {

    private static final String COLLECTION = "/v1/teams";
    private static final String ITEM = "/v1/teams/{team_id}";
    private static final String MEMBERS = "/v1/teams/{team_id}/members";
    private static final String MEMBER = "/v1/teams/{team_id}/members/{user_id}";

    private final ArkloopProjects useCases;
    private final Access access;
    private final JsonBodies bodies;

    TeamRoutes(ArkloopProjects useCases, Access access, JsonBodies bodies) {
        this.useCases = useCases;
        this.access = access;
        this.bodies = bodies;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.post(COLLECTION, this::create);
        routes.get(COLLECTION, this::list);
        routes.head(COLLECTION, this::list);
        routes.delete(ITEM, this::delete);
        routes.get(MEMBERS, this::listMembers);
        routes.head(MEMBERS, this::listMembers);
        routes.put(MEMBER, this::addMember);
        routes.delete(MEMBER, this::removeMember);
    }

    private void create(Context ctx) {
        Actor actor = access.require(ctx, Permission.TEAMS_MANAGE);
        String name = TeamRequests.name(bodies.readObject(ctx));
        Json.write(ctx, 201, TeamResponse.from(useCases.createTeam().create(actor, name)));
    }

    private void list(Context ctx) {
        Actor actor = access.require(ctx, Permission.TEAMS_READ);
        Json.write(ctx, 200, useCases.listTeams().list(actor).stream().map(TeamResponse::from).toList());
    }

    private void delete(Context ctx) {
        Actor actor = access.require(ctx, Permission.TEAMS_MANAGE);
        useCases.deleteTeam().delete(actor, PathIds.team(ctx));
        ctx.status(204);
    }

    private void listMembers(Context ctx) {
        Actor actor = access.require(ctx, Permission.TEAMS_READ);
        Json.write(ctx, 200, useCases.listTeamMembers().list(actor, PathIds.team(ctx)).stream()
                .map(TeamMemberResponse::from).toList());
    }

    /** Idempotent; a request body, if any, is ignored. */
    private void addMember(Context ctx) {
        Actor actor = access.require(ctx, Permission.TEAMS_MANAGE);
        TeamId team = PathIds.team(ctx);
        useCases.addTeamMember().add(actor, team, PathIds.user(ctx));
        ctx.status(204);
    }

    private void removeMember(Context ctx) {
        Actor actor = access.require(ctx, Permission.TEAMS_MANAGE);
        TeamId team = PathIds.team(ctx);
        useCases.removeTeamMember().remove(actor, team, PathIds.user(ctx));
        ctx.status(204);
    }
}
