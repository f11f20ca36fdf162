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
 * role's (an API key's scopes).
 */
public record Actor(UserId userId, OrgId orgId, Optional<Role> role, Set<Permission> permissions) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(role, "role");
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
        if (!role.map(Role::permissions).orElse(Set.of()).containsAll(permissions)) {
            throw new IllegalArgumentException("an actor cannot hold permissions its role does not grant");
        }
    }

    /** A caller with every permission of their role (a user token). An unknown role grants nothing. */
    public static Actor withRole(UserId userId, OrgId orgId, Optional<Role> role) {
        return new Actor(userId, orgId, role, role.map(Role::permissions).orElse(Set.of()));
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
