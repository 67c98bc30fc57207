package dev.edgeforge.infra.job;

import java.util.UUID;

/**
 * The fencing token of one run: a write of the run only lands while the job row still has this owner and
 * version. Any claim or state change bumps the version, so a run that lost its lease can never write again.
 */
record JobLease(UUID jobId, String owner, long version) {}
