package com.arkloop.projects.adapters.http;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query of the workspace endpoints, read from the raw query string. {@code path} values are handed
 * over still percent-encoded, every one of them, because the domain decodes a path exactly once and
 * judges a repeated one ({@code WorkspacePath.directoryFromQueryValues}); Javalin's map would have
 * decoded them already and kept one.
 *
 * <p>{@code limit} and {@code cursor} are read as strictly as {@link QueryParams} does, but a bad one
 * is not refused here: it is passed on as a value the use case refuses ({@code validation.error}
 * naming it), because the use case checks them after the project and the path, the contract's order.
 * Parameters whose name is not valid percent-encoding are unknown, so ignored.
 */
final class WorkspaceQuery {

    static final String PATH = "path";
    /** Outside 1–10000, so the use case refuses it as a bad {@code limit}. */
    private static final int INVALID_LIMIT = 0;
    /** Not base64url, so the use case refuses it as a bad {@code cursor}. */
    private static final String INVALID_CURSOR = "%";
    /** No revision id, so the use case answers {@code workspaces.revision_not_found}. */
    private static final String INVALID_REVISION = "";

    private final Map<String, List<String>> rawValues;

    private WorkspaceQuery(Map<String, List<String>> rawValues) {
        this.rawValues = rawValues;
    }

    static WorkspaceQuery of(Context ctx) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        QueryParams.forEachRawPair(ctx, (rawName, rawValue) ->
                decode(rawName).ifPresent(name -> values.computeIfAbsent(name, ignored -> new ArrayList<>()).add(rawValue)));
        return new WorkspaceQuery(values);
    }

    /** Every value of {@code path} as sent on the wire, in order; empty when there is none. */
    List<String> rawPathValues() {
        return List.copyOf(rawValues.getOrDefault(PATH, List.of()));
    }

    /** {@code limit}: the default when absent; one to nine digits as given; anything else a value the use case refuses. */
    int limit(int defaultValue) {
        List<String> found = rawValues.getOrDefault("limit", List.of());
        if (found.isEmpty()) {
            return defaultValue;
        }
        String text = found.size() == 1 ? found.getFirst() : "";
        return text.matches("[0-9]{1,9}") ? Integer.parseInt(text) : INVALID_LIMIT;
    }

    /** {@code cursor}, decoded once; a repeated or badly encoded one becomes a cursor the use case refuses. */
    Optional<String> cursor() {
        List<String> found = rawValues.getOrDefault("cursor", List.of());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(found.size() == 1 ? decode(found.getFirst()).orElse(INVALID_CURSOR) : INVALID_CURSOR);
    }

    /**
     * {@code revision} ({@code ?revision=}), decoded once; a repeated or badly encoded one becomes text
     * that names no revision, which the use case refuses after its project and path checks.
     */
    Optional<String> revision() {
        List<String> found = rawValues("revision");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(found.size() == 1 ? decode(found.getFirst()).orElse(INVALID_REVISION) : INVALID_REVISION);
    }

    /** Every value of the parameter as sent on the wire (still percent-encoded), in order. */
    List<String> rawValues(String name) {
        return List.copyOf(rawValues.getOrDefault(name, List.of()));
    }

    static Optional<String> decode(String text) {
        try {
            return Optional.of(URLDecoder.decode(text, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
