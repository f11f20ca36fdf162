package com.arkloop.projects.bootstrap;

import com.arkloop.projects.adapters.http.auth.JwtMinter;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.Uuids;
import com.arkloop.projects.domain.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code token --user UUID --org UUID [--role org_admin|org_member] [--ttl SECONDS]}: prints an HS256
 * token signed with the server's configured (or development) secret, for the quick start and scripts.
 */
final class TokenCommand {

    static final String USAGE = "token --user <uuid> --org <uuid> [--role org_member] [--ttl 3600]";

    private TokenCommand() {
    }

    static String run(String[] args, Settings settings) {
        Map<String, String> options = options(args);
        UserId user = new UserId(uuid(options, "--user"));
        OrgId org = new OrgId(uuid(options, "--org"));
        String role = options.getOrDefault("--role", "org_member");
        Duration ttl = Duration.ofSeconds(seconds(options.getOrDefault("--ttl", "3600")));
        var jwt = JwtConfiguration.from(settings);
        if (jwt.hs256Secret().isEmpty()) {
            throw new ConfigurationException("the token command signs with an HS256 secret, and none is configured");
        }
        return new JwtMinter(jwt, Clock.systemUTC()).mint(user, org, role, ttl, settings.jwtIssuer(), settings.jwtAudience());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: " + USAGE);
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static UUID uuid(Map<String, String> options, String name) {
        return Uuids.parseCanonical(options.get(name))
                .orElseThrow(() -> new IllegalArgumentException(name + " must be a UUID; usage: " + USAGE));
    }

    private static long seconds(String text) {
        try {
            long seconds = Long.parseLong(text);
            if (seconds > 0) {
                return seconds;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("--ttl must be a positive number of seconds");
    }
}
