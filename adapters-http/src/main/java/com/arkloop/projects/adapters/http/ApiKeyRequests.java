package com.arkloop.projects.adapters.http;

import java.util.List;
import java.util.Set;

/** The body of {@code POST /v1/api-keys}: {@code name} and {@code scopes}, both required; their rules are the domain's. */
final class ApiKeyRequests {

    record Create(String name, List<String> scopes) {
    }

    private ApiKeyRequests() {
    }

    static Create create(JsonObjectReader body) {
        body.allowOnly(Set.of("name", "scopes"));
        String name = body.requiredString("name");
        List<String> scopes = body.requiredStringArray("scopes");
        body.requireValid();
        return new Create(name, scopes);
    }
}
