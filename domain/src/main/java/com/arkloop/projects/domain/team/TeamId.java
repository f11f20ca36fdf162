package com.arkloop.projects.domain.team;

import com.arkloop.projects.domain.Uuids;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

public record TeamId(UUID value) {
    public TeamId {
        Objects.requireNonNull(value, "value");
    }

    /** The id a path segment names, or empty when it is not a canonical UUID (a team that cannot exist). */
    public static Optional<TeamId> parse(String text) {
        return Uuids.parseCanonical(text).map(TeamId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
