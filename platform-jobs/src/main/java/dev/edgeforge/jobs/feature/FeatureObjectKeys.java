package dev.edgeforge.jobs.feature;

import dev.edgeforge.core.feature.FeatureCacheKey;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where features live in the object store (see the package documentation). */
public final class FeatureObjectKeys {

    private static final Pattern CHUNK = Pattern.compile("projects/[^/]+/features/(\\d{1,9})/([0-9a-f]{64})");

    private FeatureObjectKeys() {}

    /** Every feature object of a project. */
    public static String projectPrefix(UUID projectId) {
        return "projects/" + projectId + "/features/";
    }

    /** Every feature object of one impulse version. */
    public static String versionPrefix(UUID projectId, int impulseVersion) {
        return projectPrefix(projectId) + impulseVersion + "/";
    }

    /** One sample's feature chunk under one impulse version. */
    public static String chunk(UUID projectId, int impulseVersion, FeatureCacheKey key) {
        return versionPrefix(projectId, impulseVersion) + key.hex();
    }

    /** The manifest one successful job wrote. */
    public static String manifest(UUID projectId, int impulseVersion, UUID jobId) {
        return versionPrefix(projectId, impulseVersion) + "manifests/" + jobId + ".json";
    }

    /**
     * The {@code FeatureSet} file of one category ({@code training}, {@code testing}) that one successful job
     * assembled from its chunks: what training reads.
     */
    public static String featureSet(UUID projectId, int impulseVersion, UUID jobId, String category) {
        return versionPrefix(projectId, impulseVersion) + "sets/" + jobId + "-" + category + ".effs";
    }

    /** The cached feature explorer projection of one manifest, for at most {@code maxPoints} points. */
    public static String explorer(UUID projectId, int impulseVersion, UUID jobId, int maxPoints) {
        return versionPrefix(projectId, impulseVersion) + "explorer/" + jobId + "-" + maxPoints + ".json";
    }

    /**
     * A chunk key's version and cache key.
     *
     * @param impulseVersion the version directory the chunk is in
     * @param cacheKey       its cache key (hex)
     */
    public record ChunkLocation(int impulseVersion, String cacheKey) {}

    /** The version and cache key of a chunk's object key; empty for other feature objects. */
    public static Optional<ChunkLocation> parseChunk(String objectKey) {
        Matcher m = CHUNK.matcher(objectKey);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ChunkLocation(Integer.parseInt(m.group(1)), m.group(2)));
    }
}
