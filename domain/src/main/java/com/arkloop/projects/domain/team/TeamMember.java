package com.arkloop.projects.domain.team;

import com.arkloop.projects.domain.UserId;
import java.time.Instant;
import java.util.Objects;

/** A user's membership of a team, since {@code addedAt}. */
public record TeamMember(UserId userId, Instant addedAt) {
    public TeamMember {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(addedAt, "addedAt");
    }
}
