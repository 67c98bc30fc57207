package dev.edgeforge.jobs.compress;

import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Knowledge distillation as a compress job asks for it.
 *
 * @param studentLayers the student's hidden layers (the output head is added as for any learning block), e.g.
 *                      {@code [{"type":"dense","units":8,"activation":"relu"}]}
 * @param temperature   softening temperature, above 0; {@code null} for
 *                      {@value #DEFAULT_TEMPERATURE}
 * @param alpha         weight of the hard-label loss, 0 to 1; {@code null} for
 *                      {@value #DEFAULT_ALPHA}
 * @param epochs        epochs the student trains from scratch; {@code null} for as many as the teacher trained
 */
public record DistillationSettings(List<LayerSpec> studentLayers, Double temperature, Double alpha, Integer epochs) {

    /** Default temperature: soft enough to show how the teacher ranks the wrong classes. */
    public static final double DEFAULT_TEMPERATURE = 4;
    /** Default weight of the hard labels. */
    public static final double DEFAULT_ALPHA = 0.3;
    /** Most epochs a student may train. */
    public static final int MAX_EPOCHS = 1000;

    public DistillationSettings {
        studentLayers = studentLayers == null ? null : List.copyOf(studentLayers);
    }

    /** The student as a classification learning block. */
    public LearningBlock student() {
        return LearningBlock.classification(studentLayers);
    }

    public double temperatureOrDefault() {
        return temperature == null ? DEFAULT_TEMPERATURE : temperature;
    }

    public double alphaOrDefault() {
        return alpha == null ? DEFAULT_ALPHA : alpha;
    }

    /**
     * What is missing or out of range (whether the layers fit the features is checked with the model); empty when
     * usable.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (studentLayers == null) {
            problems.add("distillation.studentLayers is missing (the student's hidden layers, e.g. "
                    + "[{\"type\":\"dense\",\"units\":8,\"activation\":\"relu\"}])");
        } else if (studentLayers.stream().anyMatch(Objects::isNull)) {
            problems.add("distillation.studentLayers must not contain null layers");
        }
        if (temperature != null && !(temperature > 0 && temperature <= 100)) {
            problems.add("distillation.temperature must be above 0 and at most 100, got " + temperature);
        }
        if (alpha != null && !(alpha >= 0 && alpha <= 1)) {
            problems.add("distillation.alpha must be between 0 and 1, got " + alpha);
        }
        if (epochs != null && (epochs < 1 || epochs > MAX_EPOCHS)) {
            problems.add("distillation.epochs must be between 1 and " + MAX_EPOCHS + ", got " + epochs);
        }
        return problems;
    }
}
