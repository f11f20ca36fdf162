package com.arkloop.projects.application.fakes;

import com.arkloop.projects.domain.workspace.SessionRef;
import com.arkloop.projects.domain.workspace.SessionRepository;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import com.arkloop.projects.domain.workspace.WorkspaceSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sessions in a concurrent map keyed by ref; closed ones stay, as in the real store. */
public final class InMemorySessionRepository implements SessionRepository {

    private final Map<SessionRef, WorkspaceSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void insert(WorkspaceSession session) {
        if (sessions.putIfAbsent(session.ref(), session) != null) {
            throw new IllegalStateException("duplicate session ref " + session.ref());
        }
    }

    @Override
    public void update(WorkspaceSession session) {
        WorkspaceSession stored = sessions.get(session.ref());
        if (stored == null || !stored.workspaceRef().equals(session.workspaceRef())) {
            throw new IllegalStateException("no session " + session.ref() + " in " + session.workspaceRef());
        }
        sessions.put(session.ref(), session);
    }

    @Override
    public Optional<WorkspaceSession> find(WorkspaceRef workspace, SessionRef ref) {
        return Optional.ofNullable(sessions.get(ref)).filter(session -> session.workspaceRef().equals(workspace));
    }

    @Override
    public List<WorkspaceSession> listLive(WorkspaceRef workspace) {
        return sessions.values().stream()
                .filter(session -> session.workspaceRef().equals(workspace) && session.isLive())
                .toList();
    }
}
