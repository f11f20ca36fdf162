package com.arkloop.projects.domain.workspace;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** A SHA-256 digest as exactly 64 lowercase hex characters: safe as a file or object name. */
public record Sha256(String hex) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Sha256 {
        Objects.requireNonNull(hex, "hex");
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a SHA-256 digest is 64 lowercase hex characters");
        }
    }

    /** The digest the text names, or empty when it is not 64 lowercase hex characters. */
    public static Optional<Sha256> parse(String text) {
        return text != null && HEX.matcher(text).matches() ? Optional.of(new Sha256(text)) : Optional.empty();
    }

    public static Sha256 of(byte[] content) {
        return fromDigest(newDigest().digest(content));
    }

    /** The value of a finished {@link MessageDigest} (32 bytes). */
    public static Sha256 fromDigest(byte[] digest) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest is 32 bytes");
        }
        return new Sha256(HexFormat.of().formatHex(digest));
    }

    /** A fresh SHA-256 digester, for hashing a stream as it passes. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public String toString() {
        return hex;
    }
}
