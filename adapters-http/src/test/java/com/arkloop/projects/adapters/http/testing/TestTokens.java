package com.arkloop.projects.adapters.http.testing;

import com.arkloop.projects.adapters.http.auth.TokenAuthenticator;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.Uuids;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.access.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Readable tokens for HTTP tests, independent of JWT: {@code test:<user-uuid>:<org-uuid>:<role>}, or with
 * a fifth part {@code :<scope>,<scope>} narrowing the role's permissions the way an API key does. An
 * unknown role grants nothing; anything unparsable is {@code auth.invalid_token}.
 */
public final class TestTokens implements TokenAuthenticator {

    @Override
    public Actor authenticate(String token) {
        String[] parts = token.split(":", -1);
        if (parts.length < 4 || parts.length > 5 || !parts[0].equals("test")) {
            throw invalid();
        }
        UUID user = Uuids.parseCanonical(parts[1]).orElseThrow(TestTokens::invalid);
        UUID org = Uuids.parseCanonical(parts[2]).orElseThrow(TestTokens::invalid);
        Optional<Role> role = Role.fromName(parts[3]);
        Actor full = Actor.withRole(new UserId(user), new OrgId(org), role);
        if (parts.length == 4) {
            return full;
        }
        Set<Permission> scopes = Arrays.stream(parts[4].split(","))
                .filter(scope -> !scope.isEmpty())
                .map(scope -> Permission.fromScopeName(scope).orElseThrow(TestTokens::invalid))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)));
        scopes.retainAll(full.permissions());
        return new Actor(full.userId(), full.orgId(), role, scopes);
    }

    public static String token(UUID user, UUID org, String role) {
        return "test:" + user + ":" + org + ":" + role;
    }

    public static String token(UUID user, UUID org, String role, Permission... scopes) {
        return token(user, org, role) + ":" + Arrays.stream(scopes).map(Permission::scopeName).collect(Collectors.joining(","));
    }

    private static DomainException invalid() {
        return new DomainException(ErrorCode.AUTH_INVALID_TOKEN, "invalid token");
    }
}
