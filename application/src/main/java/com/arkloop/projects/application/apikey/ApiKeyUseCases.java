package com.arkloop.projects.application.apikey;

import com.arkloop.projects.application.IdGenerator;
import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.domain.apikey.ApiKeyRepository;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The API-key use cases, built together because they share two pieces of process memory: the cache
 * of recently found keys (which revocation clears) and the last-use times waiting to be written.
 */
public final class ApiKeyUseCases {

    private final CreateApiKey create;
    private final ListApiKeys list;
    private final RevokeApiKey revoke;
    private final AuthenticateApiKey authenticate;
    private final FlushApiKeyUsage flushUsage;

    public ApiKeyUseCases(ApiKeyRepository apiKeys, Transactions transactions, Clock clock, IdGenerator ids,
                          SecureRandom random) {
        RecentApiKeys recent = new RecentApiKeys(clock);
        ApiKeyUsage usage = new ApiKeyUsage();
        create = new CreateApiKey(apiKeys, transactions, clock, ids, random);
        list = new ListApiKeys(apiKeys, usage, transactions);
        revoke = new RevokeApiKey(apiKeys, recent, transactions, clock);
        authenticate = new AuthenticateApiKey(apiKeys, recent, usage, transactions, clock);
        flushUsage = new FlushApiKeyUsage(apiKeys, usage, transactions);
    }

    public CreateApiKey create() {
        return create;
    }

    public ListApiKeys list() {
        return list;
    }

    public RevokeApiKey revoke() {
        return revoke;
    }

    public AuthenticateApiKey authenticate() {
        return authenticate;
    }

    public FlushApiKeyUsage flushUsage() {
        return flushUsage;
    }
}
