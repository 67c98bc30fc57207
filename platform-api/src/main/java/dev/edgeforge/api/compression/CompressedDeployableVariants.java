package dev.edgeforge.api.compression;

import dev.edgeforge.api.deploy.DeployableVariant;
import dev.edgeforge.api.deploy.DeployableVariantSource;
import dev.edgeforge.api.job.JobStatus;
import dev.edgeforge.core.model.stats.ModelVariant;
import dev.edgeforge.jobs.JobJson;
import dev.edgeforge.jobs.compress.CompressJobResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * The compressed variants deployment may build (issue #17): the int8 variants of the model's latest finished
 * compression, and the chosen one from the report it was chosen in (which may be an older one). The report's plain
 * {@code int8} variant is the trained model quantized again, so deployment offers the model's own int8 file under that
 * name instead.
 */
@Component
class CompressedDeployableVariants implements DeployableVariantSource {

    private static final String INT8 = "int8";

    private final CompressionRepository compressions;

    CompressedDeployableVariants(CompressionRepository compressions) {
        this.compressions = compressions;
    }

    @Override
    public List<DeployableVariant> variants(UUID projectId, UUID modelId) {
        Optional<ChosenVariant> choice = compressions.choice(projectId, modelId);
        List<DeployableVariant> variants = new ArrayList<>();
        Optional<CompressJobResult> latest = compressions.runs(projectId, modelId).stream()
                .map(CompressedDeployableVariants::result)
                .flatMap(Optional::stream)
                .findFirst();
        latest.ifPresent(result -> {
            for (ModelVariant variant : result.report().variants()) {
                String key = result.variantKeys().get(variant.name());
                if (!variant.precision().equals(INT8) || variant.name().equals(INT8) || key == null) {
                    continue;
                }
                boolean chosen =
                        choice.map(c -> c.variant().equals(variant.name())).orElse(false);
                if (chosen && !choice.get().tfliteKey().equals(key)) {
                    continue; // chosen in an older report: that one is added below
                }
                variants.add(view(variant, key, chosen));
            }
        });
        choice.filter(c -> !c.variant().equals(INT8))
                .filter(c -> variants.stream().noneMatch(v -> v.chosen()))
                .flatMap(c -> compressions
                        .run(c.jobId(), projectId, modelId)
                        .flatMap(CompressedDeployableVariants::result)
                        .flatMap(result -> result.report().variant(c.variant()))
                        .map(variant -> view(variant, c.tfliteKey(), true)))
                .ifPresent(variants::add);
        return variants;
    }

    @Override
    public Optional<String> chosen(UUID projectId, UUID modelId) {
        return compressions.choice(projectId, modelId).map(ChosenVariant::variant);
    }

    private static DeployableVariant view(ModelVariant variant, String key, boolean chosen) {
        return new DeployableVariant(
                variant.name(), variant.description(), key, variant.weightBytes(), variant.testAccuracy(), chosen);
    }

    private static Optional<CompressJobResult> result(CompressionRun run) {
        if (run.state() != JobStatus.SUCCEEDED || run.resultJson() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JobJson.mapper().readValue(run.resultJson(), CompressJobResult.class));
        } catch (JacksonException e) {
            return Optional.empty(); // written by an incompatible worker: no report
        }
    }
}
