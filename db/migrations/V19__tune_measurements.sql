-- The follow-up job that builds a tune job's finalists and runs them in QEMU (type tune-measure, on the firmware
-- builder). One per tune job: the primary key makes queueing it idempotent, since the job event that queues it may be
-- delivered more than once. The tune result shown is the tune job's with the measurement job's figures in place of
-- the estimates once that job succeeded. measure_job_id is set in the transaction that inserts the row.
CREATE TABLE tune_measurement (
    tune_job_id    uuid        PRIMARY KEY,
    project_id     uuid        NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    measure_job_id uuid,
    created_at     timestamptz NOT NULL DEFAULT now()
);
