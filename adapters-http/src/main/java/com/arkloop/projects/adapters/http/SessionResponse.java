package com.arkloop.projects.adapters.http;

import com.arkloop.projects.domain.workspace.WorkspaceSession;

/** A workspace session, as the session endpoints answer it. */
record SessionResponse(String sessionRef, String sessionType, String state, String lastUsedAt, String createdAt) {

    static SessionResponse from(WorkspaceSession session) {
        return new SessionResponse(session.ref().value(), session.type().wireName(), session.state().wireName(),
                session.lastUsedAt().toString(), session.createdAt().toString());
    }
}
