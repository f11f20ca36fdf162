package com.arkloop.projects.adapters.http;

import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.team.TeamId;

/** A project as the API shows it. Nullable fields are always present; timestamps are RFC 3339 UTC. */
record ProjectResponse(String id, String orgId, String teamId, String ownerUserId, String name, String description,
                       String visibility, String createdAt, String updatedAt) {

    static ProjectResponse from(Project project) {
        return new ProjectResponse(
                project.id().toString(),
                project.orgId().toString(),
                project.details().teamId().map(TeamId::toString).orElse(null),
                project.ownerUserId().toString(),
                project.details().name(),
                project.details().description().orElse(null),
                project.details().visibility().wireName(),
                project.createdAt().toString(),
                project.updatedAt().toString());
    }
}
