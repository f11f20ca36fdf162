package com.arkloop.projects.application.apikey;

import com.arkloop.projects.domain.apikey.ApiKey;
import com.arkloop.projects.domain.apikey.ApiKeyId;
import com.arkloop.projects.domain.workspace.Sha256;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live keys found recently, by hash, for {@link #TTL} (one second): a busy client costs one indexed
 * lookup a second instead of one per request. A key revoked through this process is forgotten at once,
 * and for twice the TTL nothing may put it back (a lookup that raced with the revocation could
 * otherwise re-cache the old row). Another process sees a revocation within the TTL. Bounded: when
 * full, expired entries go, and if that is not enough, everything.
 */
final class RecentApiKeys {

    static final Duration TTL = Duration.ofSeconds(1);
    static final int MAX_ENTRIES = 10_000;

    private record Entry(ApiKey key, Instant expiresAt) {
    }

    private final Clock clock;
    private final Map<Sha256, Entry> byHash = new ConcurrentHashMap<>();
    private final Map<ApiKeyId, Instant> forgotten = new ConcurrentHashMap<>();

    RecentApiKeys(Clock clock) {
        this.clock = clock;
    }

    Optional<ApiKey> get(Sha256 hash) {
        Entry entry = byHash.get(hash);
        if (entry == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isAfter(entry.expiresAt()) || isForgotten(entry.key().id(), now)) {
            byHash.remove(hash, entry);
            return Optional.empty();
        }
        return Optional.of(entry.key());
    }

    /** Remembers a live key, unless it was revoked here a moment ago. */
    void put(ApiKey key) {
        Instant now = clock.instant();
        if (key.isRevoked() || isForgotten(key.id(), now)) {
            return;
        }
        if (byHash.size() >= MAX_ENTRIES) {
            byHash.values().removeIf(entry -> now.isAfter(entry.expiresAt()));
            forgotten.values().removeIf(now::isAfter);
            if (byHash.size() >= MAX_ENTRIES) {
                byHash.clear();
            }
        }
        byHash.put(key.keyHash(), new Entry(key, now.plus(TTL)));
    }

    /** Drops the key and keeps it out for twice the TTL. */
    void forget(ApiKeyId id) {
        forgotten.put(id, clock.instant().plus(TTL.multipliedBy(2)));
        byHash.values().removeIf(entry -> entry.key().id().equals(id));
    }

    private boolean isForgotten(ApiKeyId id, Instant now) {
        Instant until = forgotten.get(id);
        if (until == null) {
            return false;
        }
        if (now.isAfter(until)) {
            forgotten.remove(id, until);
            return false;
        }
        return true;
    }
}
