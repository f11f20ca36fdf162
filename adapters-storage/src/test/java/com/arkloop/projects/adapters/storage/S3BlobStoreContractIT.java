package com.arkloop.projects.adapters.storage;

import com.arkloop.projects.application.contracts.BlobStoreContract;
import com.arkloop.projects.domain.workspace.BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The whole store contract against a real S3-compatible server; each test uses fresh workspaces. */
class S3BlobStoreContractIT extends BlobStoreContract {

    private static S3ProxyServer server;
    private static S3BlobStore store;

    @BeforeAll
    static void start() throws Exception {
        server = S3ProxyServer.start();
        store = S3BlobStore.create(server.settings("contract/"));
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
        server.close();
    }

    @Override
    protected BlobStore store() {
        return store;
    }
}
