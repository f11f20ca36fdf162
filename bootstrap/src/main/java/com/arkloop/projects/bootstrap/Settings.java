package com.arkloop.projects.bootstrap;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The server's configuration. Every setting is an {@code ARKLOOP_*} environment variable; the same
 * names may also be written in a properties file named by {@code ARKLOOP_CONFIG_FILE}, and the
 * environment wins over the file. Only the first read validates: everything downstream trusts it.
 */
public record Settings(
        String httpHost,
        int httpPort,
        long maxBodyBytes,
        long maxFileBytes,
        int archiveMaxEntries,
        long archiveMaxBytes,
        boolean metricsEnabled,
        Path dataDir,
        Optional<String> databaseUrl,
        Optional<String> databaseUser,
        Optional<String> databasePassword,
        int databasePoolSize,
        Optional<String> jwtSecret,
        Optional<Path> jwksFile,
        Optional<URI> jwksUrl,
        Optional<String> jwtIssuer,
        Optional<String> jwtAudience,
        Storage storage,
        Optional<String> s3Endpoint,
        Optional<String> s3Region,
        Optional<String> s3Bucket,
        Optional<String> s3Prefix,
        Optional<String> s3AccessKeyId,
        Optional<String> s3SecretAccessKey) {

    /** Where manifests and blobs live. */
    public enum Storage {
        /** Under {@code ARKLOOP_DATA_DIR/storage}: one server, or servers sharing a file system. */
        FILESYSTEM,
        /** In an S3 bucket: stateless servers that scale out. */
        S3
    }

    public static Settings load(Map<String, String> environment) {
        Map<String, String> values = new HashMap<>();
        Optional.ofNullable(blankToNull(environment.get("ARKLOOP_CONFIG_FILE")))
                .ifPresent(file -> values.putAll(readPropertiesFile(Path.of(file))));
        environment.forEach((name, value) -> {
            if (name.startsWith("ARKLOOP_")) {
                values.put(name, value);
            }
        });
        Reader reader = new Reader(values);
        return new Settings(
                reader.text("ARKLOOP_HTTP_HOST").orElse("127.0.0.1"),
                reader.integer("ARKLOOP_HTTP_PORT", 8080, 0, 65_535),
                reader.integer("ARKLOOP_HTTP_MAX_BODY_BYTES", 64 * 1024, 1024, Integer.MAX_VALUE),
                reader.number("ARKLOOP_MAX_FILE_BYTES", 1L << 30, 1, Long.MAX_VALUE),
                Math.toIntExact(reader.number("ARKLOOP_ARCHIVE_MAX_ENTRIES", 100_000, 1, Integer.MAX_VALUE)),
                reader.number("ARKLOOP_ARCHIVE_MAX_BYTES", 10L << 30, 1, Long.MAX_VALUE),
                reader.bool("ARKLOOP_METRICS_ENABLED", true),
                Path.of(reader.text("ARKLOOP_DATA_DIR").orElse("data")).toAbsolutePath().normalize(),
                reader.text("ARKLOOP_DATABASE_URL").map(Settings::requireJdbcUrl),
                reader.text("ARKLOOP_DATABASE_USER"),
                reader.text("ARKLOOP_DATABASE_PASSWORD"),
                reader.integer("ARKLOOP_DATABASE_POOL_SIZE", 10, 1, 500),
                reader.text("ARKLOOP_AUTH_JWT_SECRET"),
                reader.text("ARKLOOP_AUTH_JWKS_FILE").map(Path::of),
                reader.text("ARKLOOP_AUTH_JWKS_URL").map(Settings::requireHttpUrl),
                reader.text("ARKLOOP_AUTH_JWT_ISSUER"),
                reader.text("ARKLOOP_AUTH_JWT_AUDIENCE"),
                reader.storage(),
                reader.text("ARKLOOP_S3_ENDPOINT"),
                reader.text("ARKLOOP_S3_REGION"),
                reader.text("ARKLOOP_S3_BUCKET"),
                reader.text("ARKLOOP_S3_PREFIX"),
                reader.text("ARKLOOP_S3_ACCESS_KEY_ID"),
                reader.text("ARKLOOP_S3_SECRET_ACCESS_KEY"));
    }

    /** True when no external database is configured and the server runs its own PostgreSQL. */
    public boolean usesEmbeddedDatabase() {
        return databaseUrl.isEmpty();
    }

    private static String requireJdbcUrl(String url) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new ConfigurationException("ARKLOOP_DATABASE_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db)");
        }
        return url;
    }

    private static URI requireHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException invalid) {
            // reported below
        }
        throw new ConfigurationException("ARKLOOP_AUTH_JWKS_URL must be an http(s) URL");
    }

    private static Map<String, String> readPropertiesFile(Path file) {
        Properties properties = new Properties();
        try (java.io.Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException unreadable) {
            throw new ConfigurationException("cannot read ARKLOOP_CONFIG_FILE " + file + ": " + unreadable.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Typed access to the raw values, with the setting's name in every error. */
    private record Reader(Map<String, String> values) {

        Optional<String> text(String name) {
            return Optional.ofNullable(blankToNull(values.get(name)));
        }

        Storage storage() {
            String value = text("ARKLOOP_STORAGE").orElse("filesystem");
            return switch (value) {
                case "filesystem" -> Storage.FILESYSTEM;
                case "s3" -> Storage.S3;
                default -> throw new ConfigurationException("ARKLOOP_STORAGE must be filesystem or s3, got '" + value + "'");
            };
        }

        int integer(String name, int fallback, int min, int max) {
            return Math.toIntExact(number(name, fallback, min, max));
        }

        long number(String name, long fallback, long min, long max) {
            Optional<String> raw = text(name);
            if (raw.isEmpty()) {
                return fallback;
            }
            try {
                long value = Long.parseLong(raw.get());
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            throw new ConfigurationException(name + " must be an integer from " + min + " to " + max + ", got '" + raw.get() + "'");
        }

        boolean bool(String name, boolean fallback) {
            return switch (text(name).orElse(Boolean.toString(fallback))) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new ConfigurationException(name + " must be true or false");
            };
        }
    }
}
