package dev.edgeforge.api.model;

import dev.edgeforge.jobs.training.ModelArtifacts;
import dev.edgeforge.jobs.training.ModelKind;
import java.util.List;
import java.util.UUID;

/**
 * A model ready for use, as other features see it.
 *
 * @param labels           class names in output order
 * @param impulseVersion   the impulse version its features come from ({@code null} for an import without one)
 * @param artifacts        object keys of its files ({@code int8} is the file to deploy; {@code null} when absent)
 * @param anomalyThreshold the anomaly threshold (anomaly models)
 */
public record ReadyModel(
        UUID id,
        String name,
        ModelKind kind,
        List<String> labels,
        Integer impulseVersion,
        ModelArtifacts artifacts,
        Double anomalyThreshold) {}
