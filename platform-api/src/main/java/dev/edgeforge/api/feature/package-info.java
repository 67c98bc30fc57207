/**
 * Features of a project's impulse on the server side: starting the feature generation job
 * ({@code POST /api/v1/projects/{projectId}/jobs/features}), its status and the feature set's metadata
 * ({@code GET .../features?impulseVersion=}) and the feature explorer's 2D projection
 * ({@code GET .../features/explorer}).
 *
 * <p>The job itself runs in the training worker ({@code dev.edgeforge.training.feature.FeatureJobHandler}, one of
 * {@code TrainingWorkerHandlers}, so the embedded workers run it); its payload carries the impulse and the project's
 * enabled samples, which this package reads through the {@link dev.edgeforge.api.feature.ImpulseSampleSource} port,
 * so the worker never reads the server's tables. Each started job gets a {@code feature_generation} row (migrations
 * V5, V12) naming its impulse version, in the same transaction as the job;
 * {@link dev.edgeforge.api.feature.FeatureGenerationOutcomes} keeps its state and result up to date from the job's
 * events, and the status and the feature set are read from those rows. A successful job also leaves the training
 * and testing {@code FeatureSet} files that {@link dev.edgeforge.api.feature.GeneratedFeatureSetLocator} hands to
 * training.
 */
package dev.edgeforge.api.feature;
