package com.arkloop.projects.domain;

import java.util.Objects;
import java.util.UUID;

/** An organisation: the tenant boundary. Nothing crosses it. */
public record OrgId(UUID value) {
    public OrgId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
