package com.arkloop.projects.domain.workspace;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/** A workspace's status and, when active, the live session to report: the most recently used one. */
public record WorkspaceActivity(WorkspaceStatus status, Optional<WorkspaceSession> activeSession) {

    // Ties on last use go to the greater ref so the answer does not depend on storage order.
    private static final Comparator<WorkspaceSession> RECENCY = Comparator.comparing(WorkspaceSession::lastUsedAt)
            .thenComparing(session -> session.ref().value());

    public WorkspaceActivity {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(activeSession, "activeSession");
        if (activeSession.isPresent() != (status == WorkspaceStatus.ACTIVE)) {
            throw new IllegalArgumentException("an active workspace, and only an active one, reports a session");
        }
        if (activeSession.isPresent() && !activeSession.get().isLive()) {
            throw new IllegalArgumentException("a closed session is not active");
        }
    }

    /** {@code active} with the most recently used live session, or {@code idle} when none is live. */
    public static WorkspaceActivity of(Collection<WorkspaceSession> sessions) {
        return sessions.stream().filter(WorkspaceSession::isLive).max(RECENCY)
                .map(session -> new WorkspaceActivity(WorkspaceStatus.ACTIVE, Optional.of(session)))
                .orElseGet(() -> new WorkspaceActivity(WorkspaceStatus.IDLE, Optional.empty()));
    }

    /** The workspace's storage could not be reached, so nothing is known about it. */
    public static WorkspaceActivity unavailable() {
        return new WorkspaceActivity(WorkspaceStatus.UNAVAILABLE, Optional.empty());
    }
}
