package dev.edgeforge.training.realdata;

import dev.edgeforge.core.learning.EarlyStopping;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningRateSchedule;
import dev.edgeforge.core.learning.SpectrogramAugmentation;
import dev.edgeforge.core.learning.TensorShape;

import java.util.List;
import java.util.Map;

/**
 * The learning block and training defaults this research proposes for issue #12, kept here (test scope) until they
 * are ported into {@code DefaultArchitecture} and {@code Hyperparameters}.
 */
public final class ProposedDefaults {

    private ProposedDefaults() {
    }

    /** Proposed hidden layers for features of {@code kind} and {@code shape}. */
    public static List<LayerSpec> layersFor(FeatureKind kind, TensorShape shape) {
        return switch (kind) {
            case TIME_SERIES, SPECTROGRAM -> ExperimentSpec.cnn1d(Map.of(), shape);
            default -> dev.edgeforge.core.learning.DefaultArchitecture.layersFor(kind, shape);
        };
    }

    /** Proposed training settings for features of {@code kind} and {@code shape}. */
    public static Hyperparameters hyperparameters(FeatureKind kind, TensorShape shape) {
        return Hyperparameters.defaults().withEpochs(200).withLearningRate(0.001)
                .withEarlyStopping(new EarlyStopping(20, 0));
    }

    static Hyperparameters withSchedule(Hyperparameters h, String schedule) {
        String[] p = schedule.split(":");
        return switch (p[0]) {
            case "none" -> h.withSchedule(null);
            case "plateau" -> h.withSchedule(new LearningRateSchedule.ReduceOnPlateau(
                    p.length > 1 ? Integer.parseInt(p[1]) : 5, p.length > 2 ? Double.parseDouble(p[2]) : 0.5,
                    h.learningRate() / 100));
            case "cosine" -> h.withSchedule(new LearningRateSchedule.Cosine(
                    p.length > 1 ? Double.parseDouble(p[1]) : 0, h.learningRate() / 100));
            case "onecycle" -> h.withSchedule(new LearningRateSchedule.Cosine(
                    p.length > 1 ? Double.parseDouble(p[1]) : 0.1, h.learningRate() / 100));
            default -> throw new IllegalArgumentException("unknown schedule " + schedule);
        };
    }

    static SpectrogramAugmentation spectrogramAugmentation(int timeMasks, int timeWidth, int frequencyMasks,
                                                           int frequencyWidth, double noise, double maxShift) {
        return new SpectrogramAugmentation(timeMasks, timeWidth, frequencyMasks, frequencyWidth, noise, maxShift);
    }
}
