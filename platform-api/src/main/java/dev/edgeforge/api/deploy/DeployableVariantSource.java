package dev.edgeforge.api.deploy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where deployment finds a model's compressed variants: the port the compression feature implements, so this package
 * needs neither its tables nor its classes. Access has been checked by the caller.
 *
 * <p>Contract: a variant's {@code tfliteKey} names an int8 {@code .tflite} that exists and does not change.
 */
public interface DeployableVariantSource {

    /**
     * The int8 variants of the model's latest finished compression other than {@code int8} (the model's own int8
     * file, which deployment builds by that name), in the report's order; the chosen variant comes from the report it
     * was chosen in.
     */
    List<DeployableVariant> variants(UUID projectId, UUID modelId);

    /** The name of the variant chosen for deployment, if one was chosen ({@code int8} included). */
    Optional<String> chosen(UUID projectId, UUID modelId);
}
