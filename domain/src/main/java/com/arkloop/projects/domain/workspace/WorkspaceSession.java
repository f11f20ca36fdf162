package com.arkloop.projects.domain.workspace;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import java.time.Instant;
import java.util.Objects;

/** A shell or browser session in a workspace. It is live until closed; its type is in its ref. */
public record WorkspaceSession(SessionRef ref, WorkspaceRef workspaceRef, SessionState state, Instant createdAt,
                               Instant lastUsedAt) {

    public WorkspaceSession {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(workspaceRef, "workspaceRef");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }

    /** A new session, ready. */
    public static WorkspaceSession open(SessionRef ref, WorkspaceRef workspaceRef, Instant now) {
        return new WorkspaceSession(ref, workspaceRef, SessionState.READY, now, now);
    }

    public SessionType type() {
        return ref.type();
    }

    public boolean isLive() {
        return state != SessionState.CLOSED;
    }

    /**
     * Moves a live session to {@code ready} or {@code busy} and marks it used.
     *
     * @throws DomainException {@code sessions.not_found} when the session is closed
     */
    public WorkspaceSession changeState(SessionState next, Instant now) {
        if (next == SessionState.CLOSED) {
            throw new IllegalArgumentException("close a session with close()");
        }
        requireLive();
        return new WorkspaceSession(ref, workspaceRef, next, createdAt, now);
    }

    /** @throws DomainException {@code sessions.not_found} when the session is already closed */
    public WorkspaceSession close(Instant now) {
        requireLive();
        return new WorkspaceSession(ref, workspaceRef, SessionState.CLOSED, createdAt, now);
    }

    private void requireLive() {
        if (!isLive()) {
            throw new DomainException(ErrorCode.SESSION_NOT_FOUND, "session not found");
        }
    }
}
