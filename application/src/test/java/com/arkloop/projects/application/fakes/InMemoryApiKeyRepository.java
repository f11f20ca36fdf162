package com.arkloop.projects.application.fakes;

import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.apikey.ApiKey;
import com.arkloop.projects.domain.apikey.ApiKeyId;
import com.arkloop.projects.domain.apikey.ApiKeyRepository;
import com.arkloop.projects.domain.workspace.Sha256;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

public final class InMemoryApiKeyRepository implements ApiKeyRepository {

    private static final Comparator<ApiKey> CREATION_ORDER =
            Comparator.comparing(ApiKey::createdAt).thenComparing(key -> key.id().toString());

    private final Map<ApiKeyId, ApiKey> keys = new LinkedHashMap<>();
    private int hashLookups;

    @Override
    public synchronized void insert(ApiKey key) {
        if (keys.containsKey(key.id()) || keys.values().stream().anyMatch(k -> k.keyHash().equals(key.keyHash()))) {
            throw new IllegalStateException("duplicate API key id or hash " + key.id());
        }
        keys.put(key.id(), key);
    }

    @Override
    public synchronized Optional<ApiKey> findByHash(Sha256 keyHash) {
        hashLookups++;
        return keys.values().stream().filter(key -> key.keyHash().equals(keyHash)).findFirst();
    }

    @Override
    public synchronized Optional<ApiKey> find(OrgId orgId, ApiKeyId id) {
        return Optional.ofNullable(keys.get(id)).filter(key -> key.orgId().equals(orgId));
    }

    @Override
    public synchronized List<ApiKey> listOfUser(OrgId orgId, UserId userId) {
        return live(key -> key.orgId().equals(orgId) && key.userId().equals(userId));
    }

    @Override
    public synchronized List<ApiKey> listOfOrg(OrgId orgId) {
        return live(key -> key.orgId().equals(orgId));
    }

    @Override
    public synchronized void revoke(OrgId orgId, ApiKeyId id, Instant at) {
        find(orgId, id).filter(key -> !key.isRevoked()).ifPresent(key -> keys.put(id, key.revoked(at)));
    }

    @Override
    public synchronized void touchLastUsed(Map<ApiKeyId, Instant> lastUsed) {
        lastUsed.forEach((id, at) -> {
            ApiKey key = keys.get(id);
            if (key != null && key.lastUsedAt().filter(stored -> !stored.isBefore(at)).isEmpty()) {
                keys.put(id, key.withLastUsedAt(at));
            }
        });
    }

    /** How many times {@link #findByHash} was called: shows whether the cache answered. */
    public synchronized int hashLookups() {
        return hashLookups;
    }

    private List<ApiKey> live(Predicate<ApiKey> filter) {
        return keys.values().stream().filter(key -> !key.isRevoked()).filter(filter).sorted(CREATION_ORDER).toList();
    }
}
