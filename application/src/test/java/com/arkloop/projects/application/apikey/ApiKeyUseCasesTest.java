package com.arkloop.projects.application.apikey;

import static com.arkloop.projects.application.UseCaseFixture.admin;
import static com.arkloop.projects.application.UseCaseFixture.member;
import static com.arkloop.projects.application.UseCaseFixture.newOrg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.application.UseCaseFixture;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Credential;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.access.Role;
import com.arkloop.projects.domain.apikey.ApiKey;
import com.arkloop.projects.domain.apikey.ApiKeyId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeyUseCasesTest {

    final UseCaseFixture app = new UseCaseFixture();
    final OrgId org = newOrg();
    final Actor member = member(org);
    final Actor admin = admin(org);

    static ErrorCode failure(Runnable action) {
        return assertThrows(DomainException.class, action::run).errorCode();
    }

    CreatedApiKey create(Actor actor, String... scopes) {
        return app.useCases.createApiKey().create(actor, "key", List.of(scopes));
    }

    Actor authenticate(String key) {
        return app.useCases.authenticateApiKey().authenticate(key);
    }

    @Test
    void mints_a_random_key_shown_once_and_stores_only_its_hash_and_prefix() {
        CreatedApiKey created = create(member, "data.projects.read");
        String plaintext = created.secret().value();

        assertTrue(plaintext.matches("ak-[0-9a-f]{64}"), plaintext);
        assertEquals(plaintext.substring(0, 11), created.key().keyPrefix());
        assertEquals(created.secret().sha256(), created.key().keyHash());
        assertEquals(Optional.of(created.key()), app.apiKeys.find(org, created.key().id()));
        assertFalse(app.apiKeys.find(org, created.key().id()).orElseThrow().toString().contains(plaintext));
        assertNotEquals(plaintext, create(member, "data.projects.read").secret().value());
        assertEquals(Role.ORG_MEMBER, created.key().role());
    }

    @Test
    void an_api_key_cannot_mint_keys_even_with_the_manage_scope() {
        Actor viaKey = authenticate(create(member, "data.api_keys.manage").secret().value());
        assertEquals(Credential.API_KEY, viaKey.credential());
        assertEquals(ErrorCode.FORBIDDEN, failure(() -> create(viaKey, "data.api_keys.manage")));
        // ... but it may list and revoke keys, which the scope grants
        assertEquals(1, app.useCases.listApiKeys().list(viaKey).size());
    }

    @Test
    void scopes_must_be_known_and_held_by_the_caller() {
        DomainException unknown = assertThrows(DomainException.class, () -> create(member, "data.projects.read", "root"));
        assertEquals(ErrorCode.VALIDATION_FAILED, unknown.errorCode());
        assertTrue(unknown.details().containsKey("scopes"));
        assertEquals(ErrorCode.API_KEY_SCOPE_FORBIDDEN, failure(() -> create(member, "org.teams.manage")));
        assertEquals(Set.of(Permission.TEAMS_MANAGE), create(admin, "org.teams.manage").key().scopes());
        Actor narrowed = new Actor(member.userId(), org, member.role(), Set.of(Permission.API_KEYS_MANAGE));
        assertEquals(ErrorCode.API_KEY_SCOPE_FORBIDDEN, failure(() -> create(narrowed, "data.projects.read")));
        assertEquals(ErrorCode.FORBIDDEN, failure(() -> create(Actor.withRole(member.userId(), org, Optional.empty()))));
        assertEquals(ErrorCode.VALIDATION_FAILED,
                failure(() -> app.useCases.createApiKey().create(member, "  ", List.of())));
    }

    @Test
    void a_key_acts_with_its_role_intersected_with_its_scopes() {
        Actor viaKey = authenticate(create(member, "data.projects.read", "data.runs.read").secret().value());
        assertEquals(member.userId(), viaKey.userId());
        assertEquals(org, viaKey.orgId());
        assertEquals(Set.of(Permission.PROJECTS_READ, Permission.RUNS_READ), viaKey.permissions());
        assertEquals(ErrorCode.FORBIDDEN, failure(() -> app.useCases.createProject().create(viaKey,
                new com.arkloop.projects.domain.project.ProjectDetails("x", Optional.empty(), Optional.empty(),
                        com.arkloop.projects.domain.project.Visibility.PRIVATE))));

        assertEquals(Set.of(), authenticate(create(admin).secret().value()).permissions());
    }

    @Test
    void malformed_unknown_and_revoked_keys_are_the_same_invalid_api_key() {
        CreatedApiKey created = create(member, "data.projects.read");
        app.useCases.revokeApiKey().revoke(member, created.key().id());
        for (String bad : List.of("ak-", "ak-" + "A".repeat(64), "ak-" + "0".repeat(63), "ak-" + "0".repeat(64),
                created.secret().value())) {
            DomainException invalid = assertThrows(DomainException.class, () -> authenticate(bad));
            assertEquals(ErrorCode.AUTH_INVALID_API_KEY, invalid.errorCode(), bad);
            assertEquals("invalid API key", invalid.getMessage());
        }
    }

    @Test
    void a_revoked_key_stops_working_at_once_although_it_was_cached() {
        String key = create(member, "data.projects.read").secret().value();
        authenticate(key);
        int lookups = app.apiKeys.hashLookups();
        authenticate(key);
        assertEquals(lookups, app.apiKeys.hashLookups(), "the second use is answered from the cache");

        app.useCases.revokeApiKey().revoke(member, app.apiKeys.listOfUser(org, member.userId()).getFirst().id());

        assertEquals(ErrorCode.AUTH_INVALID_API_KEY, failure(() -> authenticate(key)));
    }

    @Test
    void members_list_and_revoke_their_own_keys_admins_those_of_the_whole_org() {
        ApiKey mine = create(member, "data.projects.read").key();
        ApiKey colleagues = create(member(org), "data.projects.read").key();
        ApiKey admins = create(admin).key();
        ApiKey elsewhere = create(admin(newOrg())).key();

        assertEquals(List.of(mine.id()), ids(app.useCases.listApiKeys().list(member)));
        assertEquals(List.of(mine.id(), colleagues.id(), admins.id()), ids(app.useCases.listApiKeys().list(admin)));

        assertEquals(ErrorCode.API_KEY_NOT_FOUND, failure(() -> app.useCases.revokeApiKey().revoke(member, colleagues.id())));
        assertEquals(ErrorCode.API_KEY_NOT_FOUND, failure(() -> app.useCases.revokeApiKey().revoke(admin, elsewhere.id())));
        assertEquals(ErrorCode.API_KEY_NOT_FOUND,
                failure(() -> app.useCases.revokeApiKey().revoke(admin, new ApiKeyId(UUID.randomUUID()))));
        app.useCases.revokeApiKey().revoke(admin, colleagues.id());
        app.useCases.revokeApiKey().revoke(member, mine.id());
        assertEquals(ErrorCode.API_KEY_NOT_FOUND, failure(() -> app.useCases.revokeApiKey().revoke(member, mine.id())));
        assertEquals(List.of(admins.id()), ids(app.useCases.listApiKeys().list(admin)));
        assertEquals(ErrorCode.FORBIDDEN, failure(() -> app.useCases.listApiKeys()
                .list(new Actor(member.userId(), org, member.role(), Set.of(Permission.PROJECTS_READ)))));
    }

    @Test
    void last_use_is_kept_in_memory_listed_at_once_and_written_by_the_flush() {
        CreatedApiKey created = create(member, "data.projects.read");
        assertEquals(Optional.empty(), app.useCases.listApiKeys().list(member).getFirst().lastUsedAt());

        authenticate(created.secret().value());

        assertEquals(Optional.empty(), app.apiKeys.find(org, created.key().id()).orElseThrow().lastUsedAt(),
                "authenticating writes nothing");
        Optional<java.time.Instant> listed = app.useCases.listApiKeys().list(member).getFirst().lastUsedAt();
        assertTrue(listed.isPresent());
        assertEquals(1, app.useCases.flushApiKeyUsage().flush());
        assertEquals(listed, app.apiKeys.find(org, created.key().id()).orElseThrow().lastUsedAt());
        assertEquals(0, app.useCases.flushApiKeyUsage().flush());
    }

    static List<ApiKeyId> ids(List<ApiKey> keys) {
        return keys.stream().map(ApiKey::id).toList();
    }
}
