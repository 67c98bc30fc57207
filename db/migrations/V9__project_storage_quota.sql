-- Per-project storage quotas, set by platform administrators (dev.edgeforge.api.sample.quota). A project without a
-- row has no quota. Usage is not stored: it is the size of the distinct sample contents the project's rows point at
-- (sum of size_bytes over distinct sha256), so deleting samples frees quota at once.

CREATE TABLE project_storage_quota (
    project_id  uuid        PRIMARY KEY REFERENCES project (id) ON DELETE CASCADE,
    quota_bytes bigint      NOT NULL CHECK (quota_bytes >= 0),
    updated_by  uuid        REFERENCES user_account (id) ON DELETE SET NULL,
    updated_at  timestamptz NOT NULL
);
