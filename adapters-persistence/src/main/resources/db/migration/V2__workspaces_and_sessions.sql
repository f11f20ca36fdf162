-- Default workspaces (one per user and project, created on first access) and their sessions.
-- The revisions listing of issue 4 has no port in the domain yet; its table comes with it (V3).

CREATE TABLE workspaces (
    ref             text        PRIMARY KEY CHECK (ref ~ '^wsref_[0-9a-f]{32}$'),
    org_id          uuid        NOT NULL,
    owner_user_id   uuid        NOT NULL,
    -- Projects are soft-deleted; a hard delete must deal with the workspace's storage first.
    project_id      uuid        NOT NULL REFERENCES projects (id),
    -- A ULID; null until the first revision is published. Moved only by compare-and-set.
    latest_revision text        CHECK (latest_revision ~ '^[0-7][0-9A-HJKMNP-TV-Z]{25}$'),
    created_at      timestamptz NOT NULL,
    last_used_at    timestamptz NOT NULL,
    -- The ref is derived from (org, owner, project) and a project lives in one org, so this holds
    -- anyway; the constraint says so, and indexes the foreign key.
    CONSTRAINT workspaces_project_owner_key UNIQUE (project_id, owner_user_id)
);

CREATE TABLE workspace_sessions (
    session_ref   text        PRIMARY KEY CHECK (session_ref ~ '^(shref|brref)_[0-9a-f]{32}$'),
    workspace_ref text        NOT NULL REFERENCES workspaces (ref) ON DELETE CASCADE,
    session_type  text        NOT NULL CHECK (session_type IN ('shell', 'browser')),
    state         text        NOT NULL CHECK (state IN ('ready', 'busy', 'closed')),
    created_at    timestamptz NOT NULL,
    last_used_at  timestamptz NOT NULL,
    -- The ref's prefix names the type; the two can never disagree.
    CONSTRAINT workspace_sessions_type_matches_ref
        CHECK ((session_type = 'shell') = (session_ref LIKE 'shref\_%'))
);
-- A workspace's live sessions, most recently used first: what its status reports. Closed sessions
-- pile up over time and stay out of it. No port deletes workspaces, so the cascade above has no
-- index of its own; add one (workspace_ref) before anything starts deleting them.
CREATE INDEX workspace_sessions_live_idx ON workspace_sessions (workspace_ref, last_used_at DESC, session_ref DESC)
    WHERE state <> 'closed';
