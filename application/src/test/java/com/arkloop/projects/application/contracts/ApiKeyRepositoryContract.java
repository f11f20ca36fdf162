package com.arkloop.projects.application.contracts;

import static com.arkloop.projects.application.contracts.Fixtures.T0;
import static com.arkloop.projects.application.contracts.Fixtures.newOrg;
import static com.arkloop.projects.application.contracts.Fixtures.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.access.Role;
import com.arkloop.projects.domain.apikey.ApiKey;
import com.arkloop.projects.domain.apikey.ApiKeyId;
import com.arkloop.projects.domain.apikey.ApiKeyRepository;
import com.arkloop.projects.domain.apikey.ApiKeySecret;
import com.arkloop.projects.domain.workspace.Sha256;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link ApiKeyRepository} must do. */
public abstract class ApiKeyRepositoryContract {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The repository under test, empty at the start of each test. */
    protected abstract ApiKeyRepository apiKeys();

    static ApiKey key(OrgId org, UserId user, Instant createdAt) {
        return key(new ApiKeyId(UUID.randomUUID()), org, user, createdAt);
    }

    static ApiKey key(ApiKeyId id, OrgId org, UserId user, Instant createdAt) {
        byte[] bytes = new byte[ApiKeySecret.RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        ApiKeySecret secret = ApiKeySecret.fromRandomBytes(bytes);
        return new ApiKey(id, org, user, Role.ORG_MEMBER, EnumSet.of(Permission.PROJECTS_READ, Permission.RUNS_READ),
                "Key — ünïcödé " + id, secret.shownPrefix(), secret.sha256(), createdAt, Optional.empty(), Optional.empty());
    }

    @Test
    void finds_an_inserted_key_by_hash_and_by_id_in_its_own_org_only() {
        OrgId org = newOrg();
        ApiKey key = key(org, newUser(), T0);
        ApiKey noScopes = new ApiKey(new ApiKeyId(UUID.randomUUID()), org, newUser(), Role.ORG_ADMIN, Set.of(), "empty",
                "ak-00000000", new Sha256("0".repeat(64)), T0, Optional.empty(),
                Optional.empty());

        apiKeys().insert(key);
        apiKeys().insert(noScopes);

        assertEquals(Optional.of(key), apiKeys().findByHash(key.keyHash()));
        assertEquals(Optional.of(noScopes), apiKeys().findByHash(noScopes.keyHash()));
        assertEquals(Optional.of(key), apiKeys().find(org, key.id()));
        assertEquals(Optional.empty(), apiKeys().find(newOrg(), key.id()));
        assertEquals(Optional.empty(), apiKeys().find(org, new ApiKeyId(UUID.randomUUID())));
        assertEquals(Optional.empty(), apiKeys().findByHash(new Sha256("f".repeat(64))));
    }

    @Test
    void refuses_a_second_key_with_the_same_hash() {
        OrgId org = newOrg();
        ApiKey key = key(org, newUser(), T0);
        apiKeys().insert(key);
        ApiKey sameHash = new ApiKey(new ApiKeyId(UUID.randomUUID()), org, newUser(), Role.ORG_MEMBER, Set.of(), "copy",
                key.keyPrefix(), key.keyHash(), T0, Optional.empty(), Optional.empty());

        assertThrows(RuntimeException.class, () -> apiKeys().insert(sameHash));
        assertEquals(Optional.of(key), apiKeys().findByHash(key.keyHash()));
    }

    @Test
    void lists_live_keys_of_a_user_and_of_an_org_oldest_first_with_ties_broken_by_id() {
        OrgId org = newOrg();
        UserId user = newUser();
        UserId colleague = newUser();
        ApiKey last = key(new ApiKeyId(UUID.fromString("ffffffff-0000-4000-8000-000000000000")), org, user, T0);
        ApiKey first = key(new ApiKeyId(UUID.fromString("0000000a-0000-4000-8000-000000000000")), org, user, T0);
        ApiKey oldest = key(org, user, T0.minusSeconds(60));
        ApiKey colleagues = key(org, colleague, T0.plusSeconds(1));
        ApiKey revoked = key(org, user, T0);
        List.of(last, first, oldest, colleagues, revoked).forEach(apiKeys()::insert);
        apiKeys().insert(key(newOrg(), user, T0));
        apiKeys().revoke(org, revoked.id(), T0.plusSeconds(5));

        assertEquals(List.of(oldest, first, last), apiKeys().listOfUser(org, user));
        assertEquals(List.of(oldest, first, last, colleagues), apiKeys().listOfOrg(org));
        assertEquals(List.of(), apiKeys().listOfUser(newOrg(), user));
    }

    @Test
    void revoking_keeps_the_key_findable_with_its_first_revocation_time() {
        OrgId org = newOrg();
        ApiKey key = key(org, newUser(), T0);
        apiKeys().insert(key);

        apiKeys().revoke(newOrg(), key.id(), T0.plusSeconds(1));
        assertEquals(Optional.of(key), apiKeys().find(org, key.id()));

        apiKeys().revoke(org, key.id(), T0.plusSeconds(2));
        apiKeys().revoke(org, key.id(), T0.plusSeconds(3));
        apiKeys().revoke(org, new ApiKeyId(UUID.randomUUID()), T0);

        ApiKey revoked = key.revoked(T0.plusSeconds(2));
        assertEquals(Optional.of(revoked), apiKeys().find(org, key.id()));
        assertEquals(Optional.of(revoked), apiKeys().findByHash(key.keyHash()));
    }

    @Test
    void touches_last_used_in_a_batch_never_moving_it_backwards() {
        OrgId org = newOrg();
        ApiKey one = key(org, newUser(), T0);
        ApiKey two = key(org, newUser(), T0);
        ApiKey untouched = key(org, newUser(), T0);
        List.of(one, two, untouched).forEach(apiKeys()::insert);

        apiKeys().touchLastUsed(Map.of(one.id(), T0.plusSeconds(10), two.id(), T0.plusSeconds(20),
                new ApiKeyId(UUID.randomUUID()), T0));
        apiKeys().touchLastUsed(Map.of(one.id(), T0.plusSeconds(5), two.id(), T0.plusSeconds(30)));
        apiKeys().touchLastUsed(Map.of());

        assertEquals(Optional.of(T0.plusSeconds(10)), apiKeys().find(org, one.id()).orElseThrow().lastUsedAt());
        assertEquals(Optional.of(T0.plusSeconds(30)), apiKeys().find(org, two.id()).orElseThrow().lastUsedAt());
        assertEquals(Optional.empty(), apiKeys().find(org, untouched.id()).orElseThrow().lastUsedAt());
    }
}
