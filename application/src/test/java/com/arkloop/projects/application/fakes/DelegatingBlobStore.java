package com.arkloop.projects.application.fakes;

import com.arkloop.projects.domain.workspace.BlobContent;
import com.arkloop.projects.domain.workspace.BlobExpectation;
import com.arkloop.projects.domain.workspace.BlobStore;
import com.arkloop.projects.domain.workspace.ByteRange;
import com.arkloop.projects.domain.workspace.ListedBlob;
import com.arkloop.projects.domain.workspace.Manifest;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.Sha256;
import com.arkloop.projects.domain.workspace.StoredBlob;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Passes every call to another store; tests override the calls they want to record, interrupt or
 * fail, and leave the rest to the wrapped store.
 */
public class DelegatingBlobStore implements BlobStore {

    private final BlobStore delegate;

    public DelegatingBlobStore(BlobStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public StoredBlob putBlob(WorkspaceRef workspace, InputStream content, BlobExpectation expectation) {
        return delegate.putBlob(workspace, content, expectation);
    }

    @Override
    public Optional<BlobContent> openBlob(WorkspaceRef workspace, Sha256 blob, Optional<ByteRange> range) {
        return delegate.openBlob(workspace, blob, range);
    }

    @Override
    public OptionalLong blobSize(WorkspaceRef workspace, Sha256 blob) {
        return delegate.blobSize(workspace, blob);
    }

    @Override
    public void putManifest(WorkspaceRef workspace, Revision revision, Manifest manifest) {
        delegate.putManifest(workspace, revision, manifest);
    }

    @Override
    public Optional<Manifest> getManifest(WorkspaceRef workspace, Revision revision) {
        return delegate.getManifest(workspace, revision);
    }

    @Override
    public List<WorkspaceRef> listWorkspaces() {
        return delegate.listWorkspaces();
    }

    @Override
    public List<ListedBlob> listBlobs(WorkspaceRef workspace) {
        return delegate.listBlobs(workspace);
    }

    @Override
    public boolean deleteBlob(WorkspaceRef workspace, Sha256 blob, Instant writtenBefore) {
        return delegate.deleteBlob(workspace, blob, writtenBefore);
    }

    @Override
    public boolean isAvailable() {
        return delegate.isAvailable();
    }
}
