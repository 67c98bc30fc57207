-- Which worker ran which attempt of a job, and how each attempt ended (issue #16).
--
-- The claim inserts a row (worker, host, start); the statement that ends the attempt (succeed, fail, retry, cancel,
-- hand back on shutdown, or the reaper taking back an expired lease) fills in its end, outcome and reason in the
-- same statement. The reason of a failed or lost attempt stays here when a later attempt succeeds (jobs.error then
-- clears), and progress remembers how far the attempt got, so a new attempt starting again from 0 can say so.

CREATE TABLE job_attempts (
    job_id     uuid             NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    run        integer          NOT NULL,   -- 1, 2, 3 ... per job, one per claim
    attempt    integer          NOT NULL,   -- jobs.attempts at the claim (a run handed back on shutdown gives it back)
    worker_id  text             NOT NULL,
    host       text             NOT NULL,
    started_at timestamptz      NOT NULL,
    ended_at   timestamptz,
    -- null while it runs; succeeded, failed, retrying, cancelled, handed-back, lease-expired
    outcome    text,
    reason     text,
    progress   double precision NOT NULL DEFAULT 0,
    PRIMARY KEY (job_id, run),
    CONSTRAINT job_attempts_attempt_check CHECK (run >= 1 AND attempt >= 1),
    CONSTRAINT job_attempts_outcome_check
        CHECK (outcome IN ('succeeded', 'failed', 'retrying', 'cancelled', 'handed-back', 'lease-expired')),
    CONSTRAINT job_attempts_end_check CHECK ((outcome IS NULL) = (ended_at IS NULL))
);
