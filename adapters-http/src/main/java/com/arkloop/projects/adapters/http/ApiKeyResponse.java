package com.arkloop.projects.adapters.http;

import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.apikey.ApiKey;
import java.time.Instant;
import java.util.List;

/** A key as listed: never its plaintext. Scopes in the order of the permission table; last use null until used. */
record ApiKeyResponse(String id, String name, String keyPrefix, List<String> scopes, String createdAt,
                      String lastUsedAt) {

    static ApiKeyResponse from(ApiKey key) {
        return new ApiKeyResponse(key.id().toString(), key.name(), key.keyPrefix(),
                key.scopes().stream().sorted().map(Permission::scopeName).toList(), key.createdAt().toString(),
                key.lastUsedAt().map(Instant::toString).orElse(null));
    }
}
