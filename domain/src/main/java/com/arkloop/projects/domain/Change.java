package com.arkloop.projects.domain;

import java.util.function.Function;

/**
 * One field of a partial update: either leave the field as it is, or set it to a value, where
 * {@code null} clears a nullable field. Keeps "absent" and "explicitly null" apart without
 * nesting optionals.
 */
public sealed interface Change<T> {

    /** Leave the field as it is. */
    record Keep<T>() implements Change<T> {
    }

    /** Set the field; {@code value} may be null to clear it. */
    record Set<T>(T value) implements Change<T> {
    }

    static <T> Change<T> keep() {
        return new Keep<>();
    }

    static <T> Change<T> set(T value) {
        return new Set<>(value);
    }

    /** The new value, or {@code current} when the field is kept. */
    default T applyTo(T current) {
        return this instanceof Set<T> set ? set.value() : current;
    }

    default <R> Change<R> map(Function<T, R> mapper) {
        return this instanceof Set<T> set ? new Set<>(set.value() == null ? null : mapper.apply(set.value())) : keep();
    }
}
