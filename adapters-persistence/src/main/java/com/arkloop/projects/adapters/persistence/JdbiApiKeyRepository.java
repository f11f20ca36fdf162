package com.arkloop.projects.adapters.persistence;

import static com.arkloop.projects.adapters.persistence.Rows.instant;
import static com.arkloop.projects.adapters.persistence.Rows.optionalInstant;
import static com.arkloop.projects.adapters.persistence.Rows.utc;
import static com.arkloop.projects.adapters.persistence.Rows.uuid;

import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.access.Role;
import com.arkloop.projects.domain.apikey.ApiKey;
import com.arkloop.projects.domain.apikey.ApiKeyId;
import com.arkloop.projects.domain.apikey.ApiKeyRepository;
import com.arkloop.projects.domain.workspace.Sha256;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/** API keys in PostgreSQL: found by the unique hash of the key, listed through partial indexes of live keys. */
public final class JdbiApiKeyRepository implements ApiKeyRepository {

    private static final String COLUMNS =
            "id, org_id, user_id, role, scopes, name, key_prefix, key_hash, created_at, last_used_at, revoked_at";

    private final Handles handles;

    public JdbiApiKeyRepository(Jdbi jdbi) {
        this.handles = new Handles(jdbi);
    }

    @Override
    public void insert(ApiKey key) {
        handles.use(handle -> handle.createUpdate("INSERT INTO api_keys (" + COLUMNS + ") VALUES "
                        + "(:id, :orgId, :userId, :role, :scopes, :name, :keyPrefix, :keyHash, :createdAt, :lastUsedAt, :revokedAt)")
                .bind("id", key.id().value())
                .bind("orgId", key.orgId().value())
                .bind("userId", key.userId().value())
                .bind("role", key.role().wireName())
                .bind("scopes", key.scopes().stream().sorted().map(Permission::scopeName).toArray(String[]::new))
                .bind("name", key.name())
                .bind("keyPrefix", key.keyPrefix())
                .bind("keyHash", key.keyHash().hex())
                .bind("createdAt", utc(key.createdAt()))
                .bind("lastUsedAt", utc(key.lastUsedAt().orElse(null)))
                .bind("revokedAt", utc(key.revokedAt().orElse(null)))
                .execute());
    }

    @Override
    public Optional<ApiKey> findByHash(Sha256 keyHash) {
        return handles.with(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = :hash")
                .bind("hash", keyHash.hex())
                .map(JdbiApiKeyRepository::apiKey)
                .findOne());
    }

    @Override
    public Optional<ApiKey> find(OrgId orgId, ApiKeyId id) {
        return handles.with(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM api_keys WHERE id = :id AND org_id = :orgId")
                .bind("id", id.value())
                .bind("orgId", orgId.value())
                .map(JdbiApiKeyRepository::apiKey)
                .findOne());
    }

    @Override
    public List<ApiKey> listOfUser(OrgId orgId, UserId userId) {
        return handles.with(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM api_keys"
                        + " WHERE org_id = :orgId AND user_id = :userId AND revoked_at IS NULL ORDER BY created_at, id")
                .bind("orgId", orgId.value())
                .bind("userId", userId.value())
                .map(JdbiApiKeyRepository::apiKey)
                .list());
    }

    @Override
    public List<ApiKey> listOfOrg(OrgId orgId) {
        return handles.with(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM api_keys"
                        + " WHERE org_id = :orgId AND revoked_at IS NULL ORDER BY created_at, id")
                .bind("orgId", orgId.value())
                .map(JdbiApiKeyRepository::apiKey)
                .list());
    }

    @Override
    public void revoke(OrgId orgId, ApiKeyId id, Instant at) {
        handles.use(handle -> handle.createUpdate(
                        "UPDATE api_keys SET revoked_at = :at WHERE id = :id AND org_id = :orgId AND revoked_at IS NULL")
                .bind("at", utc(at))
                .bind("id", id.value())
                .bind("orgId", orgId.value())
                .execute());
    }

    @Override
    public void touchLastUsed(Map<ApiKeyId, Instant> lastUsed) {
        if (lastUsed.isEmpty()) {
            return;
        }
        // One JDBC batch: a single round trip however many keys were used.
        handles.use(handle -> {
            PreparedBatch batch = handle.prepareBatch("""
                    UPDATE api_keys SET last_used_at = :at
                     WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :at)""");
            lastUsed.forEach((id, at) -> batch.bind("id", id.value()).bind("at", utc(at)).add());
            batch.execute();
        });
    }

    private static ApiKey apiKey(ResultSet row, StatementContext context) throws SQLException {
        String[] scopeNames = (String[]) row.getArray("scopes").getArray();
        EnumSet<Permission> scopes = EnumSet.noneOf(Permission.class);
        scopes.addAll(Arrays.stream(scopeNames)
                .map(name -> Permission.fromScopeName(name)
                        .orElseThrow(() -> new IllegalStateException("unknown scope in api_keys: " + name)))
                .collect(Collectors.toSet()));
        Role role = Role.fromName(row.getString("role"))
                .orElseThrow(() -> new IllegalStateException("unknown role in api_keys"));
        return new ApiKey(new ApiKeyId(uuid(row, "id")), new OrgId(uuid(row, "org_id")), new UserId(uuid(row, "user_id")),
                role, scopes, row.getString("name"), row.getString("key_prefix"), new Sha256(row.getString("key_hash")),
                instant(row, "created_at"), optionalInstant(row, "last_used_at"), optionalInstant(row, "revoked_at"));
    }
}
