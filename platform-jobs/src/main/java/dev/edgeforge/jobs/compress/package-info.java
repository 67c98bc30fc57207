/**
 * The {@code compress} job: its payload ({@link dev.edgeforge.jobs.compress.CompressJobPayload}) with the stages
 * asked for ({@link dev.edgeforge.jobs.compress.CompressionOptions}), its result (the compression report and every
 * variant's key) and the folder layout of a run ({@link dev.edgeforge.jobs.compress.CompressionArtifactKeys}).
 */
package dev.edgeforge.jobs.compress;
