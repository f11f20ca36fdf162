package com.arkloop.projects.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActorTest {

    static final UserId USER = new UserId(UUID.randomUUID());
    static final OrgId ORG = new OrgId(UUID.randomUUID());

    @Test
    void maps_role_names_and_their_aliases() {
        for (String name : new String[] {"org_admin", "owner", "admin"}) {
            assertEquals(Optional.of(Role.ORG_ADMIN), Role.fromName(name));
        }
        for (String name : new String[] {"org_member", "member"}) {
            assertEquals(Optional.of(Role.ORG_MEMBER), Role.fromName(name));
        }
        for (String name : new String[] {"ORG_ADMIN", "superuser", ""}) {
            assertEquals(Optional.empty(), Role.fromName(name));
        }
        assertEquals(Optional.empty(), Role.fromName(null));
    }

    @Test
    void grants_the_permissions_of_the_contract_table() {
        assertEquals(EnumSet.allOf(Permission.class), EnumSet.copyOf(Role.ORG_ADMIN.permissions()));
        assertEquals(EnumSet.of(Permission.PROJECTS_READ, Permission.PROJECTS_MANAGE, Permission.RUNS_READ,
                Permission.RUNS_WRITE, Permission.TEAMS_READ, Permission.API_KEYS_MANAGE),
                EnumSet.copyOf(Role.ORG_MEMBER.permissions()));
    }

    @Test
    void an_unknown_role_grants_nothing() {
        Actor actor = Actor.withRole(USER, ORG, Optional.empty());
        assertEquals(Set.of(), actor.permissions());
        assertFalse(actor.isOrgAdmin());
        DomainException error = assertThrows(DomainException.class, () -> actor.require(Permission.PROJECTS_READ));
        assertEquals(ErrorCode.FORBIDDEN, error.errorCode());
    }

    @Test
    void permissions_can_be_narrowed_but_never_widened_beyond_the_role() {
        Actor narrowed = new Actor(USER, ORG, Optional.of(Role.ORG_MEMBER), Set.of(Permission.PROJECTS_READ));
        assertTrue(narrowed.has(Permission.PROJECTS_READ));
        assertFalse(narrowed.has(Permission.RUNS_READ));
        assertThrows(IllegalArgumentException.class,
                () -> new Actor(USER, ORG, Optional.of(Role.ORG_MEMBER), Set.of(Permission.TEAMS_MANAGE)));
    }

    @Test
    void scope_names_are_those_of_the_contract() {
        assertEquals(Optional.of(Permission.RUNS_READ), Permission.fromScopeName("data.runs.read"));
        assertEquals(Optional.empty(), Permission.fromScopeName("data.runs.READ"));
    }
}
