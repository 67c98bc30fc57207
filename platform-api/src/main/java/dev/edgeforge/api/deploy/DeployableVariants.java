package dev.edgeforge.api.deploy;

import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.jobs.deploy.DeployJobPayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Which file a deployment builds (issue #17): the model's own int8 file ({@code int8}) or one of its compressed int8
 * variants, by name. No variant asked for means the variant chosen on the compression page ("Use for deployment"),
 * else {@code int8}.
 */
@Component
class DeployableVariants {

    private final ObjectProvider<DeployableVariantSource> sources;

    DeployableVariants(ObjectProvider<DeployableVariantSource> sources) {
        this.sources = sources;
    }

    /**
     * What a deployment of {@code model} as {@code requested} builds.
     *
     * @param variant the variant's name ({@code int8} for the model's own file)
     * @param model   the model with {@code int8ModelKey} the file to compile
     */
    record Resolved(String variant, DeployableModel model) {}

    /** The variants offered for {@code modelId}: the model's own {@code int8}, then its compressed ones. */
    List<DeployableVariant> list(UUID projectId, UUID modelId) {
        DeployableVariantSource source = sources.getIfAvailable();
        return source == null ? List.of() : source.variants(projectId, modelId);
    }

    /** The variant deployed when none is named. */
    String defaultVariant(UUID projectId, UUID modelId) {
        DeployableVariantSource source = sources.getIfAvailable();
        Optional<String> chosen = source == null ? Optional.empty() : source.chosen(projectId, modelId);
        return chosen.filter(name -> name.equals(DeployJobPayload.INT8)
                        || list(projectId, modelId).stream()
                                .anyMatch(v -> v.name().equals(name)))
                .orElse(DeployJobPayload.INT8);
    }

    /**
     * @throws ValidationViolation naming the variants there are when {@code requested} is none of them
     */
    Resolved resolve(UUID projectId, DeployableModel model, String requested) {
        String name = requested == null || requested.isBlank()
                ? defaultVariant(projectId, model.modelId())
                : requested.trim();
        if (name.equals(DeployJobPayload.INT8) || model.isAnomaly()) {
            return new Resolved(name, model);
        }
        List<DeployableVariant> variants = list(projectId, model.modelId());
        for (DeployableVariant variant : variants) {
            if (variant.name().equals(name)) {
                return new Resolved(name, model.withInt8ModelKey(variant.tfliteKey()));
            }
        }
        if (name.equals(DeployJobPayload.FLOAT32)) {
            // checked by the deployment's validation with its own message
            return new Resolved(name, model);
        }
        List<String> names = new ArrayList<>();
        names.add(DeployJobPayload.INT8);
        variants.forEach(v -> names.add(v.name()));
        throw new ValidationViolation(
                "variant",
                "'" + name + "' is not a deployable variant of this model; deployable: " + String.join(", ", names)
                        + " (compress the model for more)");
    }
}
