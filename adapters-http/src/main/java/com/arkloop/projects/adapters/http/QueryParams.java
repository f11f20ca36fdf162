package com.arkloop.projects.adapters.http;

import com.arkloop.projects.domain.DomainException;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Query parameters, read strictly: a malformed percent-escape or a repeated parameter is a 400 naming
 * it (Javalin would silently drop the one and pick among the other). Unknown parameters are ignored.
 */
final class QueryParams {

    private final Map<String, List<String>> values;

    private QueryParams(Map<String, List<String>> values) {
        this.values = values;
    }

    static QueryParams of(Context ctx) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        forEachRawPair(ctx, (rawName, rawValue) -> {
            String name = decode("query", rawName);
            values.computeIfAbsent(name, ignored -> new ArrayList<>()).add(decode(name, rawValue));
        });
        return new QueryParams(values);
    }

    /**
     * Each {@code name=value} pair of the raw query string, in order and still percent-encoded; empty
     * pairs are skipped and a pair without {@code =} has the empty value.
     */
    static void forEachRawPair(Context ctx, BiConsumer<String, String> action) {
        String query = ctx.queryString();
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            action.accept(equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? "" : pair.substring(equals + 1));
        }
    }

    /** The parameter's one value, or empty when absent. */
    Optional<String> single(String name) {
        List<String> found = values.getOrDefault(name, List.of());
        if (found.size() > 1) {
            throw DomainException.invalidParameter(name, "must not be repeated");
        }
        return found.stream().findFirst();
    }

    /** A positive integer parameter; its range is the use case's to check. */
    int integer(String name, int defaultValue, String problem) {
        return single(name).map(text -> {
            if (!text.matches("[0-9]{1,9}")) {
                throw DomainException.invalidParameter(name, problem);
            }
            return Integer.parseInt(text);
        }).orElse(defaultValue);
    }

    private static String decode(String name, String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw DomainException.invalidParameter(name, "is not valid percent-encoding");
        }
    }
}
