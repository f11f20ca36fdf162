package com.arkloop.projects.domain.access;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An authenticated caller: a user of an organisation, with a role (empty when the token named an
 * unknown one) and the permissions in effect for this request, which may be narrower than the
 * role's (an API key's scopes), and how it authenticated.
 */
public record Actor(UserId userId, OrgId orgId, Optional<Role> role, Set<Permission> permissions, Credential credential) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(credential, "credential");
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
        if (!role.map(Role::permissions).orElse(Set.of()).containsAll(permissions)) {
            throw new IllegalArgumentException("an actor cannot hold permissions its role does not grant");
        }
    }

    /** A caller authenticated by a user token, with the given permissions (at most its role's). */
    public Actor(UserId userId, OrgId orgId, Optional<Role> role, Set<Permission> permissions) {
        this(userId, orgId, role, permissions, Credential.USER_TOKEN);
    }

    /** A caller with every permission of their role (a user token). An unknown role grants nothing. */
    public static Actor withRole(UserId userId, OrgId orgId, Optional<Role> role) {
        return new Actor(userId, orgId, role, role.map(Role::permissions).orElse(Set.of()));
    }

    /** A caller authenticated by an API key, with the key's effective permissions. */
    public static Actor withApiKey(UserId userId, OrgId orgId, Optional<Role> role, Set<Permission> permissions) {
        return new Actor(userId, orgId, role, permissions, Credential.API_KEY);
    }

    /** Throws {@code auth.forbidden} unless the caller used a user token (not an API key). */
    public void requireUserToken() {
        if (credential != Credential.USER_TOKEN) {
            throw new DomainException(ErrorCode.FORBIDDEN, "this action needs a user token, not an API key");
        }
    }

    public boolean isOrgAdmin() {
        return role.filter(r -> r == Role.ORG_ADMIN).isPresent();
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    /** Throws {@code auth.forbidden} unless the caller holds every one of the permissions. */
    public void require(Permission... required) {
        for (Permission permission : required) {
            if (!has(permission)) {
                throw new DomainException(ErrorCode.FORBIDDEN, "missing permission " + permission.scopeName());
            }
        }
    }
}
