package com.arkloop.projects.domain.project;

import com.arkloop.projects.domain.Text;
import com.arkloop.projects.domain.team.TeamId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client chooses about a project: name, description, team and visibility. Validated on
 * construction: the name is stripped and 1–200 characters, the description at most 10,000.
 */
public record ProjectDetails(String name, Optional<String> description, Optional<TeamId> teamId, Visibility visibility) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 10_000;

    public ProjectDetails {
        name = Text.requireName("name", name, MAX_NAME_LENGTH);
        Objects.requireNonNull(description, "description");
        description.ifPresent(text -> Text.requireStorable("description", text, MAX_DESCRIPTION_LENGTH));
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(visibility, "visibility");
    }

    /** These details with the requested changes applied, validated again as a whole. */
    public ProjectDetails apply(ProjectChanges changes) {
        return new ProjectDetails(
                changes.name().applyTo(name),
                Optional.ofNullable(changes.description().applyTo(description.orElse(null))),
                Optional.ofNullable(changes.teamId().applyTo(teamId.orElse(null))),
                changes.visibility().applyTo(visibility));
    }
}
