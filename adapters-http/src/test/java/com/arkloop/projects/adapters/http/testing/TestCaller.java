package com.arkloop.projects.adapters.http.testing;

import com.arkloop.projects.domain.access.Permission;
import java.util.UUID;

/** A user of an org with a role, and the bearer token that says so (see {@link TestTokens}). */
public record TestCaller(UUID userId, UUID orgId, String role, String token) {

    public static TestCaller of(UUID orgId, String role) {
        UUID user = UUID.randomUUID();
        return new TestCaller(user, orgId, role, TestTokens.token(user, orgId, role));
    }

    public static TestCaller admin(UUID orgId) {
        return of(orgId, "org_admin");
    }

    public static TestCaller member(UUID orgId) {
        return of(orgId, "org_member");
    }

    /** The same user with only these permissions, like an API key with scopes. */
    public TestCaller scoped(Permission... scopes) {
        return new TestCaller(userId, orgId, role, TestTokens.token(userId, orgId, role, scopes));
    }
}
