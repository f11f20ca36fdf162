package com.arkloop.projects.domain.workspace;

import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/** A user's profile within an org: {@code pref_} + the first 32 hex characters of a SHA-256. */
public record ProfileRef(String value) {

    private static final Pattern FORMAT = Pattern.compile("pref_[0-9a-f]{32}");

    public ProfileRef {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a profile ref is pref_ and 32 lowercase hex characters");
        }
    }

    /** {@code "pref_" + hex(sha256("profile|" + org + "|" + user))[0:32]}, as the contract fixes it. */
    public static ProfileRef derive(OrgId orgId, UserId userId) {
        return new ProfileRef("pref_" + truncatedHash("profile|" + orgId + "|" + userId));
    }

    static String truncatedHash(String text) {
        return Sha256.of(text.getBytes(StandardCharsets.UTF_8)).hex().substring(0, 32);
    }

    @Override
    public String toString() {
        return value;
    }
}
