package com.arkloop.projects.domain.workspace;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** A session's public name: {@code shref_} (shell) or {@code brref_} (browser) + 32 lowercase hex characters. */
public record SessionRef(String value) {

    private static final Pattern FORMAT = Pattern.compile("(shref_|brref_)[0-9a-f]{32}");

    public SessionRef {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a session ref is shref_ or brref_ and 32 lowercase hex characters");
        }
    }

    /** The ref of a new session, from a fresh (injected) random id. */
    public static SessionRef create(SessionType type, UUID id) {
        return new SessionRef(type.refPrefix() + id.toString().replace("-", ""));
    }

    /** The ref the text names, or empty when it is not one (a session that cannot exist). */
    public static Optional<SessionRef> parse(String text) {
        return text != null && FORMAT.matcher(text).matches() ? Optional.of(new SessionRef(text)) : Optional.empty();
    }

    public SessionType type() {
        return value.startsWith(SessionType.SHELL.refPrefix()) ? SessionType.SHELL : SessionType.BROWSER;
    }

    @Override
    public String toString() {
        return value;
    }
}
