package com.arkloop.projects.domain.apikey;

import com.arkloop.projects.domain.Uuids;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

public record ApiKeyId(UUID value) {
    public ApiKeyId {
        Objects.requireNonNull(value, "value");
    }

    /** The id a path segment names, or empty when it is not a canonical UUID (a key that cannot exist). */
    public static Optional<ApiKeyId> parse(String text) {
        return Uuids.parseCanonical(text).map(ApiKeyId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
