package com.arkloop.projects.domain.apikey;

import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.workspace.Sha256;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stores API keys, found by the SHA-256 of their plaintext (unique) or by id within an org. */
public interface ApiKeyRepository {

    void insert(ApiKey key);

    /** The key with this hash, revoked or not. */
    Optional<ApiKey> findByHash(Sha256 keyHash);

    /** The key with this id in this org, revoked or not; a key of another org is absent. */
    Optional<ApiKey> find(OrgId orgId, ApiKeyId id);

    /** The user's live (not revoked) keys in the org, oldest first, ties broken by id. */
    List<ApiKey> listOfUser(OrgId orgId, UserId userId);

    /** Every live key of the org, oldest first, ties broken by id. */
    List<ApiKey> listOfOrg(OrgId orgId);

    /** Marks the key revoked at {@code at}; a key already revoked keeps its first time. */
    void revoke(OrgId orgId, ApiKeyId id, Instant at);

    /**
     * Records when keys were last used, in one batch. A time never moves backwards: a value older than
     * the stored one changes nothing. Ids of keys that no longer exist are ignored.
     */
    void touchLastUsed(Map<ApiKeyId, Instant> lastUsed);
}
