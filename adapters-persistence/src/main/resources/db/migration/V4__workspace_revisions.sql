-- The history of each workspace (issue 4): one row per published revision, written in the same
-- transaction as the compare-and-set that moves workspaces.latest_revision to it. Garbage collection
-- keeps every blob some row's manifest names, so a live revision missing here would lose its blobs.

CREATE TABLE workspace_revisions (
    -- No cascade: no port deletes workspaces, and whoever does must deal with the storage first.
    workspace_ref text        NOT NULL REFERENCES workspaces (ref),
    -- A ULID. Newest first is descending byte order of the text, so the column (and with it the
    -- primary-key index) compares with "C" whatever the database's default collation is.
    revision      text        COLLATE "C" NOT NULL CHECK (revision ~ '^[0-7][0-9A-HJKMNP-TV-Z]{25}$'),
    created_at    timestamptz NOT NULL,
    file_count    bigint      NOT NULL CHECK (file_count >= 0),
    byte_count    bigint      NOT NULL CHECK (byte_count >= 0),
    -- Serves lookups and the newest-first keyset listing (an index scan backward), and refuses a
    -- revision recorded twice.
    PRIMARY KEY (workspace_ref, revision)
);

-- Revisions published before this table existed: only the latest of each workspace is known. Its
-- counts are unknown here (the manifest lives in the blob store) and recorded as 0; for its creation
-- time, last_used_at, which the compare-and-set that published it set (moments after the revision id).
INSERT INTO workspace_revisions (workspace_ref, revision, created_at, file_count, byte_count)
SELECT ref, latest_revision, last_used_at, 0, 0
  FROM workspaces
 WHERE latest_revision IS NOT NULL;
