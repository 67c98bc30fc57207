package dev.edgeforge.api.job;

import java.time.Instant;

/** A job ended: it will never run or change again. */
public sealed interface JobEnded extends JobEvent permits JobSucceeded, JobFailed, JobCancelled {

    Instant finishedAt();
}
