-- The job queue: one table for every kind of job (features, train, test, compress, deploy).
-- Workers claim queued jobs with SELECT ... FOR UPDATE SKIP LOCKED, hold them with a lease renewed by heartbeat,
-- and every write of a run is fenced by (lease_owner, version): version changes on each claim and each state
-- change, so a worker that lost its lease cannot overwrite anything. See dev.edgeforge.infra.job.
-- project_id is deliberately not a foreign key: this migration stands alone (projects come from V1) and a
-- job's history may outlive its project.

CREATE TABLE jobs (
    id               uuid             PRIMARY KEY,
    project_id       uuid,
    type             text             NOT NULL,
    state            text             NOT NULL,
    payload          jsonb            NOT NULL DEFAULT '{}'::jsonb,
    result           jsonb,
    progress         double precision NOT NULL DEFAULT 0,
    attempts         integer          NOT NULL DEFAULT 0,   -- runs started so far (claims)
    max_attempts     integer          NOT NULL,
    run_at           timestamptz      NOT NULL,             -- not claimable before (retry backoff)
    lease_owner      text,
    lease_expires_at timestamptz,
    cancel_requested boolean          NOT NULL DEFAULT false,
    error            text,
    version          bigint           NOT NULL DEFAULT 0,
    created_at       timestamptz      NOT NULL,
    started_at       timestamptz,                           -- start of the latest attempt
    finished_at      timestamptz,
    updated_at       timestamptz      NOT NULL,
    CONSTRAINT jobs_state_check
        CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    CONSTRAINT jobs_type_check CHECK (type ~ '^[a-z][a-z0-9_.-]{0,63}$'),
    CONSTRAINT jobs_progress_check CHECK (progress >= 0 AND progress <= 1),
    CONSTRAINT jobs_attempts_check CHECK (attempts >= 0 AND max_attempts >= 1),
    -- a job holds a lease exactly while it runs
    CONSTRAINT jobs_lease_check
        CHECK ((state = 'running') = (lease_owner IS NOT NULL AND lease_expires_at IS NOT NULL)),
    CONSTRAINT jobs_finished_check
        CHECK ((state IN ('succeeded', 'failed', 'cancelled')) = (finished_at IS NOT NULL))
);

-- The claim: the oldest queued job (filtered by run_at and type). Partial, so it stays as small as the backlog.
CREATE INDEX jobs_claimable_idx ON jobs (created_at, id) WHERE state = 'queued';
-- The dead-lease reaper: running jobs by lease expiry.
CREATE INDEX jobs_lease_expiry_idx ON jobs (lease_expires_at) WHERE state = 'running';
-- A project's jobs, newest first.
CREATE INDEX jobs_project_created_idx ON jobs (project_id, created_at DESC, id DESC);

CREATE TABLE job_logs (
    job_id uuid        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    seq    bigint      NOT NULL,   -- 1, 2, 3 ... per job, continued across attempts
    at     timestamptz NOT NULL,
    line   text        NOT NULL,
    PRIMARY KEY (job_id, seq),
    CONSTRAINT job_logs_seq_check CHECK (seq >= 1)
);
