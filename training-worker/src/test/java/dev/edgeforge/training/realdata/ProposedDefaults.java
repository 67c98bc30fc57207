package dev.edgeforge.training.realdata;

import dev.edgeforge.core.learning.Activation;
import dev.edgeforge.core.learning.Augmentation;
import dev.edgeforge.core.learning.DefaultArchitecture;
import dev.edgeforge.core.learning.EarlyStopping;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.LearningRateSchedule;
import dev.edgeforge.core.learning.Padding;
import dev.edgeforge.core.learning.SpectrogramAugmentation;
import dev.edgeforge.core.learning.TensorShape;
import java.util.ArrayList;
import java.util.List;

/**
 * The impulse suggestion, learning block and training defaults this research proposes for issue #12, kept here (test
 * scope) until they are ported into {@code DefaultArchitecture}, {@code Hyperparameters} and an impulse suggestion in
 * platform-core. {@link #config()} is what the real-data tests run.
 */
public final class ProposedDefaults {

    private ProposedDefaults() {}

    /** Suggestion, learning block and training, all by the proposed rules. */
    public static RealDataExperiment.Config config() {
        return new RealDataExperiment.Config(
                "proposed defaults",
                suggestion()::suggest,
                input -> LearningBlock.classification(layersFor(input.kind(), input.shape())),
                input -> hyperparameters(input.kind(), input.shape()));
    }

    /** The impulse suggestion: MFCC for audio, raw for event-like sensor data, spectral analysis for streams. */
    public static ImpulseSuggestion suggestion() {
        return ImpulseSuggestion.recommended();
    }

    /**
     * Proposed hidden layers. Windows over time ({@code [time, channels]}: raw sensor windows, and MFCC/MFE frames
     * with their coefficients as channels) get three 1-D convolution stages — conv without activation, batch norm,
     * ReLU, max pool 2 — with 16, 32 and 64 filters, then global average pooling over what is left of time and dropout
     * 0.25. The kernel spans 5 raw samples, or 3 frames of a spectrogram (already 20 ms each). Other kinds keep today's
     * defaults.
     */
    public static List<LayerSpec> layersFor(FeatureKind kind, TensorShape shape) {
        return switch (kind) {
            case TIME_SERIES -> conv1dStack(shape, 5, new int[] {16, 32, 64});
            case SPECTROGRAM -> conv1dStack(shape, 3, new int[] {16, 32, 64});
            default -> DefaultArchitecture.layersFor(kind, shape);
        };
    }

    static List<LayerSpec> conv1dStack(TensorShape shape, int kernel, int[] filterCounts) {
        int time = shape.dim(0);
        List<LayerSpec> layers = new ArrayList<>();
        for (int filters : filterCounts) {
            layers.add(LayerSpec.conv1d(filters, kernel, 1, Padding.SAME, Activation.NONE));
            layers.add(LayerSpec.batchNorm());
            layers.add(LayerSpec.relu());
            if (time >= 4) {
                layers.add(LayerSpec.maxPool1d(2, 2));
                time /= 2;
            }
        }
        layers.add(LayerSpec.averagePool1d(time, time));
        layers.add(LayerSpec.dropout(0.25));
        layers.add(LayerSpec.flatten());
        return layers;
    }

    /**
     * Proposed training: Adam at 0.001, batch 32, up to 200 epochs with early stopping on the validation loss
     * (patience 20, the best epoch's weights kept), the rate halved after 5 epochs without improvement;
     * SpecAugment-style masks for spectrogram-like features.
     */
    public static Hyperparameters hyperparameters(FeatureKind kind, TensorShape shape) {
        Hyperparameters h = Hyperparameters.defaults()
                .withEpochs(200)
                .withLearningRate(0.001)
                .withEarlyStopping(new EarlyStopping(20, 0))
                .withSchedule(new LearningRateSchedule.ReduceOnPlateau(5, 0.5, 0.00001));
        if (kind == FeatureKind.SPECTROGRAM && shape.rank() >= 2) {
            h = h.withAugmentation(Augmentation.of(spectrogramMasks(shape)));
        }
        return h;
    }

    /** Two time masks up to 5 % of the frames wide and one frequency mask up to 15 % of the bins, no noise. */
    static SpectrogramAugmentation spectrogramMasks(TensorShape shape) {
        int frames = shape.dim(0);
        int bins = shape.dim(1);
        return new SpectrogramAugmentation(
                2, Math.max(1, (int) Math.round(0.05 * frames)), 1, Math.max(1, (int) Math.round(0.15 * bins)), 0, 0);
    }

    static Hyperparameters withSchedule(Hyperparameters h, String schedule) {
        String[] p = schedule.split(":");
        return switch (p[0]) {
            case "none" -> h.withSchedule(null);
            case "plateau" ->
                h.withSchedule(new LearningRateSchedule.ReduceOnPlateau(
                        p.length > 1 ? Integer.parseInt(p[1]) : 5,
                        p.length > 2 ? Double.parseDouble(p[2]) : 0.5,
                        h.learningRate() / 100));
            case "cosine" ->
                h.withSchedule(new LearningRateSchedule.Cosine(
                        p.length > 1 ? Double.parseDouble(p[1]) : 0, h.learningRate() / 100));
            case "onecycle" ->
                h.withSchedule(new LearningRateSchedule.Cosine(
                        p.length > 1 ? Double.parseDouble(p[1]) : 0.1, h.learningRate() / 100));
            default -> throw new IllegalArgumentException("unknown schedule " + schedule);
        };
    }

    static SpectrogramAugmentation spectrogramAugmentation(
            int timeMasks, int timeWidth, int frequencyMasks, int frequencyWidth, double noise, double maxShift) {
        return new SpectrogramAugmentation(timeMasks, timeWidth, frequencyMasks, frequencyWidth, noise, maxShift);
    }
}
