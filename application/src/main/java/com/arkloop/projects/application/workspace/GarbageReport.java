package com.arkloop.projects.application.workspace;

import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one garbage collection did: how many workspaces it looked at, how many blobs (and bytes) it
 * deleted, and the workspaces it left alone because a retained revision's manifest could not be read,
 * so their live blobs could not be told apart from garbage.
 */
public record GarbageReport(int workspacesScanned, long blobsDeleted, long bytesDeleted, List<WorkspaceRef> skipped) {

    public static final GarbageReport NOTHING = new GarbageReport(0, 0, 0, List.of());

    public GarbageReport {
        skipped = List.copyOf(skipped);
        if (workspacesScanned < 0 || blobsDeleted < 0 || bytesDeleted < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    GarbageReport plus(GarbageReport other) {
        List<WorkspaceRef> both = new ArrayList<>(skipped);
        both.addAll(other.skipped);
        return new GarbageReport(workspacesScanned + other.workspacesScanned, blobsDeleted + other.blobsDeleted,
                bytesDeleted + other.bytesDeleted, both);
    }

    static GarbageReport skipped(WorkspaceRef workspace) {
        return new GarbageReport(1, 0, 0, List.of(Objects.requireNonNull(workspace)));
    }
}
