package dev.edgeforge.core.impulse;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The learning block(s) at the end of an impulse, kept opaque here: their architecture and settings belong to
 * {@code dev.edgeforge.core.learning}, which reads {@code settings}.
 *
 * @param type     the learning block kind (e.g. {@code classification}, {@code anomaly})
 * @param name     shown to users
 * @param inputs   ids of the processing blocks whose features it takes; empty means all
 * @param settings the learning block's own JSON, stored and returned as given (may be null)
 */
public record LearningBlockRef(String type, String name, List<Integer> inputs, JsonNode settings) {

    public LearningBlockRef {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
    }
}
