package com.arkloop.projects.adapters.http;

import java.util.Set;

/** The body of {@code POST /v1/teams}; the name's rules are the domain's. */
final class TeamRequests {

    private TeamRequests() {
    }

    static String name(JsonObjectReader body) {
        body.allowOnly(Set.of("name"));
        String name = body.requiredString("name");
        body.requireValid();
        return name;
    }
}
