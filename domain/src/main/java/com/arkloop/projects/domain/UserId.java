package com.arkloop.projects.domain;

import java.util.Objects;
import java.util.UUID;

/** A user, as named by the subject of a token. Users are not stored here. */
public record UserId(UUID value) {
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
