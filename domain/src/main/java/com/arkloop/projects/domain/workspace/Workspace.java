package com.arkloop.projects.domain.workspace;

import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.project.ProjectId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's default workspace of a project. Its ref is always the one derived from org, owner and
 * project; {@code latestRevision} is empty until the first revision is published.
 */
public record Workspace(WorkspaceRef ref, OrgId orgId, UserId ownerUserId, ProjectId projectId,
                        Optional<Revision> latestRevision, Instant lastUsedAt) {

    public Workspace {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(ownerUserId, "ownerUserId");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(latestRevision, "latestRevision");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        if (!ref.equals(WorkspaceRef.derive(orgId, ownerUserId, projectId))) {
            throw new IllegalArgumentException("a workspace ref must be derived from its org, owner and project");
        }
    }

    /** The workspace as it is on first access: no revision yet. */
    public static Workspace create(OrgId orgId, UserId ownerUserId, ProjectId projectId, Instant now) {
        return new Workspace(WorkspaceRef.derive(orgId, ownerUserId, projectId), orgId, ownerUserId, projectId,
                Optional.empty(), now);
    }
}
