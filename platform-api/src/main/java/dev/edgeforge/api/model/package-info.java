/**
 * Models: training and test jobs, the trained and imported models of a project, their files and metrics, model
 * testing and live classification, and the Training and Models pages.
 *
 * <h2>REST ({@code /api/v1/projects/{projectId}/...})</h2>
 * <ul>
 *   <li>{@code POST jobs/train} {@code {learningBlock?, hyperparameters?, name?, uncertainThreshold?}} → 202
 *       {@code {jobId, modelId}}; {@code POST jobs/test} {@code {modelId, uncertainThreshold?}} → 202;
 *       {@code GET training/defaults}; {@code POST training/architecture-check} {@code {learningBlock}}</li>
 *   <li>{@code GET models}, {@code GET|PATCH|DELETE models/{modelId}}, {@code GET models/{modelId}/tflite?variant=
 *       int8|float32}, {@code POST models/import} (multipart {@code file}), {@code GET models/{modelId}/predictions
 *       ?threshold=}, {@code POST models/{modelId}/classify} ({@code {sampleId}} or multipart {@code file})</li>
 * </ul>
 *
 * <h2>How a model is made</h2>
 * {@link dev.edgeforge.api.model.ModelTrainingService} stores the model row (state {@code training}) and enqueues the
 * training worker's {@code train} job in one transaction; the job's payload carries everything the worker needs
 * ({@code dev.edgeforge.jobs.training.TrainJobPayload}). The worker writes the model's files to the object store under
 * {@code projects/{p}/models/{modelId}/train-{attempt}/} and a result naming them; when the job's end is published
 * ({@code dev.edgeforge.api.job.JobEnded}), {@link dev.edgeforge.api.model.ModelJobOutcomes} points the row at them
 * (after checking they exist) and makes it ready — or records the job's error; test jobs likewise. The worker never
 * touches this package's table, and reads are plain reads of it.
 *
 * <h2>Ports other features implement</h2>
 * {@link dev.edgeforge.api.model.FeatureSetLocator} (where the project's current feature sets are),
 * {@link dev.edgeforge.api.model.ImpulseLookup} (an impulse version) and {@link dev.edgeforge.api.model.SampleLookup}
 * (a stored sample for live classification). Without a bean for one, the features that need it answer with a problem
 * saying what is missing. Other features use models through {@link dev.edgeforge.api.model.ModelService#requireReady}.
 */
package dev.edgeforge.api.model;
