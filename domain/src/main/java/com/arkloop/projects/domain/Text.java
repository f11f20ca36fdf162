package com.arkloop.projects.domain;

/** Rules every piece of user text must meet before it is stored. */
public final class Text {

    private Text() {
    }

    /**
     * Checks that {@code value} has at most {@code maxCodePoints} characters, and that it can be stored
     * as it is: no NUL (PostgreSQL text cannot hold it) and no unpaired surrogate (it has no UTF-8
     * form and would be silently replaced).
     *
     * @throws DomainException {@code validation.error} naming {@code field}
     */
    public static String requireStorable(String field, String value, int maxCodePoints) {
        int codePoints = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw DomainException.invalidField(field, "must not contain NUL characters");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw DomainException.invalidField(field, "must be valid Unicode text");
            }
            codePoints++;
        }
        if (codePoints > maxCodePoints) {
            throw DomainException.invalidField(field, "must be at most " + maxCodePoints + " characters");
        }
        return value;
    }

    /** Strips leading and trailing white space, then requires 1 to {@code maxCodePoints} characters. */
    public static String requireName(String field, String value, int maxCodePoints) {
        if (value == null) {
            throw DomainException.invalidField(field, "is required");
        }
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw DomainException.invalidField(field, "must not be blank");
        }
        return requireStorable(field, stripped, maxCodePoints);
    }
}
