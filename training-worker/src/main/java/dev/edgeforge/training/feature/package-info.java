/**
 * The feature generation job ({@code features}): every enabled sample of a project cut into windows and turned into
 * features by an impulse version's processing blocks, in parallel, stored in the object store, recomputing only what
 * changed. Runs in the server's JVM (embedded default) or in a standalone training worker; it needs only the object
 * store and the job's payload, never the server's database tables.
 *
 * <h2>Payload ({@link dev.edgeforge.jobs.feature.FeatureJobPayload})</h2>
 * <pre>{@code
 * {"impulseVersion": 3,
 *  "impulse": { ...the impulse JSON of that version (ImpulseJson)... },
 *  "samples": [{"id": "…", "label": "wave", "category": "training",
 *               "objectKey": "projects/{p}/samples/{sha256}", "sha256": "…", "fileName": "wave.01.json"}, …]}
 * }</pre>
 *
 * <h2>Objects ({@link dev.edgeforge.jobs.feature.FeatureObjectKeys})</h2>
 * <ul>
 *   <li>{@code projects/{p}/features/{v}/{cacheKey}}: one sample's features, a {@code FeatureChunk} file (format in
 *       {@code dev.edgeforge.core.feature.FeatureChunk}); the cache key covers the sample's content hash and the input
 *       and processing blocks, so a chunk that exists is valid for every sample and version with that key. A chunk
 *       is computed only when no valid chunk with its key exists under this version or an earlier one (copied
 *       then).</li>
 *   <li>{@code projects/{p}/features/{v}/manifests/{jobId}.json}: the feature set of one successful run, a
 *       {@link dev.edgeforge.jobs.feature.FeatureManifest} listing every sample with its label, category, chunk
 *       key and window count, the feature layout and totals. Written last: a manifest never names a missing chunk.</li>
 * </ul>
 *
 * <h2>Result (the job's result JSON, {@link dev.edgeforge.jobs.feature.FeatureJobResult})</h2>
 * The impulse version, the manifest key, window and sample counts, feature length, labels, and how many samples were
 * computed or reused.
 */
package dev.edgeforge.training.feature;
