package com.arkloop.projects.domain.workspace;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The id of one immutable revision of a workspace, in the ULID format: 26 upper-case Crockford
 * base32 characters, 10 for the creation time in milliseconds and 16 (80 bits) of randomness. Ids
 * sort by creation time to the millisecond, two writers racing on one workspace never pick the same
 * id (so a losing writer cannot overwrite the winner's manifest), and the alphabet has no character
 * that means anything in a file or object name.
 */
public record Revision(String value) implements Comparable<Revision> {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    // The first character carries only 3 bits of a 48-bit timestamp.
    private static final Pattern FORMAT = Pattern.compile("[0-7][0-9A-HJKMNP-TV-Z]{25}");
    private static final long MAX_MILLIS = (1L << 48) - 1;

    public Revision {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a revision is 26 upper-case Crockford base32 characters");
        }
    }

    /** The revision the text names, or empty when it is not one (a revision that cannot exist). */
    public static Optional<Revision> parse(String text) {
        return text != null && FORMAT.matcher(text).matches() ? Optional.of(new Revision(text)) : Optional.empty();
    }

    /** A new revision id for a revision created at {@code createdAt}. */
    public static Revision create(Instant createdAt, RandomGenerator random) {
        long millis = createdAt.toEpochMilli();
        if (millis < 0 || millis > MAX_MILLIS) {
            throw new IllegalArgumentException("a revision time must lie between 1970 and the year 10889");
        }
        char[] text = new char[26];
        for (int i = 9; i >= 0; i--, millis >>>= 5) {
            text[i] = ALPHABET.charAt((int) (millis & 31));
        }
        for (int i = 10; i < 26; i++) {
            text[i] = ALPHABET.charAt(random.nextInt(32));
        }
        return new Revision(new String(text));
    }

    /** The creation time the id carries in its first ten characters, to the millisecond. */
    public Instant createdAt() {
        long millis = 0;
        for (int i = 0; i < 10; i++) {
            millis = millis << 5 | ALPHABET.indexOf(value.charAt(i));
        }
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public int compareTo(Revision other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
