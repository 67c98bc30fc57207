package dev.edgeforge.core.feature;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One sample to compute features for. The loader is called only when the sample's turn comes, on a worker thread,
 * so a job over thousands of samples holds only the samples in flight; it typically reads the sample's bytes from
 * the object store and parses them ({@link FeatureSource#of(dev.edgeforge.core.format.ParsedSample)}).
 *
 * @param sampleId    the sample's id, for results and error messages
 * @param contentHash SHA-256 of the sample's stored bytes (hex), for the {@link FeatureCacheKey}
 * @param loader      loads the sample; may throw, which fails the generation naming the sample
 */
public record FeatureGenerationItem(String sampleId, String contentHash, Supplier<FeatureSource> loader) {

    public FeatureGenerationItem {
        Objects.requireNonNull(sampleId, "sampleId");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(loader, "loader");
    }
}
