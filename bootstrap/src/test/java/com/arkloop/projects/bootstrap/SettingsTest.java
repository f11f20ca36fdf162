package com.arkloop.projects.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaults_to_the_embedded_database_on_loopback_port_8080() {
        Settings settings = Settings.load(Map.of());
        assertEquals("127.0.0.1", settings.httpHost());
        assertEquals(8080, settings.httpPort());
        assertTrue(settings.usesEmbeddedDatabase());
        assertEquals(Path.of("data").toAbsolutePath(), settings.dataDir());
        assertEquals(65_536, settings.maxBodyBytes());
    }

    @Test
    void reads_a_properties_file_and_lets_the_environment_win() throws IOException {
        Path file = dir.resolve("arkloop.properties");
        Files.writeString(file, "ARKLOOP_HTTP_PORT=9000\nARKLOOP_HTTP_HOST=0.0.0.0\n");
        Settings settings = Settings.load(Map.of("ARKLOOP_CONFIG_FILE", file.toString(), "ARKLOOP_HTTP_PORT", "9001"));
        assertEquals(9001, settings.httpPort());
        assertEquals("0.0.0.0", settings.httpHost());
    }

    @ParameterizedTest
    @CsvSource({
            "ARKLOOP_HTTP_PORT, 70000, ARKLOOP_HTTP_PORT must be an integer from 0 to 65535",
            "ARKLOOP_HTTP_PORT, eighty, ARKLOOP_HTTP_PORT must be an integer from 0 to 65535",
            "ARKLOOP_DATABASE_POOL_SIZE, 0, ARKLOOP_DATABASE_POOL_SIZE must be an integer from 1 to 500",
            "ARKLOOP_DATABASE_URL, mysql://x, ARKLOOP_DATABASE_URL must be a PostgreSQL JDBC URL",
            "ARKLOOP_AUTH_JWKS_URL, file:///etc/keys, ARKLOOP_AUTH_JWKS_URL must be an http(s) URL",
            "ARKLOOP_CONFIG_FILE, /nonexistent/arkloop.properties, cannot read ARKLOOP_CONFIG_FILE",
            "ARKLOOP_STORAGE, ftp, ARKLOOP_STORAGE must be filesystem or s3",
            "ARKLOOP_METRICS_ENABLED, yes, ARKLOOP_METRICS_ENABLED must be true or false",
            "ARKLOOP_MAX_FILE_BYTES, 0, ARKLOOP_MAX_FILE_BYTES must be an integer from 1",
            "ARKLOOP_ARCHIVE_MAX_ENTRIES, 3000000000, ARKLOOP_ARCHIVE_MAX_ENTRIES must be an integer from 1 to 2147483647"})
    void names_the_setting_that_is_wrong(String name, String value, String message) {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> Settings.load(Map.of(name, value)));
        assertTrue(error.getMessage().startsWith(message), error.getMessage());
    }

    @Test
    void refuses_a_jwt_secret_shorter_than_32_bytes() {
        Settings settings = Settings.load(Map.of("ARKLOOP_AUTH_JWT_SECRET", "too-short", "ARKLOOP_DATA_DIR", dir.toString()));
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> ArkloopServer.start(settings));
        assertTrue(error.getMessage().contains("at least 32 bytes"), error.getMessage());
    }

    @Test
    void refuses_an_external_database_without_a_key_source() {
        Settings settings = Settings.load(Map.of("ARKLOOP_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/x"));
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> JwtConfiguration.from(settings));
        assertTrue(error.getMessage().contains("ARKLOOP_AUTH_JWT_SECRET"), error.getMessage());
    }

    @Test
    void s3_storage_needs_a_region_and_a_bucket() {
        Settings settings = Settings.load(Map.of("ARKLOOP_STORAGE", "s3", "ARKLOOP_S3_REGION", "us-east-1"));
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> BlobStores.open(settings, new java.util.ArrayDeque<>()));
        assertEquals("ARKLOOP_STORAGE=s3 needs ARKLOOP_S3_BUCKET", error.getMessage());
    }

    @Test
    void uses_no_development_secret_when_a_jwks_is_configured() {
        Settings settings = Settings.load(Map.of("ARKLOOP_AUTH_JWKS_URL", "https://issuer.example/jwks.json",
                "ARKLOOP_DATA_DIR", dir.toString()));
        assertEquals(Optional.empty(), JwtConfiguration.from(settings).hs256Secret());
        assertTrue(Files.notExists(dir.resolve("jwt-secret")));
    }
}
