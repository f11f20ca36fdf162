package com.arkloop.projects.application;

import java.util.UUID;

/** Hands out ids for new aggregates. Injected so tests can predict them. */
@FunctionalInterface
public interface IdGenerator {

    UUID next();

    static IdGenerator random() {
        return UUID::randomUUID;
    }
}
