package dev.edgeforge.api.deploy;

import java.util.Objects;

/**
 * A compressed int8 variant of a model that deployment can build instead of the model's own int8 file (issue #17).
 *
 * @param name         the variant's name in its compression report, e.g. {@code structured-pruning-int8}
 * @param description  what was done, for people
 * @param tfliteKey    object key of its int8 {@code .tflite}
 * @param weightBytes  weights and biases, bytes, as the report measured them
 * @param testAccuracy accuracy on the test set as the report measured it, or {@code null}
 * @param chosen       whether it is the variant chosen for deployment ("Use for deployment")
 */
public record DeployableVariant(
        String name, String description, String tfliteKey, long weightBytes, Double testAccuracy, boolean chosen) {

    public DeployableVariant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tfliteKey, "tfliteKey");
    }
}
