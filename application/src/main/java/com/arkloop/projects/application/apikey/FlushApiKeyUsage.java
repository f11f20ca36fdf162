package com.arkloop.projects.application.apikey;

import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.domain.apikey.ApiKeyId;
import com.arkloop.projects.domain.apikey.ApiKeyRepository;
import java.time.Instant;
import java.util.Map;

/**
 * Writes the last-use times recorded by {@link AuthenticateApiKey} in one batch. Call it every few
 * seconds from a scheduled task (the server does, every {@link #DEFAULT_INTERVAL_SECONDS} seconds,
 * and once more on shutdown); until then the times live only in this process's memory.
 */
public final class FlushApiKeyUsage {

    public static final int DEFAULT_INTERVAL_SECONDS = 5;

    private final ApiKeyRepository apiKeys;
    private final ApiKeyUsage usage;
    private final Transactions transactions;

    FlushApiKeyUsage(ApiKeyRepository apiKeys, ApiKeyUsage usage, Transactions transactions) {
        this.apiKeys = apiKeys;
        this.usage = usage;
        this.transactions = transactions;
    }

    /**
     * @return how many keys' times were written
     * @throws RuntimeException when the write fails; the times are kept for the next call
     */
    public int flush() {
        Map<ApiKeyId, Instant> drained = usage.drain();
        if (drained.isEmpty()) {
            return 0;
        }
        try {
            transactions.run(() -> apiKeys.touchLastUsed(drained));
        } catch (RuntimeException failure) {
            usage.restore(drained);
            throw failure;
        }
        return drained.size();
    }
}
