-- Teams, their members, and projects. Later features (workspaces, sessions, API keys) add V2 onwards.

CREATE TABLE teams (
    id         uuid        PRIMARY KEY,
    org_id     uuid        NOT NULL,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL
);
-- GET /v1/teams lists an org's teams oldest first.
CREATE INDEX teams_org_created_idx ON teams (org_id, created_at, id);

CREATE TABLE team_members (
    team_id  uuid        NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id  uuid        NOT NULL,
    added_at timestamptz NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
-- The teams a user is in: the entry point of the "shared with my team" listing branch.
CREATE INDEX team_members_user_idx ON team_members (user_id, team_id);

CREATE TABLE projects (
    id            uuid        PRIMARY KEY,
    org_id        uuid        NOT NULL,
    team_id       uuid        REFERENCES teams (id) ON DELETE SET NULL,
    owner_user_id uuid        NOT NULL,
    name          text        NOT NULL,
    description   text,
    visibility    text        NOT NULL CHECK (visibility IN ('private', 'shared')),
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    deleted_at    timestamptz
);

-- One index per branch of the listing query, each already in keyset order (created_at, id), so a
-- page reads a few index entries instead of scanning the org.
-- An org admin sees the whole org.
CREATE INDEX projects_org_live_idx ON projects (org_id, created_at, id)
    WHERE deleted_at IS NULL;
-- Everyone sees their own projects.
CREATE INDEX projects_org_owner_live_idx ON projects (org_id, owner_user_id, created_at, id)
    WHERE deleted_at IS NULL;
-- Shared with the whole org.
CREATE INDEX projects_org_shared_live_idx ON projects (org_id, created_at, id)
    WHERE deleted_at IS NULL AND visibility = 'shared' AND team_id IS NULL;
-- Shared with one team, reached from team_members.
CREATE INDEX projects_team_shared_live_idx ON projects (team_id, created_at, id)
    WHERE deleted_at IS NULL AND visibility = 'shared';
-- Deleting a team detaches every project naming it, deleted or private ones included.
CREATE INDEX projects_team_idx ON projects (team_id)
    WHERE team_id IS NOT NULL;
