/**
 * The ingestion benchmark ({@link dev.edgeforge.bench.ingest.IngestionBenchmark}): samples/s of Edge Impulse
 * devices posting to the server and the sample list's latency at 100,000 samples, all through the public HTTP API.
 */
package dev.edgeforge.bench.ingest;
