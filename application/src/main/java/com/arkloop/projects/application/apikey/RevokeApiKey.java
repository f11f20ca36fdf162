package com.arkloop.projects.application.apikey;

import com.arkloop.projects.application.Timestamps;
import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.apikey.ApiKey;
import com.arkloop.projects.domain.apikey.ApiKeyId;
import com.arkloop.projects.domain.apikey.ApiKeyRepository;
import java.time.Clock;

public final class RevokeApiKey {

    private final ApiKeyRepository apiKeys;
    private final RecentApiKeys recent;
    private final Transactions transactions;
    private final Clock clock;

    RevokeApiKey(ApiKeyRepository apiKeys, RecentApiKeys recent, Transactions transactions, Clock clock) {
        this.apiKeys = apiKeys;
        this.recent = recent;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Revokes a live key of the caller (an org admin: any key of the org). The key stops working in this
     * process when this returns. A key of someone else, of another org, already revoked or that never
     * existed: {@code api_keys.not_found}, the same in every case.
     */
    public void revoke(Actor actor, ApiKeyId id) {
        actor.require(Permission.API_KEYS_MANAGE);
        transactions.run(() -> {
            ApiKey key = apiKeys.find(actor.orgId(), id)
                    .filter(found -> !found.isRevoked() && found.isManageableBy(actor))
                    .orElseThrow(RevokeApiKey::notFound);
            recent.forget(key.id());
            apiKeys.revoke(key.orgId(), key.id(), Timestamps.now(clock));
        });
        recent.forget(id);
    }

    public static DomainException notFound() {
        return new DomainException(ErrorCode.API_KEY_NOT_FOUND, "API key not found");
    }
}
