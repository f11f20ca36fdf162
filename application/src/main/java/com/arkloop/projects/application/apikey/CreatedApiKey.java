package com.arkloop.projects.application.apikey;

import com.arkloop.projects.domain.apikey.ApiKey;
import com.arkloop.projects.domain.apikey.ApiKeySecret;
import java.util.Objects;

/** A new key and its plaintext, which exists only here: show it once, it cannot be recovered. */
public record CreatedApiKey(ApiKey key, ApiKeySecret secret) {
    public CreatedApiKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }
}
