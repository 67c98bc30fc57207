package dev.edgeforge.api.sample.dataset;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What {@code POST .../dataset/imports} brought in.
 *
 * @param sourceProjectId the project the version belongs to
 * @param versionId       the version imported
 * @param versionName     its name
 * @param imported        samples added to this project (new rows sharing the version's stored files)
 * @param byCategory      of those, how many per category ({@code training}, {@code testing}, {@code anomaly})
 * @param labels          the labels they carry, sorted
 * @param missing         samples of the version whose file is gone (deleted and swept since), with their ids in
 *                        the source project: not imported
 */
public record DatasetImport(
        UUID sourceProjectId,
        UUID versionId,
        String versionName,
        int imported,
        Map<String, Integer> byCategory,
        List<String> labels,
        List<DatasetRestore.SampleRef> missing) {}
