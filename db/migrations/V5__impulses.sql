-- Impulses (dev.edgeforge.api.impulse): every saved change of a project's impulse is a new, immutable version.
-- Features and models keep the version they came from, so a version row is never updated or deleted while its
-- project lives. The JSON is what dev.edgeforge.core.impulse.ImpulseJson writes (input block, processing blocks,
-- learning blocks); its "version" member repeats the column.

CREATE TABLE impulse_version (
    project_id uuid        NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    version    integer     NOT NULL CHECK (version >= 1),
    json       jsonb       NOT NULL,
    created_at timestamptz NOT NULL,
    -- null for an API key or a user deleted since
    created_by uuid        REFERENCES user_account (id) ON DELETE SET NULL,
    PRIMARY KEY (project_id, version)
);
