package dev.edgeforge.api.compression;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Port to the models feature: what compression needs to know about a project's models (state, kind, the trained
 * network's and the feature sets' object keys, how it was trained). Compression never writes models; it reads them
 * through this interface only. Implemented by {@link JdbcCompressibleModelSource} against the {@code model} table.
 */
public interface CompressibleModelSource {

    /** The model, if the project has one with this id. */
    Optional<CompressibleModel> find(UUID projectId, UUID modelId);

    /** The project's models, newest first. */
    List<CompressibleModel> list(UUID projectId);
}
