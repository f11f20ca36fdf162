package com.arkloop.projects.application.workspace;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.workspace.SessionRef;
import com.arkloop.projects.domain.workspace.SessionRepository;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import com.arkloop.projects.domain.workspace.WorkspaceSession;

/** What the session use cases share: finding a live session of the caller's own workspace. */
final class OwnSessions {

    private OwnSessions() {
    }

    /**
     * The live session the text names in the workspace. Text that is no session ref, a session of
     * another workspace, an unknown one and a closed one all fail alike with {@code sessions.not_found}.
     */
    static WorkspaceSession requireLive(SessionRepository sessions, WorkspaceRef workspace, String sessionRef) {
        return SessionRef.parse(sessionRef)
                .flatMap(ref -> sessions.find(workspace, ref))
                .filter(WorkspaceSession::isLive)
                .orElseThrow(OwnSessions::notFound);
    }

    static DomainException notFound() {
        return new DomainException(ErrorCode.SESSION_NOT_FOUND, "session not found");
    }
}
