package com.arkloop.projects.adapters.http;

import com.arkloop.projects.application.workspace.WorkspaceOverview;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.Workspace;
import com.arkloop.projects.domain.workspace.WorkspaceSession;

/** {@code GET …/workspace}: the caller's default workspace. {@code revision} and {@code active_session} may be null. */
record WorkspaceResponse(String projectId, String workspaceRef, String ownerUserId, String status, String lastUsedAt,
                         String revision, ActiveSession activeSession) {

    /** The most recently used live session of an {@code active} workspace. */
    record ActiveSession(String sessionRef, String sessionType, String state, String lastUsedAt) {

        static ActiveSession from(WorkspaceSession session) {
            return new ActiveSession(session.ref().value(), session.type().wireName(), session.state().wireName(),
                    session.lastUsedAt().toString());
        }
    }

    static WorkspaceResponse from(WorkspaceOverview overview) {
        Workspace workspace = overview.workspace();
        return new WorkspaceResponse(
                workspace.projectId().toString(),
                workspace.ref().value(),
                workspace.ownerUserId().toString(),
                overview.status().wireName(),
                workspace.lastUsedAt().toString(),
                overview.revision().map(Revision::value).orElse(null),
                overview.activeSession().map(ActiveSession::from).orElse(null));
    }
}
