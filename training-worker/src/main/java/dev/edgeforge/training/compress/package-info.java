/**
 * The {@code compress} job: makes a trained classifier smaller and compares every variant.
 *
 * <p>{@link dev.edgeforge.training.compress.CompressJobHandler} reads the model's trained network and the training
 * and test feature sets the payload ({@link dev.edgeforge.jobs.compress.CompressJobPayload}) names, runs
 * {@link dev.edgeforge.training.compression.ModelCompressor} with the asked-for stages (magnitude pruning, structured
 * pruning, knowledge distillation; float32 and int8 of each, and of the trained model itself), and writes every
 * variant's {@code .tflite} file and the {@link dev.edgeforge.core.model.stats.CompressionReport} into a folder of
 * the job's own attempt ({@link dev.edgeforge.jobs.compress.CompressionArtifactKeys}), so a retried or repeated
 * job overwrites nothing another run wrote, and the variant a user chose stays downloadable. The job's result
 * ({@link dev.edgeforge.jobs.compress.CompressJobResult}) carries the report and the keys of every file.
 */
package dev.edgeforge.training.compress;
