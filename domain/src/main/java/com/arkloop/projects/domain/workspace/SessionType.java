package com.arkloop.projects.domain.workspace;

import com.arkloop.projects.domain.DomainException;
import java.util.Locale;

/** What a session runs in the workspace; the ref prefix tells the kinds apart. */
public enum SessionType {
    SHELL("shref_"),
    BROWSER("brref_");

    private final String refPrefix;

    SessionType(String refPrefix) {
        this.refPrefix = refPrefix;
    }

    String refPrefix() {
        return refPrefix;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the exact wire name ({@code shell} or {@code browser}). */
    public static SessionType fromWireName(String field, String text) {
        for (SessionType type : values()) {
            if (type.wireName().equals(text)) {
                return type;
            }
        }
        throw DomainException.invalidField(field, "must be one of: shell, browser");
    }
}
