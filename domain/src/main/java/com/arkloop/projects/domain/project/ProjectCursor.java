package com.arkloop.projects.domain.project;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.Uuids;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A position in the list of projects, ordered by creation time then id: the page after it starts
 * with the first project past this one. Clients see it only as an opaque token.
 */
public record ProjectCursor(Instant createdAt, ProjectId id) {

    public ProjectCursor {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }

    public static ProjectCursor after(Project project) {
        return new ProjectCursor(project.createdAt(), project.id());
    }

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        byte[] text = (micros + "." + id).getBytes(StandardCharsets.US_ASCII);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text);
    }

    /** Parses a token made by {@link #encode()}; anything else is a 400 naming the {@code cursor} parameter. */
    public static ProjectCursor decode(String token) {
        return tryDecode(token).orElseThrow(() -> DomainException.invalidParameter("cursor", "is not a valid cursor"));
    }

    private static Optional<ProjectCursor> tryDecode(String token) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int dot = text.indexOf('.');
        if (dot < 1 || !text.substring(0, dot).matches("-?[0-9]{1,18}")) {
            return Optional.empty();
        }
        Instant createdAt = Instant.EPOCH.plus(Long.parseLong(text.substring(0, dot)), ChronoUnit.MICROS);
        return Uuids.parseCanonical(text.substring(dot + 1)).map(uuid -> new ProjectCursor(createdAt, new ProjectId(uuid)));
    }
}
