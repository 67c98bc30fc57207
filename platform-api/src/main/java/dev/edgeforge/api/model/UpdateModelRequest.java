package dev.edgeforge.api.model;

/**
 * Body of {@code PATCH .../models/{modelId}}; fields left out stay as they are.
 *
 * @param name             a new name (1-200 characters)
 * @param anomalyThreshold a new anomaly threshold (anomaly models): scores above it are anomalies
 */
public record UpdateModelRequest(String name, Double anomalyThreshold) {}
