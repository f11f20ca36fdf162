package com.arkloop.projects.domain.project;

import com.arkloop.projects.domain.DomainException;
import java.util.Locale;

/** Who besides the owner and the admins sees a project. */
public enum Visibility {
    /** The owner and the org admins only. */
    PRIVATE,
    /** The whole org, or the members of the project's team when it has one. */
    SHARED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the exact wire name; {@code Private} or {@code PRIVATE} are refused. */
    public static Visibility fromWireName(String field, String text) {
        for (Visibility visibility : values()) {
            if (visibility.wireName().equals(text)) {
                return visibility;
            }
        }
        throw DomainException.invalidField(field, "must be one of: private, shared");
    }
}
