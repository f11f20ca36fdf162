package com.arkloop.projects.domain.workspace;

import java.util.List;
import java.util.Optional;

/** Stores the sessions of workspaces, closed ones included. */
public interface SessionRepository {

    void insert(WorkspaceSession session);

    /** Replaces the stored state of an existing session. */
    void update(WorkspaceSession session);

    Optional<WorkspaceSession> find(WorkspaceRef workspace, SessionRef ref);

    /** The workspace's sessions that are not closed, in any order. */
    List<WorkspaceSession> listLive(WorkspaceRef workspace);
}
