-- API keys (issue 5). Only the SHA-256 of a key is stored, with its first 11 characters to recognise
-- it by; the plaintext exists only in the response that created it.

CREATE TABLE api_keys (
    id           uuid        PRIMARY KEY,
    org_id       uuid        NOT NULL,
    user_id      uuid        NOT NULL,
    -- The creator's role when the key was made; the key's permissions are this role's ∩ scopes.
    role         text        NOT NULL CHECK (role IN ('org_admin', 'org_member')),
    -- Permission names (data.projects.read, ...); empty: the key can do nothing.
    scopes       text[]      NOT NULL,
    name         text        NOT NULL,
    key_prefix   text        NOT NULL CHECK (key_prefix ~ '^ak-[0-9a-f]{8}$'),
    key_hash     text        NOT NULL CHECK (key_hash ~ '^[0-9a-f]{64}$'),
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
-- Every authenticated request with a key looks it up by hash (revoked ones too, to refuse them).
CREATE UNIQUE INDEX api_keys_hash_key ON api_keys (key_hash);
-- GET /v1/api-keys: a member's live keys, or an admin's whole org, oldest first.
CREATE INDEX api_keys_org_user_live_idx ON api_keys (org_id, user_id, created_at, id) WHERE revoked_at IS NULL;
CREATE INDEX api_keys_org_live_idx ON api_keys (org_id, created_at, id) WHERE revoked_at IS NULL;
