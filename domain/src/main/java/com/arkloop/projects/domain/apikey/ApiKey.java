package com.arkloop.projects.domain.apikey;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.Text;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.access.Role;
import com.arkloop.projects.domain.workspace.Sha256;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An API key of a user in an org. It records the role its creator had when it was made and its
 * scopes; what it may do is the intersection of the two, so a key with no scopes can do nothing, and a
 * key never outgrows the role it was minted under. Only the SHA-256 of the plaintext is kept, with
 * the plaintext's first 11 characters to recognise it by.
 */
public record ApiKey(ApiKeyId id, OrgId orgId, UserId userId, Role role, Set<Permission> scopes, String name,
                     String keyPrefix, Sha256 keyHash, Instant createdAt, Optional<Instant> lastUsedAt,
                     Optional<Instant> revokedAt) {

    public static final int MAX_NAME_LENGTH = 100;
    private static final Pattern KEY_PREFIX = Pattern.compile("ak-[0-9a-f]{8}");

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
        name = Text.requireName("name", name, MAX_NAME_LENGTH);
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (!KEY_PREFIX.matcher(keyPrefix).matches()) {
            throw new IllegalArgumentException("a key prefix is ak- and 8 lowercase hex characters");
        }
        Objects.requireNonNull(keyHash, "keyHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    /** A new, unused key for the secret, its plaintext reduced to the prefix and the hash. */
    public static ApiKey create(ApiKeyId id, Actor creator, String name, Set<Permission> scopes, ApiKeySecret secret,
                                Instant now) {
        Role role = creator.role().orElseThrow(() -> new IllegalArgumentException("a key needs its creator's role"));
        return new ApiKey(id, creator.orgId(), creator.userId(), role, scopes, name, secret.shownPrefix(),
                secret.sha256(), now, Optional.empty(), Optional.empty());
    }

    /**
     * The permissions named by scope names, in the order of {@link Permission}; duplicates collapse.
     *
     * @throws DomainException {@code validation.error} naming {@code scopes} for a name that is not a permission
     */
    public static Set<Permission> parseScopes(Collection<String> names) {
        EnumSet<Permission> scopes = EnumSet.noneOf(Permission.class);
        for (String name : names) {
            scopes.add(Permission.fromScopeName(name).orElseThrow(() -> DomainException.invalidField("scopes",
                    "unknown scope; known scopes: " + String.join(", ",
                            EnumSet.allOf(Permission.class).stream().map(Permission::scopeName).toList()))));
        }
        return scopes;
    }

    /** The role's permissions ∩ the scopes. */
    public Set<Permission> effectivePermissions() {
        EnumSet<Permission> effective = EnumSet.noneOf(Permission.class);
        effective.addAll(role.permissions());
        effective.retainAll(scopes);
        return effective;
    }

    /** The caller this key authenticates: its user, org and role, with the effective permissions only. */
    public Actor actor() {
        return Actor.withApiKey(userId, orgId, Optional.of(role), effectivePermissions());
    }

    public boolean isRevoked() {
        return revokedAt.isPresent();
    }

    /** Whether the actor may see and revoke this key: its own user, or an admin of its org. */
    public boolean isManageableBy(Actor actor) {
        return orgId.equals(actor.orgId()) && (userId.equals(actor.userId()) || actor.isOrgAdmin());
    }

    public ApiKey withLastUsedAt(Instant at) {
        return new ApiKey(id, orgId, userId, role, scopes, name, keyPrefix, keyHash, createdAt, Optional.of(at), revokedAt);
    }

    public ApiKey revoked(Instant at) {
        return new ApiKey(id, orgId, userId, role, scopes, name, keyPrefix, keyHash, createdAt, lastUsedAt, Optional.of(at));
    }
}
