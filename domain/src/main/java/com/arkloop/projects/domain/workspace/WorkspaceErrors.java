package com.arkloop.projects.domain.workspace;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The failures of workspace content that several places raise alike: every blob store, the use cases,
 * the HTTP adapter's range handling, and both the tar parser and the import of what it reads. Kept off
 * the {@link BlobStore} port so that naming an error never means depending on the storage.
 */
public final class WorkspaceErrors {

    private static final int MAX_ENTRY_NAME_SHOWN = 200;

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

    /**
     * An archive that cannot be published, for a reason in one entry (named in the details) or in the
     * archive as a whole.
     */
    public static DomainException invalidArchive(Optional<String> entry, String reason) {
        Map<String, String> details = new HashMap<>();
        entry.ifPresent(name -> details.put("entry", shownEntryName(name)));
        details.put("reason", reason);
        return new DomainException(ErrorCode.WORKSPACE_INVALID_ARCHIVE, "the archive cannot be published", details);
    }

    /**
     * An archive entry's name as it can safely be shown in an error: control characters replaced, cut
     * short when long.
     */
    public static String shownEntryName(String name) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < name.length() && shown.length() < MAX_ENTRY_NAME_SHOWN; i++) {
            char c = name.charAt(i);
            shown.append(c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c) ? '?' : c);
        }
        return name.length() > MAX_ENTRY_NAME_SHOWN ? shown + "..." : shown.toString();
    }
}
