package com.arkloop.projects.domain.project;

import com.arkloop.projects.domain.Change;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.team.TeamId;
import java.util.Objects;

/** A partial update of a project's details. Name and visibility can be changed but never cleared. */
public record ProjectChanges(Change<String> name, Change<String> description, Change<TeamId> teamId,
                             Change<Visibility> visibility) {

    public ProjectChanges {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(visibility, "visibility");
        if (name instanceof Change.Set<String>(var value) && value == null) {
            throw DomainException.invalidField("name", "must not be null");
        }
        if (visibility instanceof Change.Set<Visibility>(var value) && value == null) {
            throw DomainException.invalidField("visibility", "must not be null");
        }
    }
}
