package dev.edgeforge.api.feature;

import dev.edgeforge.api.impulse.ImpulseService;
import dev.edgeforge.api.impulse.StoredImpulse;
import dev.edgeforge.api.model.FeatureSetLocator;
import dev.edgeforge.api.model.LocatedFeatures;
import dev.edgeforge.core.dsp.MfccParams;
import dev.edgeforge.core.dsp.MfeParams;
import dev.edgeforge.core.dsp.RawParams;
import dev.edgeforge.core.dsp.SpectrogramParams;
import dev.edgeforge.core.feature.FeatureLayout;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.jobs.feature.FeatureJobResult;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Hands training the features of the project's latest impulse version: the training and testing feature set files
 * the latest successful feature job of that version wrote. Features of an older version, or none, mean "generate
 * features first" (empty).
 */
@Component
class GeneratedFeatureSetLocator implements FeatureSetLocator {

    private static final Set<String> FRAME_BLOCKS = Set.of(MfeParams.TYPE, MfccParams.TYPE, SpectrogramParams.TYPE);

    private final ImpulseService impulses;
    private final FeatureJobService features;

    GeneratedFeatureSetLocator(ImpulseService impulses, FeatureJobService features) {
        this.impulses = impulses;
        this.features = features;
    }

    @Override
    public Optional<LocatedFeatures> locate(UUID projectId) {
        Optional<StoredImpulse> latest = impulses.latest(projectId);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        int version = latest.get().version();
        return features.latestFeatureSet(projectId, version)
                .map(FeatureJobService.FeatureSet::result)
                .filter(result -> result.trainingSetKey() != null)
                .map(result -> located(latest.get().impulse(), result));
    }

    @Override
    public String whyMissing(UUID projectId) {
        String api = "/api/v1/projects/" + projectId;
        String generate = "POST " + api + "/jobs/features";
        Optional<StoredImpulse> latest = impulses.latest(projectId);
        if (latest.isEmpty()) {
            return "The project has no saved impulse yet: save one with PUT " + api + "/impulse (GET " + api
                    + "/impulse/suggestion gives one made for its samples), then generate its features with "
                    + generate + ".";
        }
        int version = latest.get().version();
        Optional<FeatureGeneration> last = features.latestRun(projectId, version);
        if (last.isEmpty()) {
            return "No features were generated for impulse version " + version + " (the latest): start them with "
                    + generate + ", then try again when that job has succeeded.";
        }
        FeatureGeneration run = last.get();
        return switch (run.state()) {
            case QUEUED, RUNNING ->
                "The features of impulse version " + version + " are still being generated (job " + run.jobId()
                        + ", " + run.state().value() + "); try again when it has succeeded (GET /api/v1/jobs/"
                        + run.jobId() + ").";
            case FAILED ->
                "The last features job of impulse version " + version + " (" + run.jobId() + ") failed: "
                        + sentence(run.error())
                        + " Fix that, then generate the features again with " + generate + ".";
            case CANCELLED ->
                "The last features job of impulse version " + version + " was cancelled: generate the features "
                        + "again with " + generate + ".";
            case SUCCEEDED ->
                "The features of impulse version " + version + " have no training window (job " + run.jobId()
                        + "): add training samples, or fix the impulse so they give windows, then generate the "
                        + "features again with " + generate + ".";
        };
    }

    private static String sentence(String error) {
        if (error == null || error.isBlank()) {
            return "no reason was recorded.";
        }
        String text = error.strip();
        return text.endsWith(".") ? text : text + ".";
    }

    private static LocatedFeatures located(Impulse impulse, FeatureJobResult result) {
        FeatureLayout layout = FeatureLayout.of(impulse);
        FeatureKind kind = FeatureKind.FLAT;
        List<Integer> dims = List.of(layout.length());
        if (layout.blocks().size() == 1) {
            FeatureLayout.Block block = layout.blocks().get(0);
            List<Integer> shape = block.shape().dims();
            if (impulse.input() instanceof ImageInput && shape.size() == 3) {
                kind = FeatureKind.IMAGE;
                dims = shape;
            } else if (FRAME_BLOCKS.contains(block.type()) && shape.size() == 2) {
                kind = FeatureKind.SPECTROGRAM;
                dims = shape;
            } else if (RawParams.TYPE.equals(block.type()) && shape.size() == 2) {
                kind = FeatureKind.TIME_SERIES;
                dims = shape;
            }
        }
        return new LocatedFeatures(
                result.impulseVersion(),
                null,
                result.trainingSetKey(),
                result.testingSetKey(),
                kind,
                TensorShape.of(dims.stream().mapToInt(Integer::intValue).toArray()));
    }
}
