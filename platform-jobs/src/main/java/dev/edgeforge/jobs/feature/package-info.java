/**
 * The {@code features} job: its payload ({@link dev.edgeforge.jobs.feature.FeatureJobPayload}: the impulse and the
 * samples), its result, the manifest of a feature set ({@link dev.edgeforge.jobs.feature.FeatureManifest}) and where
 * features live in the object store ({@link dev.edgeforge.jobs.feature.FeatureObjectKeys}): one chunk per sample
 * content and impulse version, a manifest per successful job, and the training and testing {@code FeatureSet}
 * files training reads.
 */
package dev.edgeforge.jobs.feature;
