package com.arkloop.projects.application.contracts;

import com.arkloop.projects.application.fakes.InMemoryBlobStore;
import com.arkloop.projects.domain.workspace.BlobStore;

class InMemoryBlobStoreContractTest extends BlobStoreContract {

    private final InMemoryBlobStore store = new InMemoryBlobStore();

    @Override
    protected BlobStore store() {
        return store;
    }
}
