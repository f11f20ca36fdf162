package com.arkloop.projects.domain.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Credential;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.access.Role;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    static final OrgId ORG = new OrgId(UUID.randomUUID());
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final ApiKeySecret SECRET = new ApiKeySecret("ak-" + "0123456789abcdef".repeat(4));

    static ApiKey key(Role role, Set<Permission> scopes) {
        Actor creator = Actor.withRole(new UserId(UUID.randomUUID()), ORG, Optional.of(role));
        return ApiKey.create(new ApiKeyId(UUID.randomUUID()), creator, "  ci  ", scopes, SECRET, T0);
    }

    @Test
    void effective_permissions_are_the_role_intersected_with_the_scopes() {
        ApiKey member = key(Role.ORG_MEMBER, EnumSet.of(Permission.PROJECTS_READ, Permission.TEAMS_MANAGE));
        assertEquals(Set.of(Permission.PROJECTS_READ), member.effectivePermissions());
        ApiKey admin = key(Role.ORG_ADMIN, EnumSet.of(Permission.PROJECTS_READ, Permission.TEAMS_MANAGE));
        assertEquals(Set.of(Permission.PROJECTS_READ, Permission.TEAMS_MANAGE), admin.effectivePermissions());
    }

    @Test
    void a_key_without_scopes_can_do_nothing() {
        ApiKey key = key(Role.ORG_ADMIN, Set.of());
        assertEquals(Set.of(), key.effectivePermissions());
        assertEquals(Set.of(), key.actor().permissions());
    }

    @Test
    void the_actor_of_a_key_says_it_came_from_an_api_key_and_may_not_act_as_a_user_token() {
        ApiKey key = key(Role.ORG_MEMBER, EnumSet.of(Permission.API_KEYS_MANAGE));
        Actor actor = key.actor();
        assertEquals(Credential.API_KEY, actor.credential());
        assertEquals(key.userId(), actor.userId());
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(DomainException.class, actor::requireUserToken).errorCode());
        Actor user = Actor.withRole(key.userId(), ORG, Optional.of(Role.ORG_MEMBER));
        assertEquals(Credential.USER_TOKEN, user.credential());
        user.requireUserToken();
    }

    @Test
    void keeps_only_the_prefix_and_the_hash_of_the_secret() {
        ApiKey key = key(Role.ORG_MEMBER, Set.of());
        assertEquals("ak-01234567", key.keyPrefix());
        assertEquals(SECRET.sha256(), key.keyHash());
        assertEquals("ci", key.name());
        assertFalse(key.toString().contains(SECRET.value()));
        assertFalse(SECRET.toString().contains("89abcdef"));
    }

    @Test
    void a_secret_is_exactly_ak_and_64_lowercase_hex_characters() {
        String good = "ak-" + "a".repeat(64);
        assertTrue(ApiKeySecret.parse(good).isPresent());
        for (String bad : List.of("ak-" + "A".repeat(64), "ak-" + "a".repeat(63), "ak-" + "a".repeat(65),
                "AK-" + "a".repeat(64), "ak-" + "g".repeat(64), "ak_" + "a".repeat(64), "ak-", "", " " + good)) {
            assertEquals(Optional.empty(), ApiKeySecret.parse(bad), bad);
        }
        assertEquals(Optional.empty(), ApiKeySecret.parse(null));
        assertThrows(IllegalArgumentException.class, () -> ApiKeySecret.fromRandomBytes(new byte[31]));
        assertEquals("ak-" + "00".repeat(32), ApiKeySecret.fromRandomBytes(new byte[32]).value());
    }

    @Test
    void scope_names_must_be_known_permissions() {
        assertEquals(Set.of(Permission.PROJECTS_READ, Permission.RUNS_READ),
                ApiKey.parseScopes(List.of("data.runs.read", "data.projects.read", "data.runs.read")));
        DomainException unknown = assertThrows(DomainException.class,
                () -> ApiKey.parseScopes(List.of("data.projects.read", "DATA.PROJECTS.READ")));
        assertEquals(ErrorCode.VALIDATION_FAILED, unknown.errorCode());
        assertTrue(unknown.details().containsKey("scopes"));
    }

    @Test
    void only_its_user_or_an_admin_of_its_org_may_manage_a_key() {
        ApiKey key = key(Role.ORG_MEMBER, Set.of());
        assertTrue(key.isManageableBy(Actor.withRole(key.userId(), ORG, Optional.of(Role.ORG_MEMBER))));
        assertTrue(key.isManageableBy(Actor.withRole(new UserId(UUID.randomUUID()), ORG, Optional.of(Role.ORG_ADMIN))));
        assertFalse(key.isManageableBy(Actor.withRole(new UserId(UUID.randomUUID()), ORG, Optional.of(Role.ORG_MEMBER))));
        assertFalse(key.isManageableBy(Actor.withRole(key.userId(), new OrgId(UUID.randomUUID()), Optional.of(Role.ORG_ADMIN))));
    }

    @Test
    void names_are_stripped_and_one_to_a_hundred_characters() {
        Actor creator = Actor.withRole(new UserId(UUID.randomUUID()), ORG, Optional.of(Role.ORG_MEMBER));
        for (String bad : List.of(" ", "n".repeat(101))) {
            DomainException invalid = assertThrows(DomainException.class, () -> ApiKey.create(
                    new ApiKeyId(UUID.randomUUID()), creator, bad, Set.of(), SECRET, T0));
            assertTrue(invalid.details().containsKey("name"));
        }
    }
}
