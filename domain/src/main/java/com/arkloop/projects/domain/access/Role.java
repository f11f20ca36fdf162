package com.arkloop.projects.domain.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A caller's role in their organisation, and the permissions it grants. */
public enum Role {
    ORG_ADMIN(EnumSet.allOf(Permission.class)),
    ORG_MEMBER(EnumSet.complementOf(EnumSet.of(Permission.TEAMS_MANAGE)));

    private static final Map<String, Role> NAMES = Map.of(
            "org_admin", ORG_ADMIN, "owner", ORG_ADMIN, "admin", ORG_ADMIN,
            "org_member", ORG_MEMBER, "member", ORG_MEMBER);

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** The canonical name, e.g. {@code org_admin}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role a name (or one of its aliases) stands for; empty for names outside the known ones. */
    public static Optional<Role> fromName(String name) {
        return Optional.ofNullable(name).map(NAMES::get);
    }
}
