package com.arkloop.projects.domain.access;

import java.util.Arrays;
import java.util.Optional;

/** A permission, named as in tokens and API-key scopes. */
public enum Permission {
    PROJECTS_READ("data.projects.read"),
    PROJECTS_MANAGE("data.projects.manage"),
    RUNS_READ("data.runs.read"),
    RUNS_WRITE("data.runs.write"),
    TEAMS_READ("org.teams.read"),
    TEAMS_MANAGE("org.teams.manage"),
    API_KEYS_MANAGE("data.api_keys.manage");

    private final String scopeName;

    Permission(String scopeName) {
        this.scopeName = scopeName;
    }

    public String scopeName() {
        return scopeName;
    }

    public static Optional<Permission> fromScopeName(String name) {
        return Arrays.stream(values()).filter(p -> p.scopeName.equals(name)).findFirst();
    }
}
