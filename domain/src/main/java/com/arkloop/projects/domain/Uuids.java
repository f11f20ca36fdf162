package com.arkloop.projects.domain;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Strict UUID parsing: {@link UUID#fromString} accepts forms such as {@code 1-1-1-1-1}. */
public final class Uuids {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    /** The UUID in 8-4-4-4-12 hex form (either case), or empty for anything else, including null. */
    public static Optional<UUID> parseCanonical(String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }
}
