package com.arkloop.projects.domain.workspace;

import com.arkloop.projects.domain.DomainException;
import java.util.Locale;

/** Where a session is in its life. Only {@code closed} ends it; a closed session never reopens. */
public enum SessionState {
    READY,
    BUSY,
    CLOSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A state a client may ask for ({@code ready} or {@code busy}); closing is a delete. */
    public static SessionState requestable(String field, String text) {
        if (READY.wireName().equals(text)) {
            return READY;
        }
        if (BUSY.wireName().equals(text)) {
            return BUSY;
        }
        throw DomainException.invalidField(field, "must be one of: ready, busy");
    }
}
