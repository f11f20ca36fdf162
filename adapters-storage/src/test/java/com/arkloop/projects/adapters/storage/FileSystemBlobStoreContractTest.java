package com.arkloop.projects.adapters.storage;

import com.arkloop.projects.application.contracts.BlobStoreContract;
import com.arkloop.projects.domain.workspace.BlobStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreContractTest extends BlobStoreContract {

    @TempDir
    Path root;

    @Override
    protected BlobStore store() {
        return new FileSystemBlobStore(root);
    }
}
