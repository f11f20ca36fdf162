package com.arkloop.projects.application.apikey;

import com.arkloop.projects.domain.apikey.ApiKeyId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When keys were last used, not yet written: one entry per key used since the last flush (so bounded
 * by the number of keys), the latest time winning. {@link FlushApiKeyUsage} writes them in one batch.
 */
final class ApiKeyUsage {

    private final Map<ApiKeyId, Instant> pending = new ConcurrentHashMap<>();

    void record(ApiKeyId id, Instant at) {
        pending.merge(id, at, ApiKeyUsage::later);
    }

    Optional<Instant> pending(ApiKeyId id) {
        return Optional.ofNullable(pending.get(id));
    }

    /** Takes every pending entry out; a use recorded meanwhile stays for the next flush. */
    Map<ApiKeyId, Instant> drain() {
        Map<ApiKeyId, Instant> drained = new HashMap<>();
        for (ApiKeyId id : pending.keySet()) {
            Instant at = pending.remove(id);
            if (at != null) {
                drained.put(id, at);
            }
        }
        return drained;
    }

    /** Puts entries back after a failed write, so the next flush tries again. */
    void restore(Map<ApiKeyId, Instant> entries) {
        entries.forEach(this::record);
    }

    static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
