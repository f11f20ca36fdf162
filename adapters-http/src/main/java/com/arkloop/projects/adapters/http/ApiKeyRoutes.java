package com.arkloop.projects.adapters.http;

import com.arkloop.projects.application.ArkloopProjects;
import com.arkloop.projects.application.apikey.CreatedApiKey;
import com.arkloop.projects.application.apikey.RevokeApiKey;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.apikey.ApiKeyId;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/** {@code /v1/api-keys}: mint (user tokens only), list and revoke the caller's keys (an admin's: the org's). */
final class ApiKeyRoutes {

    private static final String COLLECTION = "/v1/api-keys";
    private static final String ITEM = "/v1/api-keys/{api_key_id}";

    private final ArkloopProjects useCases;
    private final Access access;
    private final JsonBodies bodies;

    ApiKeyRoutes(ArkloopProjects useCases, Access access, JsonBodies bodies) {
        this.useCases = useCases;
        this.access = access;
        this.bodies = bodies;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.post(COLLECTION, this::create);
        routes.get(COLLECTION, this::list);
        routes.head(COLLECTION, this::list);
        routes.delete(ITEM, this::revoke);
    }

    /** The plaintext key is in this response only; {@code no-store} keeps it out of caches. */
    private void create(Context ctx) {
        Actor actor = access.require(ctx, Permission.API_KEYS_MANAGE);
        actor.requireUserToken();
        ApiKeyRequests.Create request = ApiKeyRequests.create(bodies.readObject(ctx));
        CreatedApiKey created = useCases.createApiKey().create(actor, request.name(), request.scopes());
        ctx.header("Cache-Control", "no-store");
        Json.write(ctx, 201, CreatedApiKeyResponse.from(created));
    }

    private void list(Context ctx) {
        Actor actor = access.require(ctx, Permission.API_KEYS_MANAGE);
        Json.write(ctx, 200, useCases.listApiKeys().list(actor).stream().map(ApiKeyResponse::from).toList());
    }

    /** An id that is not a UUID names a key that cannot exist: the same 404 as a missing one. */
    private void revoke(Context ctx) {
        Actor actor = access.require(ctx, Permission.API_KEYS_MANAGE);
        ApiKeyId id = ApiKeyId.parse(ctx.pathParam("api_key_id")).orElseThrow(RevokeApiKey::notFound);
        useCases.revokeApiKey().revoke(actor, id);
        ctx.status(204);
    }
}
