/**
 * Compression: making a trained classifier smaller and choosing the variant to deploy.
 *
 * <h2>REST ({@code /api/v1/projects/{projectId}/...})</h2>
 * <ul>
 *   <li>{@code POST jobs/compress} {@code {modelId, magnitudePruning?: {targetSparsity}, structuredPruning?:
 *       {fraction}, distillation?: {studentLayers, temperature?, alpha?, epochs?}, fineTuneEpochs?,
 *       fineTuneLearningRate?}} → 202 {@code {jobId, modelId}} (member; the model must be a trained classifier in
 *       state ready, with no compression running)</li>
 *   <li>{@code GET models/{modelId}/compression}: latest compress job, latest report (every variant's test
 *       accuracy, parameters, weight bytes, MACs, activation RAM lower bound, sparsity, file size), chosen
 *       variant</li>
 *   <li>{@code GET models/{modelId}/variants/{variant}/tflite?jobId=}: a variant's {@code .tflite}</li>
 *   <li>{@code POST models/{modelId}/deploy-variant} {@code {variant, jobId?}}: the variant to deploy; other features
 *       read it through {@link dev.edgeforge.api.compression.ChosenVariants}</li>
 * </ul>
 *
 * <h2>How it works</h2>
 * {@link dev.edgeforge.api.compression.CompressionService} reads the model through the port
 * {@link dev.edgeforge.api.compression.CompressibleModelSource} (the models feature's table, read-only) and enqueues
 * the training worker's {@code compress} job ({@code dev.edgeforge.training.compress.CompressJobHandler}) together
 * with a {@code model_compression_job} row. The worker writes the variants and the report under
 * {@code projects/{p}/models/{modelId}/compress-{jobId}-{attempt}/} and returns them as the job's result;
 * {@link dev.edgeforge.api.compression.CompressionJobOutcomes} copies the job's state and, once it ended, its result
 * or error into the row from the job's events (migration V12), and the report is served from there.
 * {@code model_variant_choice} records the chosen variant (migration V8).
 *
 * <h2>Pages</h2>
 * {@code /projects/{projectId}/compression} (sidebar "Compression": the project's models) and
 * {@code /projects/{projectId}/models/{modelId}/compression} (settings, live log, report table and chart).
 */
package dev.edgeforge.api.compression;
