package com.arkloop.projects.bootstrap;

import com.arkloop.projects.adapters.http.auth.JwtMinter;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code token --user UUID --org UUID [--role org_admin|org_member] [--ttl SECONDS]}: prints an HS256
 * token signed with the server's configured (or development) secret, for the quick start and scripts.
 */
final class TokenCommand {

    static final String USAGE = "token --user <uuid> --org <uuid> [--role org_member] [--ttl 3600]";

    private TokenCommand() {
    }

    static String run(String[] args, Settings settings) {
        CommandLine line = new CommandLine(args, USAGE);
        line.requireNoPositional();
        UserId user = new UserId(line.uuid("--user"));
        OrgId org = new OrgId(line.uuid("--org"));
        String role = line.text("--role", "org_member");
        Duration ttl = Duration.ofSeconds(line.positiveNumber("--ttl", 3600));
        var jwt = JwtConfiguration.from(settings);
        if (jwt.hs256Secret().isEmpty()) {
            throw new ConfigurationException("the token command signs with an HS256 secret, and none is configured");
        }
        return new JwtMinter(jwt, Clock.systemUTC()).mint(user, org, role, ttl, settings.jwtIssuer(), settings.jwtAudience());
    }
}
