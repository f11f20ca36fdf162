package com.arkloop.projects.application.apikey;

import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.apikey.ApiKey;
import com.arkloop.projects.domain.apikey.ApiKeyRepository;
import java.util.List;

public final class ListApiKeys {

    private final ApiKeyRepository apiKeys;
    private final ApiKeyUsage usage;
    private final Transactions transactions;

    ListApiKeys(ApiKeyRepository apiKeys, ApiKeyUsage usage, Transactions transactions) {
        this.apiKeys = apiKeys;
        this.usage = usage;
        this.transactions = transactions;
    }

    /**
     * The caller's live keys (an org admin: every live key of the org), oldest first. Revoked keys are
     * not listed. {@code last_used_at} includes uses not yet written to the store.
     */
    public List<ApiKey> list(Actor actor) {
        actor.require(Permission.API_KEYS_MANAGE);
        List<ApiKey> keys = transactions.inTransaction(() -> actor.isOrgAdmin()
                ? apiKeys.listOfOrg(actor.orgId())
                : apiKeys.listOfUser(actor.orgId(), actor.userId()));
        return keys.stream().map(this::withPendingUse).toList();
    }

    private ApiKey withPendingUse(ApiKey key) {
        return usage.pending(key.id())
                .map(at -> key.withLastUsedAt(key.lastUsedAt().map(stored -> ApiKeyUsage.later(stored, at)).orElse(at)))
                .orElse(key);
    }
}
