package com.arkloop.projects.domain.project;

import com.arkloop.projects.domain.Uuids;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

public record ProjectId(UUID value) {
    public ProjectId {
        Objects.requireNonNull(value, "value");
    }

    /** The id a path segment names, or empty when it is not a canonical UUID (a project that cannot exist). */
    public static Optional<ProjectId> parse(String text) {
        return Uuids.parseCanonical(text).map(ProjectId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
