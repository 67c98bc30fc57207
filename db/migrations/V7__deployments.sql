-- Deployments: a model built for a target board in a format, by a 'deploy' job (firmware-builder), and what the
-- build measured and the emulated device answered. Owned by platform-api (dev.edgeforge.api.deploy).
-- The bundle itself is an object: projects/{project_id}/deployments/{id}/bundle.zip (+ report.json).
--
-- model_id has no foreign key yet: the models table (V6) belongs to another feature; the key is added when both
-- are merged. model_name keeps the name the model had when it was deployed.

CREATE TABLE deployments (
    id                 uuid          PRIMARY KEY,
    project_id         uuid          NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    model_id           uuid          NOT NULL,
    model_name         varchar(200)  NOT NULL,
    variant            varchar(16)   NOT NULL CHECK (variant IN ('int8', 'float32')),
    target             varchar(64)   NOT NULL,
    format             varchar(32)   NOT NULL CHECK (format IN ('firmware', 'c-library', 'tflm', 'stm32cubeai')),
    -- queued, building (the job runs), ready (bundle stored), failed, cancelled; follows the job
    state              varchar(16)   NOT NULL CHECK (state IN ('queued', 'building', 'ready', 'failed', 'cancelled')),
    -- the deploy job (no foreign key: jobs may be pruned; a deployment whose job is gone keeps its last state)
    job_id             uuid          NOT NULL,
    -- flash/RAM of the linked image, arena and its lower bound (DeployResult.Sizes)
    sizes              jsonb,
    -- flash and RAM by section, arena vs lower bound (MemoryReport)
    memory_report      jsonb,
    -- the on-device check: status, verified, windows, mismatches, accuracy, instructions (DeployResult.Verification)
    verification       jsonb,
    verified           boolean       NOT NULL DEFAULT false,
    -- set only once the object exists (a row never points at a missing object)
    bundle_object_key  varchar(1024),
    bundle_file_name   varchar(255),
    bundle_bytes       bigint,
    sha256             varchar(64),
    error              text,
    created_at         timestamptz   NOT NULL,
    finished_at        timestamptz,
    CONSTRAINT deployments_ready_has_bundle CHECK (state <> 'ready' OR bundle_object_key IS NOT NULL)
);
CREATE INDEX deployments_project_idx ON deployments (project_id, created_at DESC);
CREATE INDEX deployments_model_idx ON deployments (model_id);
