package com.arkloop.projects.adapters.http;

import com.arkloop.projects.domain.Change;
import com.arkloop.projects.domain.project.ProjectChanges;
import com.arkloop.projects.domain.project.ProjectDetails;
import com.arkloop.projects.domain.project.Visibility;
import com.arkloop.projects.domain.team.TeamId;
import java.util.Optional;
import java.util.Set;

/**
 * Request bodies of {@code POST} and {@code PATCH /v1/projects}: JSON shape here, the rules on values
 * (name length, blank names, text that cannot be stored) in the domain records built from them.
 */
final class ProjectRequests {

    private static final Set<String> FIELDS = Set.of("name", "description", "team_id", "visibility");

    private ProjectRequests() {
    }

    static ProjectDetails details(JsonObjectReader body) {
        body.allowOnly(FIELDS);
        String name = body.requiredString("name");
        Change<String> description = body.optionalString("description");
        Change<TeamId> teamId = body.optionalUuid("team_id").map(TeamId::new);
        Optional<Visibility> visibility = body.optionalNonNull("visibility", ProjectRequests::visibility);
        body.requireValid();
        return new ProjectDetails(name, Optional.ofNullable(description.applyTo(null)),
                Optional.ofNullable(teamId.applyTo(null)), visibility.orElse(Visibility.PRIVATE));
    }

    /** Absent fields are kept; an explicit null clears {@code description} or {@code team_id}. */
    static ProjectChanges changes(JsonObjectReader body) {
        body.allowOnly(FIELDS);
        Change<String> name = body.optionalString("name");
        Change<String> description = body.optionalString("description");
        Change<TeamId> teamId = body.optionalUuid("team_id").map(TeamId::new);
        Change<Visibility> visibility = body.optionalString("visibility", ProjectRequests::visibility);
        body.requireValid();
        return new ProjectChanges(name, description, teamId, visibility);
    }

    private static Visibility visibility(String text) {
        return Visibility.fromWireName("visibility", text);
    }
}
