package com.arkloop.projects.domain.apikey;

import com.arkloop.projects.domain.workspace.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The plaintext of an API key: {@code ak-} and 64 lowercase hex characters (256 random bits). It is
 * shown to its creator once and never stored; only its {@link #sha256()} is. {@link #toString()} hides it.
 */
public record ApiKeySecret(String value) {

    public static final String PREFIX = "ak-";
    /** The length of the shown prefix: {@code ak-} and the first 8 hex characters. */
    public static final int SHOWN_PREFIX_LENGTH = 11;
    public static final int RANDOM_BYTES = 32;

    private static final Pattern FORMAT = Pattern.compile("ak-[0-9a-f]{64}");

    public ApiKeySecret {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("an API key is ak- and 64 lowercase hex characters");
        }
    }

    /** The key a bearer token is, or empty when it is not exactly {@code ak-} and 64 lowercase hex characters. */
    public static Optional<ApiKeySecret> parse(String token) {
        return token != null && FORMAT.matcher(token).matches() ? Optional.of(new ApiKeySecret(token)) : Optional.empty();
    }

    /** A key made of 32 bytes, which must come from a cryptographically strong source. */
    public static ApiKeySecret fromRandomBytes(byte[] random) {
        if (random.length != RANDOM_BYTES) {
            throw new IllegalArgumentException("an API key is made of " + RANDOM_BYTES + " random bytes");
        }
        return new ApiKeySecret(PREFIX + HexFormat.of().formatHex(random));
    }

    /** What is stored and looked up: the SHA-256 of the whole key, {@code ak-} included. */
    public Sha256 sha256() {
        return Sha256.of(value.getBytes(StandardCharsets.US_ASCII));
    }

    /** What may be shown again later to recognise the key: its first 11 characters. */
    public String shownPrefix() {
        return value.substring(0, SHOWN_PREFIX_LENGTH);
    }

    @Override
    public String toString() {
        return shownPrefix() + "…";
    }
}
