package com.arkloop.projects.adapters.http;

import com.arkloop.projects.adapters.http.auth.Authentication;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import io.javalin.http.Context;
import java.util.Collections;

/**
 * The first lines of every {@code /v1} handler: who is calling (401), and do they hold the endpoint's
 * permission (403). Checking the permission here, before ids, query or body are read, fixes the
 * contract's order 401 → 403 → 404 → 400/422; the use case checks it again, which costs nothing.
 */
final class Access {

    private final Authentication authentication;

    Access(Authentication authentication) {
        this.authentication = authentication;
    }

    Actor require(Context ctx, Permission... permissions) {
        Actor actor = authentication.authenticate(Collections.list(ctx.req().getHeaders("Authorization")));
        actor.require(permissions);
        return actor;
    }
}
