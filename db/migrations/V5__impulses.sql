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

-- Feature generation runs (dev.edgeforge.api.feature): which impulse version each "features" job computes, so
-- the latest feature set of a version is found without reading job payloads. The job itself (state, progress,
-- result with the manifest's object key) is in jobs; job_id is not a foreign key, as jobs may be pruned separately.
CREATE TABLE feature_generation (
    job_id          uuid        PRIMARY KEY,
    project_id      uuid        NOT NULL,
    impulse_version integer     NOT NULL,
    sample_count    integer     NOT NULL CHECK (sample_count >= 0),
    created_at      timestamptz NOT NULL,
    created_by      uuid        REFERENCES user_account (id) ON DELETE SET NULL,
    FOREIGN KEY (project_id, impulse_version) REFERENCES impulse_version (project_id, version) ON DELETE CASCADE
);
CREATE INDEX feature_generation_version_idx ON feature_generation (project_id, impulse_version, created_at DESC);
