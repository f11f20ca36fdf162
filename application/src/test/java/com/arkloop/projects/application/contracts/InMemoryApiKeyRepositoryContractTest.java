package com.arkloop.projects.application.contracts;

import com.arkloop.projects.application.fakes.InMemoryApiKeyRepository;
import com.arkloop.projects.domain.apikey.ApiKeyRepository;

class InMemoryApiKeyRepositoryContractTest extends ApiKeyRepositoryContract {

    private final InMemoryApiKeyRepository apiKeys = new InMemoryApiKeyRepository();

    @Override
    protected ApiKeyRepository apiKeys() {
        return apiKeys;
    }
}
