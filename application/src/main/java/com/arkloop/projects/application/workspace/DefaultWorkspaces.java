package com.arkloop.projects.application.workspace;

import com.arkloop.projects.application.Timestamps;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.workspace.Workspace;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;
import java.time.Clock;

/** What the workspace use cases share: the caller's default workspace, and the one "not found" of files. */
final class DefaultWorkspaces {

    private DefaultWorkspaces() {
    }

    /**
     * The actor's default workspace of a project they see, created on first access. Call it inside a
     * transaction, after the visibility check.
     */
    static Workspace of(WorkspaceRepository workspaces, Actor actor, Project project, Clock clock) {
        return workspaces.findOrCreate(Workspace.create(actor.orgId(), actor.userId(), project.id(), Timestamps.now(clock)));
    }

    /** One answer for every way a file can be absent, so the cause does not leak. */
    static DomainException fileNotFound() {
        return new DomainException(ErrorCode.WORKSPACE_FILE_NOT_FOUND, "workspace file not found");
    }
}
