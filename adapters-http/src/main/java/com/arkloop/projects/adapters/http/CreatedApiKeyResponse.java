package com.arkloop.projects.adapters.http;

import com.arkloop.projects.application.apikey.CreatedApiKey;
import java.util.List;

/** The answer to {@code POST /v1/api-keys}: the listed fields plus {@code key}, the plaintext, shown this once. */
record CreatedApiKeyResponse(String id, String name, String keyPrefix, List<String> scopes, String createdAt,
                             String lastUsedAt, String key) {

    static CreatedApiKeyResponse from(CreatedApiKey created) {
        ApiKeyResponse listed = ApiKeyResponse.from(created.key());
        return new CreatedApiKeyResponse(listed.id(), listed.name(), listed.keyPrefix(), listed.scopes(),
                listed.createdAt(), listed.lastUsedAt(), created.secret().value());
    }
}
