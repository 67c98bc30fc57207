-- Models: trained in a project (train jobs) or imported as .tflite files. Owned by platform-api
-- (dev.edgeforge.api.model). The bytes (TFLite files, trained network, K-means model, metrics, predictions) live in
-- the object store under projects/{project_id}/models/{id}/; this row names the keys of the run it took its results
-- from, and points at an object only once it exists (the server applies a job's result after the job succeeded).
-- train_job_id and pending_test_job_id are not foreign keys: jobs (V2) stand alone and may be cleaned up.

CREATE TABLE model (
    id                      uuid         PRIMARY KEY,
    project_id              uuid         NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    name                    varchar(200) NOT NULL,
    kind                    varchar(16)  NOT NULL,
    state                   varchar(16)  NOT NULL,
    source                  varchar(16)  NOT NULL,
    error                   text,                    -- why training failed (a sentence for the user)
    -- lineage
    impulse_version         integer,
    dataset_version         integer,
    learning_block          jsonb,                   -- dev.edgeforge.core.learning.LearningBlock
    hyperparameters         jsonb,                   -- dev.edgeforge.core.learning.Hyperparameters
    seed                    bigint,
    feature_kind            varchar(16),
    input_shape             jsonb,                   -- e.g. [33]
    labels                  jsonb        NOT NULL DEFAULT '[]'::jsonb,
    training_features_key   text,
    testing_features_key    text,
    uncertain_threshold     double precision,
    anomaly_threshold       double precision,
    -- results
    metrics                 jsonb,                   -- validation and test metrics (float32 and int8)
    history                 jsonb,                   -- per-epoch loss and accuracy
    summary                 jsonb,                   -- headline numbers for lists
    float32_size            jsonb,                   -- file bytes, parameters, MACs, arena of the float32 variant
    int8_size               jsonb,
    int8_unavailable_reason text,
    -- object keys
    network_key             text,
    float32_key             text,
    int8_key                text,
    kmeans_key              text,
    metrics_key             text,
    predictions_key         text,
    -- jobs
    train_job_id            uuid,
    pending_test_job_id     uuid,
    test_error              text,
    created_at              timestamptz  NOT NULL,
    updated_at              timestamptz  NOT NULL,
    trained_at              timestamptz,
    CONSTRAINT model_kind_check CHECK (kind IN ('classification', 'regression', 'anomaly')),
    CONSTRAINT model_state_check CHECK (state IN ('training', 'ready', 'failed', 'cancelled')),
    CONSTRAINT model_source_check CHECK (source IN ('trained', 'imported')),
    CONSTRAINT model_training_has_job CHECK (state <> 'training' OR train_job_id IS NOT NULL),
    CONSTRAINT model_ready_has_file CHECK (state <> 'ready'
        OR float32_key IS NOT NULL OR int8_key IS NOT NULL OR kmeans_key IS NOT NULL)
);

-- A project's models, newest first.
CREATE INDEX model_project_created_idx ON model (project_id, created_at DESC, id DESC);
-- What the reconciler looks at: models whose train or test job has not been applied yet.
CREATE INDEX model_training_idx ON model (train_job_id) WHERE state = 'training';
CREATE INDEX model_pending_test_idx ON model (pending_test_job_id) WHERE pending_test_job_id IS NOT NULL;
