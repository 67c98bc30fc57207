package dev.edgeforge.api.model;

import dev.edgeforge.core.learning.LearningBlock;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST /api/v1/projects/{projectId}/jobs/train}; every field is optional.
 *
 * @param learningBlock      the learning block to train; default: the impulse's learning block, else the default
 *                           architecture for the features
 * @param hyperparameters    values that replace the defaults ({@code Hyperparameters.defaults()}), e.g.
 *                           {@code {"epochs": 50}}; default: the impulse's learning block settings' own
 * @param name               the model's name; default: its kind and the time
 * @param uncertainThreshold classification results below it count as uncertain (default 0.6)
 * @param normalLabels       anomaly blocks: the labels of normal data, replacing the block's own {@code normalLabels}
 *                           (default: the block's, else every label of the training windows)
 */
public record TrainRequest(
        LearningBlock learningBlock,
        JsonNode hyperparameters,
        String name,
        Double uncertainThreshold,
        List<String> normalLabels) {}
