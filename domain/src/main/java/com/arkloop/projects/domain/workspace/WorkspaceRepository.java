package com.arkloop.projects.domain.workspace;

import java.time.Instant;
import java.util.Optional;

/** Stores workspaces and the pointer to their latest revision. */
public interface WorkspaceRepository {

    /**
     * The stored workspace with the candidate's ref, storing the candidate first if there is none.
     * Race-free: when two first accesses arrive at once, both get the one stored workspace.
     */
    Workspace findOrCreate(Workspace candidate);

    /**
     * Moves the latest-revision pointer from {@code expected} to {@code next} and marks the workspace
     * used, atomically; changes nothing and answers false when the pointer is no longer
     * {@code expected} (another writer got there first). Call it only once the manifest and every
     * blob it names are durably stored.
     */
    boolean advanceRevision(WorkspaceRef ref, Optional<Revision> expected, Revision next, Instant now);
}
