package com.arkloop.projects.adapters.http;

import com.arkloop.projects.domain.Change;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.Uuids;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Typed, strict access to the fields of a request object. Problems (unknown fields, wrong JSON types,
 * missing required fields) are collected so one 422 names them all; call {@link #requireValid()} after
 * reading every field. No coercion: {@code "name": 5} is an error, not {@code "5"}.
 */
final class JsonObjectReader {

    private final ObjectNode object;
    private final Map<String, String> problems = new LinkedHashMap<>();

    JsonObjectReader(ObjectNode object) {
        this.object = object;
    }

    /** Records every field outside {@code known} as a problem. */
    JsonObjectReader allowOnly(Set<String> known) {
        object.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problems.put(name, "is not a known field");
            }
        });
        return this;
    }

    /** A string that must be present and not null; null when it is not (and a problem is recorded). */
    String requiredString(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            problems.put(field, "is required");
            return null;
        }
        return text(field, value).orElse(null);
    }

    /** An array of strings that must be present and not null; null when it is not (and a problem is recorded). */
    List<String> requiredStringArray(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            problems.put(field, "is required");
            return null;
        }
        List<String> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(item -> items.add(item.isTextual() ? item.textValue() : null));
        }
        if (!value.isArray() || items.contains(null)) {
            problems.put(field, "must be an array of strings");
            return null;
        }
        return items;
    }

    /** A string that may be absent (keep), null (clear) or a string (set). */
    Change<String> optionalString(String field) {
        return optionalString(field, Function.identity());
    }

    /** Like {@link #optionalString} for a UUID in its canonical 8-4-4-4-12 form. */
    Change<UUID> optionalUuid(String field) {
        return optionalString(field, text -> Uuids.parseCanonical(text).orElseThrow(
                () -> DomainException.invalidField(field, "must be a UUID")));
    }

    /**
     * Like {@link #optionalString}, the string converted by {@code parse}; a {@link DomainException} it
     * throws is recorded as a problem of this field.
     */
    <T> Change<T> optionalString(String field, Function<String, T> parse) {
        JsonNode value = object.get(field);
        if (value == null) {
            return Change.keep();
        }
        if (value.isNull()) {
            return Change.set(null);
        }
        if (!value.isTextual()) {
            problems.put(field, "must be a string or null");
            return Change.keep();
        }
        return convert(field, value.textValue(), parse).map(Change::set).orElse(Change.keep());
    }

    /** A string that may be absent but, when present, is not null, converted by {@code parse}. */
    <T> Optional<T> optionalNonNull(String field, Function<String, T> parse) {
        JsonNode value = object.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isNull()) {
            problems.put(field, "must not be null");
            return Optional.empty();
        }
        return text(field, value).flatMap(text -> convert(field, text, parse));
    }

    /** Throws one 422 listing every problem found so far. */
    void requireValid() {
        if (!problems.isEmpty()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "request validation failed", problems);
        }
    }

    private Optional<String> text(String field, JsonNode value) {
        if (!value.isTextual()) {
            problems.put(field, "must be a string");
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    private <T> Optional<T> convert(String field, String text, Function<String, T> parse) {
        try {
            return Optional.of(parse.apply(text));
        } catch (DomainException invalid) {
            problems.put(field, invalid.details().getOrDefault(field, "is invalid"));
            return Optional.empty();
        }
    }
}
