-- Samples (the metadata of every data file of a project) and dataset versions (named, immutable snapshots of the
-- sample list). Owned by platform-api (dev.edgeforge.api.sample). The bytes live in the object store under
-- projects/{project_id}/samples/{sha256}; a row is inserted only after its object is stored, and objects without
-- a row are removed by the orphan sweeper after a grace period.

CREATE TABLE sample (
    id               uuid             PRIMARY KEY,
    project_id       uuid             NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    name             varchar(255)     NOT NULL,
    label            varchar(255),
    category         varchar(16)      NOT NULL CHECK (category IN ('training', 'testing', 'anomaly')),
    -- what the stored file is: JSON, CBOR (Edge Impulse acquisition format), CSV, WAV, PNG, JPEG
    format           varchar(16)      NOT NULL,
    sha256           char(64)         NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    object_key       varchar(1024)    NOT NULL,
    size_bytes       bigint           NOT NULL CHECK (size_bytes >= 0),
    -- [{"name": "accX", "units": "m/s2"}, ...]
    sensors          jsonb            NOT NULL,
    -- time series: ms between values, 1000 / interval, values per axis, length * interval; 0 for images
    interval_ms      double precision NOT NULL,
    frequency_hz     double precision NOT NULL,
    length           integer          NOT NULL CHECK (length >= 0),
    duration_ms      double precision NOT NULL,
    device_name      varchar(255),
    device_type      varchar(255),
    -- free-form string key/values (x-metadata, info.labels)
    metadata         jsonb            NOT NULL DEFAULT '{}'::jsonb,
    image_width      integer,
    image_height     integer,
    image_channels   integer,
    -- [{"label": "cup", "x": 10, "y": 20, "width": 30, "height": 40}, ...]
    bounding_boxes   jsonb            NOT NULL DEFAULT '[]'::jsonb,
    -- Edge Impulse messages: VERIFIED, NOT_SIGNED; null for other formats
    signature_status varchar(16),
    enabled          boolean          NOT NULL DEFAULT true,
    created_at       timestamptz      NOT NULL,
    updated_at       timestamptz      NOT NULL
);

-- Keyset paging, newest first: WHERE project_id = ? AND (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC.
CREATE INDEX sample_project_created_idx ON sample (project_id, created_at DESC, id DESC);
-- The same order inside one label or one category, so filtered pages stay index scans at 100,000 samples.
CREATE INDEX sample_project_label_created_idx ON sample (project_id, label, created_at DESC, id DESC);
CREATE INDEX sample_project_category_created_idx ON sample (project_id, category, created_at DESC, id DESC);
-- Duplicate refusal and the orphan sweeper: is there a row for this object?
CREATE INDEX sample_project_sha_idx ON sample (project_id, sha256);

-- Name search (name ILIKE '%term%') with trigrams, so a rare name is found without reading every row. pg_trgm ships
-- with PostgreSQL and is a trusted extension, but a database may still refuse it (no contrib package, no CREATE
-- privilege): then the search works without the index, scanning the project's rows.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX sample_name_trgm_idx ON sample USING gin (name gin_trgm_ops);
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm is not available (%); sample name searches will not use an index', SQLERRM;
END;
$$;

CREATE TABLE dataset_version (
    id           uuid         PRIMARY KEY,
    project_id   uuid         NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    name         varchar(200) NOT NULL,
    sample_count integer      NOT NULL,
    created_by   uuid         REFERENCES user_account (id) ON DELETE SET NULL,
    created_at   timestamptz  NOT NULL,
    CONSTRAINT dataset_version_name_key UNIQUE (project_id, name)
);
CREATE INDEX dataset_version_project_idx ON dataset_version (project_id, created_at DESC);

-- The sample list as it was when the version was made: everything needed to compare it with another list, to
-- restore labels, categories and enabled flags, and to bring back a deleted sample whose object still exists.
CREATE TABLE dataset_version_sample (
    version_id       uuid             NOT NULL REFERENCES dataset_version (id) ON DELETE CASCADE,
    sample_id        uuid             NOT NULL,
    name             varchar(255)     NOT NULL,
    label            varchar(255),
    category         varchar(16)      NOT NULL,
    format           varchar(16)      NOT NULL,
    sha256           char(64)         NOT NULL,
    object_key       varchar(1024)    NOT NULL,
    size_bytes       bigint           NOT NULL,
    sensors          jsonb            NOT NULL,
    interval_ms      double precision NOT NULL,
    frequency_hz     double precision NOT NULL,
    length           integer          NOT NULL,
    duration_ms      double precision NOT NULL,
    device_name      varchar(255),
    device_type      varchar(255),
    metadata         jsonb            NOT NULL,
    image_width      integer,
    image_height     integer,
    image_channels   integer,
    bounding_boxes   jsonb            NOT NULL,
    signature_status varchar(16),
    enabled          boolean          NOT NULL,
    created_at       timestamptz      NOT NULL,
    PRIMARY KEY (version_id, sample_id)
);

-- Versions are immutable: their sample rows can be added (when the version is made) and removed (with the version
-- or its project), never changed.
CREATE FUNCTION dataset_version_sample_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'dataset versions are immutable';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER dataset_version_sample_no_update
    BEFORE UPDATE ON dataset_version_sample
    FOR EACH ROW EXECUTE FUNCTION dataset_version_sample_immutable();
