-- Model compression: which compress jobs ran on a model, and the variant of a compression report chosen for
-- deployment. Owned by platform-api (dev.edgeforge.api.compression). The bytes (every variant's .tflite and the
-- compression-report.json) live in the object store under projects/{project_id}/models/{model_id}/compress-{job}-{n}/;
-- the report itself is the compress job's result.
-- model_id is not a foreign key: this migration stands apart from the models table (V6), which other code owns; a row
-- whose model is gone is ignored (the service looks the model up first) and goes with its project.
-- job_id is not a foreign key either: jobs (V2) stand alone.

-- One row per compress job, written in the transaction that enqueues it: a model's compressions, newest first.
CREATE TABLE model_compression_job (
    job_id     uuid        PRIMARY KEY,
    project_id uuid        NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    model_id   uuid        NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX model_compression_job_model_idx ON model_compression_job (model_id, created_at DESC, job_id DESC);

-- The variant to deploy, at most one per model: a variant of the report of one succeeded compress job.
CREATE TABLE model_variant_choice (
    model_id   uuid        PRIMARY KEY,
    project_id uuid        NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    variant    varchar(64) NOT NULL,
    job_id     uuid        NOT NULL,
    report_key text        NOT NULL,   -- compression-report.json of that job
    tflite_key text        NOT NULL,   -- the variant's .tflite
    chosen_by  uuid        REFERENCES user_account (id) ON DELETE SET NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT model_variant_choice_variant_check CHECK (variant ~ '^[a-z0-9][a-z0-9-]{0,63}$')
);
CREATE INDEX model_variant_choice_project_idx ON model_variant_choice (project_id);
