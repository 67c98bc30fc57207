package dev.edgeforge.core.feature;

import java.util.Objects;

/**
 * The features computed for one {@link FeatureGenerationItem}.
 *
 * @param sampleId the item's sample id
 * @param chunk    its features, under the item's cache key
 */
public record GeneratedChunk(String sampleId, FeatureChunk chunk) {

    public GeneratedChunk {
        Objects.requireNonNull(sampleId, "sampleId");
        Objects.requireNonNull(chunk, "chunk");
    }
}
