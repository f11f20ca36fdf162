package com.arkloop.projects.adapters.http;

import com.arkloop.projects.application.fakes.DelegatingBlobStore;
import com.arkloop.projects.domain.workspace.BlobContent;
import com.arkloop.projects.domain.workspace.BlobStore;
import com.arkloop.projects.domain.workspace.ByteRange;
import com.arkloop.projects.domain.workspace.Sha256;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * A store whose blob streams break: a blob smaller than {@link #FAIL_AFTER_BYTES} fails on its first
 * read, a larger one once that many bytes were read (well past what the server buffers before it
 * commits the response). Everything else is the wrapped store's.
 */
final class FailingBlobStore extends DelegatingBlobStore {

    static final int FAIL_AFTER_BYTES = 256 * 1024;

    FailingBlobStore(BlobStore delegate) {
        super(delegate);
    }

    @Override
    public Optional<BlobContent> openBlob(WorkspaceRef workspace, Sha256 blob, Optional<ByteRange> range) {
        return super.openBlob(workspace, blob, range).map(content -> new BlobContent(content.totalSize(),
                content.offset(), content.length(), breaking(content.stream(),
                        content.totalSize() < FAIL_AFTER_BYTES ? 0 : FAIL_AFTER_BYTES)));
    }

    private static InputStream breaking(InputStream stream, long failAfter) {
        return new FilterInputStream(stream) {
            private long read;

            @Override
            public int read() throws IOException {
                check(1);
                int b = super.read();
                read += b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                check(length);
                int n = super.read(buffer, offset, (int) Math.min(length, Math.max(1, failAfter - read)));
                read += Math.max(n, 0);
                return n;
            }

            private void check(int wanted) throws IOException {
                if (read >= failAfter) {
                    throw new IOException("simulated disk failure");
                }
            }
        };
    }
}
