package com.arkloop.projects.adapters.http;

import com.arkloop.projects.application.project.VisibleProjects;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.Uuids;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.team.TeamId;
import io.javalin.http.Context;

/**
 * Ids in paths. A project or team id that is not a UUID names something that cannot exist, so it gets
 * the same 404 as a missing one. A user id is not looked up (users live elsewhere): a malformed one in a
 * membership path is bad input, 422 naming {@code user_id}.
 */
final class PathIds {

    private PathIds() {
    }

    static ProjectId project(Context ctx) {
        return ProjectId.parse(ctx.pathParam("project_id")).orElseThrow(VisibleProjects::notFound);
    }

    static TeamId team(Context ctx) {
        return TeamId.parse(ctx.pathParam("team_id"))
                .orElseThrow(() -> new DomainException(ErrorCode.TEAM_NOT_FOUND, "team not found"));
    }

    static UserId user(Context ctx) {
        return Uuids.parseCanonical(ctx.pathParam("user_id")).map(UserId::new)
                .orElseThrow(() -> DomainException.invalidField("user_id", "must be a UUID"));
    }
}
