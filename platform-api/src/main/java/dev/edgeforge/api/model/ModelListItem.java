package dev.edgeforge.api.model;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A model in the project's list ({@code GET .../models}).
 *
 * @param summary     headline metrics (validation/test accuracy, RMSE, AUC), {@code null} until trained
 * @param float32Bytes size of the float32 file, or {@code null}
 * @param int8Bytes    size of the int8 file, or {@code null}
 */
public record ModelListItem(
        UUID id,
        String name,
        String kind,
        ModelState state,
        String source,
        String error,
        Integer impulseVersion,
        JsonNode summary,
        Long float32Bytes,
        Long int8Bytes,
        UUID trainJobId,
        Instant createdAt,
        Instant trainedAt) {}
