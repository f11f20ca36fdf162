package com.arkloop.projects.bootstrap;

import com.arkloop.projects.adapters.http.auth.JwtMinter;
import com.arkloop.projects.adapters.http.auth.JwtSettings;
import com.arkloop.projects.adapters.http.testing.ApiClient;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Settings and tokens for servers started by the end-to-end tests, on a free loopback port. */
final class TestServers {

    static final String SECRET = "end-to-end-test-secret-of-at-least-32-bytes";

    private TestServers() {
    }

    /** The environment of a server on the embedded defaults in {@code dataDir}, plus {@code extra}. */
    static Settings settings(Path dataDir, Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>();
        environment.put("ARKLOOP_DATA_DIR", dataDir.toString());
        environment.put("ARKLOOP_HTTP_PORT", "0");
        environment.putAll(extra);
        return Settings.load(environment);
    }

    static ApiClient client(ArkloopServer server) {
        return new ApiClient(URI.create("http://127.0.0.1:" + server.port()));
    }

    /** A token signed with {@link #SECRET}, as an identity provider sharing it would issue. */
    static String token(UUID user, OrgId org, String role) {
        JwtMinter minter = new JwtMinter(JwtSettings.hs256(SECRET.getBytes(StandardCharsets.UTF_8)), Clock.systemUTC());
        return minter.mint(new UserId(user), org, role, Duration.ofMinutes(10));
    }
}
