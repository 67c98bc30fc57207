/**
 * The fault benchmark ({@code ./edgeforge bench faults}, issue #16): the distributed platform as separate processes
 * on this machine (PostgreSQL, an S3 server, the server, two training workers, a firmware builder), uploads and jobs
 * under faults ({@code kill -9} of a worker and of the server, a PostgreSQL restart, the object store away), then
 * the checks an operator would make. {@link dev.edgeforge.bench.faults.FaultScenario} is the scenario, shared with
 * the smaller version the test suite runs ({@code FaultScenarioIT}).
 */
package dev.edgeforge.bench.faults;
