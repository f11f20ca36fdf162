package com.arkloop.projects.adapters.persistence;

import com.arkloop.projects.application.contracts.ApiKeyRepositoryContract;
import com.arkloop.projects.domain.apikey.ApiKeyRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiApiKeyRepositoryContractIT extends ApiKeyRepositoryContract {

    @RegisterExtension
    static final FreshDatabase postgres = FreshDatabase.emptiedBeforeEachTest();

    @Override
    protected ApiKeyRepository apiKeys() {
        return postgres.database().apiKeys();
    }
}
