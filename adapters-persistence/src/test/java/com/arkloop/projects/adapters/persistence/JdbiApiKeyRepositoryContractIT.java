package com.arkloop.projects.adapters.persistence;

import com.arkloop.projects.application.contracts.ApiKeyRepositoryContract;
import com.arkloop.projects.domain.apikey.ApiKeyRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

class JdbiApiKeyRepositoryContractIT extends ApiKeyRepositoryContract {

    private static PostgresDatabase database;

    @BeforeAll
    static void openDatabase() {
        database = TestDatabases.openFresh();
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @BeforeEach
    void emptyTables() {
        TestDatabases.emptyTables(database);
    }

    @Override
    protected ApiKeyRepository apiKeys() {
        return database.apiKeys();
    }
}
