package com.arkloop.projects.domain.team;

import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.Text;
import java.time.Instant;
import java.util.Objects;

/** A team of an organisation. Its name is stripped and 1–100 characters. */
public record Team(TeamId id, OrgId orgId, String name, Instant createdAt) {

    public static final int MAX_NAME_LENGTH = 100;

    public Team {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        name = Text.requireName("name", name, MAX_NAME_LENGTH);
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
