/**
 * The tuner (issue #13): {@code POST .../jobs/tune} checks the request and queues a {@code tune} job for the training
 * worker with the board's limits, the impulse to start from (the project's latest, else the suggestion for its data)
 * and the enabled samples; {@code POST .../jobs/tune/{jobId}/apply} saves a candidate of a finished search as the
 * project's next impulse version; the Tuner page drives both. The job's state, log and result are the job API's.
 */
package dev.edgeforge.api.tune;
