package com.arkloop.projects.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The JWT secret of a server on the embedded defaults with no secret configured: 32 random bytes,
 * made once and kept in the data directory (readable by its owner only), so tokens minted with the
 * {@code token} command keep working across restarts.
 */
final class DevelopmentSecret {

    static final String FILE_NAME = "jwt-secret";

    private DevelopmentSecret() {
    }

    /** The secret stored in the data directory, created first if there is none. */
    static String loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                create(file);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot read or create the development JWT secret " + file, failed);
        }
    }

    static Path location(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    private static void create(Path file) throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, HexFormat.of().formatHex(secret) + "\n", StandardCharsets.US_ASCII);
        try {
            // Two servers starting at once on one data directory must end up with the same secret.
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException anotherWon) {
            // keep the other one's
        } finally {
            Files.delete(temporary);
        }
    }
}
