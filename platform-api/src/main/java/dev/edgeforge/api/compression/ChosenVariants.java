package dev.edgeforge.api.compression;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The variant of a model chosen for deployment ({@code POST .../models/{modelId}/deploy-variant}), for the features
 * that deploy models: the object key of its {@code .tflite} is in {@link ChosenVariant#tfliteKey()}. Checks no access:
 * the caller has already checked the caller's role on the project.
 */
@Component
public class ChosenVariants {

    private final CompressionRepository compressions;

    ChosenVariants(CompressionRepository compressions) {
        this.compressions = compressions;
    }

    /** The chosen variant, or empty when none was chosen (deploy the model's own int8 file then). */
    public Optional<ChosenVariant> chosen(UUID projectId, UUID modelId) {
        return compressions.choice(projectId, modelId);
    }
}
