package com.arkloop.projects.application.apikey;

import com.arkloop.projects.application.Timestamps;
import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.apikey.ApiKey;
import com.arkloop.projects.domain.apikey.ApiKeyRepository;
import com.arkloop.projects.domain.apikey.ApiKeySecret;
import com.arkloop.projects.domain.workspace.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

public final class AuthenticateApiKey {

    private final ApiKeyRepository apiKeys;
    private final RecentApiKeys recent;
    private final ApiKeyUsage usage;
    private final Transactions transactions;
    private final Clock clock;

    AuthenticateApiKey(ApiKeyRepository apiKeys, RecentApiKeys recent, ApiKeyUsage usage, Transactions transactions,
                       Clock clock) {
        this.apiKeys = apiKeys;
        this.recent = recent;
        this.usage = usage;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The caller a presented key stands for: its user, org and recorded role, with the role's
     * permissions ∩ the key's scopes. A malformed, unknown or revoked key is {@code auth.invalid_api_key},
     * with one message for all three. The key is looked up by its SHA-256 (served from a one-second
     * cache of live keys) and the stored hash compared in constant time. The use is recorded in memory;
     * {@link FlushApiKeyUsage} writes it later, so no request waits for that write.
     *
     * @throws DomainException {@code service.unavailable} when the store cannot be reached
     */
    public Actor authenticate(String presented) {
        ApiKeySecret secret = ApiKeySecret.parse(presented).orElseThrow(AuthenticateApiKey::invalid);
        Sha256 hash = secret.sha256();
        ApiKey key = recent.get(hash).or(() -> lookUp(hash)).orElseThrow(AuthenticateApiKey::invalid);
        if (key.isRevoked() || !sameHash(key.keyHash(), hash)) {
            throw invalid();
        }
        usage.record(key.id(), Timestamps.now(clock));
        return key.actor();
    }

    private Optional<ApiKey> lookUp(Sha256 hash) {
        Optional<ApiKey> found = transactions.inTransaction(() -> apiKeys.findByHash(hash));
        found.ifPresent(recent::put);
        return found;
    }

    private static boolean sameHash(Sha256 stored, Sha256 presented) {
        return MessageDigest.isEqual(stored.hex().getBytes(StandardCharsets.US_ASCII),
                presented.hex().getBytes(StandardCharsets.US_ASCII));
    }

    private static DomainException invalid() {
        return new DomainException(ErrorCode.AUTH_INVALID_API_KEY, "invalid API key");
    }
}
