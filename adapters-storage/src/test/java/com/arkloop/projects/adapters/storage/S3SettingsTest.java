package com.arkloop.projects.adapters.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3SettingsTest {

    private static S3Settings withPrefix(String prefix) {
        return new S3Settings(Optional.empty(), "eu-west-1", "bucket", prefix, Optional.empty(), Optional.empty());
    }

    @Test
    void ends_a_key_prefix_with_a_slash() {
        assertEquals("", withPrefix(null).prefix());
        assertEquals("", withPrefix("").prefix());
        assertEquals("tenant/", withPrefix("tenant").prefix());
        assertEquals("a/b/", withPrefix("a/b/").prefix());
        assertThrows(IllegalArgumentException.class, () -> withPrefix("/rooted"));
    }

    @Test
    void requires_a_region_a_bucket_and_an_http_endpoint() {
        assertThrows(IllegalArgumentException.class,
                () -> new S3Settings(Optional.empty(), " ", "bucket", "", Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new S3Settings(Optional.empty(), "us-east-1", "", "", Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new S3Settings(Optional.of(URI.create("file:///tmp")),
                "us-east-1", "bucket", "", Optional.empty(), Optional.empty()));
    }

    @Test
    void takes_an_access_key_only_with_its_secret_and_never_prints_the_secret() {
        assertThrows(IllegalArgumentException.class, () -> new S3Settings(Optional.empty(), "us-east-1", "bucket", "",
                Optional.of("AKIA"), Optional.empty()));
        S3Settings settings = new S3Settings(Optional.of(URI.create("http://127.0.0.1:9000")), "us-east-1", "bucket", "",
                Optional.of("AKIA"), Optional.of("very-secret"));
        assertTrue(settings.toString().contains("AKIA"));
        assertFalse(settings.toString().contains("very-secret"));
    }
}
