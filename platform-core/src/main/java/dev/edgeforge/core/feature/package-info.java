/**
 * Features: what the processing blocks of an impulse make of a dataset, how they are stored, computed in parallel
 * and shown in the feature explorer.
 *
 * <ul>
 *   <li>{@link dev.edgeforge.core.feature.FeatureExtractor}: one sample ({@link
 * dev.edgeforge.core.feature.FeatureSource})
 *       → windows (resampled to the input block's frequency, or the resized image) → the processing blocks' features
 *       concatenated in block order ({@link dev.edgeforge.core.feature.FeatureLayout}) →
 *       {@link dev.edgeforge.core.feature.FeatureRow}s.</li>
 *   <li>{@link dev.edgeforge.core.feature.FeatureCacheKey}: SHA-256 of a sample's content hash and the canonical JSON
 *       of the input and processing blocks, so only what changed is recomputed;
 *       {@link dev.edgeforge.core.feature.FeatureChunk}: one sample's features under one key, as stored.</li>
 *   <li>{@link dev.edgeforge.core.feature.FeatureSet} (with {@link dev.edgeforge.core.feature.FeatureSetWriter} and
 *       {@link dev.edgeforge.core.feature.FeatureSetReader}): the versioned binary file training reads; readers check
 *       every field and a CRC-32C and name the byte offset of any damage
 *       ({@link dev.edgeforge.core.feature.FeatureFormatException}).</li>
 *   <li>{@link dev.edgeforge.core.feature.FeatureGeneration}: many samples on an executor, loaded lazily, chunks handed
 *       over in item order, with progress and cancellation.</li>
 *   <li>The explorer: {@link dev.edgeforge.core.feature.Pca} (two components; streaming covariance, Jacobi
 *       {@link dev.edgeforge.core.feature.SymmetricEigen} or block power iteration) giving
 *       {@link dev.edgeforge.core.feature.ExplorerPoint}s, and per-feature
 *       {@link dev.edgeforge.core.feature.FeatureImportance} (Fisher score, η²).</li>
 * </ul>
 *
 * <h2>How the feature generation job uses this package</h2>
 * <ol>
 *   <li>{@code extractor = new FeatureExtractor(impulse)}; for each enabled sample,
 *       {@code extractor.cacheKey(sample.sha256)}; leave out the samples whose chunk is stored already.</li>
 *   <li>{@code new FeatureGeneration(extractor, executor, 2 * threads).run(items, chunk -> store(chunk.toBytes()),
 *       progress, cancelled)}, each item loading its bytes from the object store and parsing them
 *       ({@code FeatureSource.of(SampleParsers.parse(name, bytes, options.withKeepImagePixels(true)))}).</li>
 *   <li>For training: read the chunks back ({@link dev.edgeforge.core.feature.FeatureChunk#read}), attach each
 *       sample's current id and label ({@link dev.edgeforge.core.feature.FeatureChunk#rows}) and stream them into a
 *       {@link dev.edgeforge.core.feature.FeatureSetWriter} (the row count is known from the chunks).</li>
 * </ol>
 */
package dev.edgeforge.core.feature;
