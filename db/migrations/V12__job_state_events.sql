-- One way for the server to learn that a job changed state (issue #11).
--
-- Every statement of the queue that changes a job's state (claim, finish, retry, reap, cancel) bumps jobs.version
-- (V2) and sends NOTIFY job_state_changed with the job's id in the same statement, so the notification goes out when
-- that change commits, whichever process made it. The server LISTENs on that channel and publishes the change as an
-- event (dev.edgeforge.api.job: JobStarted, JobSucceeded, JobFailed, JobCancelled); each feature applies the events
-- of its own jobs to its own rows. published_version remembers, per job, the last version whose state the server
-- published, so what no server published yet (it was down, a notification was lost) is found again: on start, and
-- by a slow safety poll.
--
-- The features that read the queue on every request (compression, feature generation) now keep what they show in
-- their own rows, kept up to date by those events.

ALTER TABLE jobs ADD COLUMN published_version bigint NOT NULL DEFAULT 0;

-- The changes no server has published yet: jobs claimed or ended since. Partial, so it stays as small as that.
CREATE INDEX jobs_unpublished_idx ON jobs (updated_at) WHERE published_version < version;

-- Until now the server applied finished jobs itself, on read or every second: whatever it applied is published.
-- The jobs that models and deployments still wait for are left unpublished, so the first start applies them.
UPDATE jobs SET published_version = version
WHERE id NOT IN (SELECT train_job_id FROM model WHERE state = 'training' AND train_job_id IS NOT NULL
                 UNION ALL
                 SELECT pending_test_job_id FROM model WHERE pending_test_job_id IS NOT NULL
                 UNION ALL
                 SELECT job_id FROM deployments WHERE state IN ('queued', 'building'));

-- The deployment of a job, when its event comes.
CREATE INDEX deployments_job_idx ON deployments (job_id);

-- A compress job as the compression feature (dev.edgeforge.api.compression) shows it: its state (as the job's, last
-- published), what it was asked to do (the payload's options), and, once it ended, its result (the report and the
-- variants' object keys, CompressJobResult) or error.
ALTER TABLE model_compression_job
    ADD COLUMN state       text,
    ADD COLUMN options     jsonb,
    ADD COLUMN result      jsonb,
    ADD COLUMN error       text,
    ADD COLUMN started_at  timestamptz,
    ADD COLUMN finished_at timestamptz;
UPDATE model_compression_job AS c
SET state = j.state, options = j.payload -> 'options',
    result = CASE WHEN j.state = 'succeeded' THEN j.result END,
    error = j.error, started_at = j.started_at, finished_at = j.finished_at
FROM jobs AS j
WHERE j.id = c.job_id;
UPDATE model_compression_job SET state = 'failed', error = 'its job no longer exists', finished_at = created_at
WHERE state IS NULL;
ALTER TABLE model_compression_job
    ALTER COLUMN state SET NOT NULL,
    ADD CONSTRAINT model_compression_job_state_check
        CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled'));

-- A features job as the feature generation feature (dev.edgeforge.api.feature) shows it, likewise; the result is
-- FeatureJobResult (counts, labels, the manifest and feature set keys).
ALTER TABLE feature_generation
    ADD COLUMN state       text,
    ADD COLUMN result      jsonb,
    ADD COLUMN error       text,
    ADD COLUMN started_at  timestamptz,
    ADD COLUMN finished_at timestamptz;
UPDATE feature_generation AS g
SET state = j.state, result = CASE WHEN j.state = 'succeeded' THEN j.result END,
    error = j.error, started_at = j.started_at, finished_at = j.finished_at
FROM jobs AS j
WHERE j.id = g.job_id;
UPDATE feature_generation SET state = 'failed', error = 'its job no longer exists', finished_at = created_at
WHERE state IS NULL;
ALTER TABLE feature_generation
    ALTER COLUMN state SET NOT NULL,
    ADD CONSTRAINT feature_generation_state_check
        CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled'));
