package com.arkloop.projects.domain.workspace;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import java.util.Map;

/**
 * The failures of workspace content that several places raise alike: every blob store, the use cases
 * and the HTTP adapter's range handling. Kept off the {@link BlobStore} port so that naming an error
 * never means depending on the storage.
 */
public final class WorkspaceErrors {

    private WorkspaceErrors() {
    }

    /** The failure every store reports when its storage cannot be reached or fails. */
    public static DomainException storageUnavailable(Throwable cause) {
        return new DomainException(ErrorCode.SERVICE_UNAVAILABLE, "workspace storage is unavailable", Map.of(), cause);
    }

    public static DomainException contentMismatch() {
        return new DomainException(ErrorCode.VALIDATION_FAILED, "content does not match its expected digest and size",
                Map.of("content", "does not match the expected sha256 and size"));
    }

    public static DomainException tooLarge(long maxSize) {
        return new DomainException(ErrorCode.REQUEST_TOO_LARGE, "content is larger than " + maxSize + " bytes");
    }

    public static DomainException rangeNotSatisfiable(long totalSize) {
        return new DomainException(ErrorCode.WORKSPACE_RANGE_NOT_SATISFIABLE, "range not satisfiable",
                Map.of("range", "must start before byte " + totalSize));
    }
}
