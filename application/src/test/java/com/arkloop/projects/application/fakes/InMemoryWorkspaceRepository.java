package com.arkloop.projects.application.fakes;

import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.Workspace;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Workspaces in a concurrent map: its atomic operations give the race-freedom the contract asks for. */
public final class InMemoryWorkspaceRepository implements WorkspaceRepository {

    private final Map<WorkspaceRef, Workspace> workspaces = new ConcurrentHashMap<>();

    @Override
    public Workspace findOrCreate(Workspace candidate) {
        Workspace stored = workspaces.putIfAbsent(candidate.ref(), candidate);
        return stored == null ? candidate : stored;
    }

    @Override
    public boolean advanceRevision(WorkspaceRef ref, Optional<Revision> expected, Revision next, Instant now) {
        AtomicBoolean moved = new AtomicBoolean();
        workspaces.computeIfPresent(ref, (key, current) -> {
            if (!current.latestRevision().equals(expected)) {
                return current;
            }
            moved.set(true);
            return new Workspace(current.ref(), current.orgId(), current.ownerUserId(), current.projectId(),
                    Optional.of(next), now);
        });
        return moved.get();
    }

    /** The stored workspace, for assertions; not part of the port. */
    public Optional<Workspace> find(WorkspaceRef ref) {
        return Optional.ofNullable(workspaces.get(ref));
    }
}
