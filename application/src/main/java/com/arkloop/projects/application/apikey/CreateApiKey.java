package com.arkloop.projects.application.apikey;

import com.arkloop.projects.application.IdGenerator;
import com.arkloop.projects.application.Timestamps;
import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.Text;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.apikey.ApiKey;
import com.arkloop.projects.domain.apikey.ApiKeyId;
import com.arkloop.projects.domain.apikey.ApiKeyRepository;
import com.arkloop.projects.domain.apikey.ApiKeySecret;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

public final class CreateApiKey {

    private final ApiKeyRepository apiKeys;
    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;
    private final SecureRandom random;

    public CreateApiKey(ApiKeyRepository apiKeys, Transactions transactions, Clock clock, IdGenerator ids,
                        SecureRandom random) {
        this.apiKeys = apiKeys;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
        this.random = random;
    }

    /**
     * Mints a key for the caller with the given scopes. Needs {@code data.api_keys.manage} and a user
     * token: a key cannot mint keys ({@code auth.forbidden}). The name is 1–100 characters after
     * stripping and every scope must be a known permission ({@code validation.error} naming {@code name}
     * or {@code scopes}); the scopes must be permissions the caller holds, else
     * {@code api_keys.scope_forbidden}. No scopes at all is allowed and gives a key that can do nothing.
     */
    public CreatedApiKey create(Actor actor, String name, Collection<String> scopeNames) {
        actor.require(Permission.API_KEYS_MANAGE);
        actor.requireUserToken();
        Text.requireName("name", name, ApiKey.MAX_NAME_LENGTH);
        Set<Permission> scopes = ApiKey.parseScopes(scopeNames);
        EnumSet<Permission> notHeld = scopes.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(scopes);
        notHeld.removeAll(actor.permissions());
        if (!notHeld.isEmpty()) {
            throw new DomainException(ErrorCode.API_KEY_SCOPE_FORBIDDEN, "scopes exceed the caller's permissions",
                    Map.of("scopes", "not held by the caller: "
                            + notHeld.stream().map(Permission::scopeName).collect(Collectors.joining(", "))));
        }
        byte[] bytes = new byte[ApiKeySecret.RANDOM_BYTES];
        random.nextBytes(bytes);
        ApiKeySecret secret = ApiKeySecret.fromRandomBytes(bytes);
        ApiKey key = ApiKey.create(new ApiKeyId(ids.next()), actor, name, scopes, secret, Timestamps.now(clock));
        transactions.run(() -> apiKeys.insert(key));
        return new CreatedApiKey(key, secret);
    }
}
