package dev.edgeforge.api.demo;

import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.LearningBlockRef;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import dev.edgeforge.core.learning.EarlyStopping;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.jobs.JobJson;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's impulse, ready to generate features and train: 2 s windows every 500 ms of the three axes at 62.5 Hz,
 * spectral analysis (33 features per window), and a classifier with the default layers for those features. Training
 * is capped at {@value #EPOCHS} epochs with early stopping after {@value #PATIENCE} without progress, so a newcomer
 * sees a trained model within seconds on a small machine; the rest are the platform's defaults.
 */
final class DemoImpulse {

    static final int EPOCHS = 60;
    static final int PATIENCE = 10;

    private DemoImpulse() {}

    static Impulse create() {
        TensorShape features = TensorShape.of(33);
        LearningBlock block = LearningBlock.defaultsFor(LearningBlock.Kind.CLASSIFICATION, FeatureKind.FLAT, features);
        ObjectNode settings = JobJson.mapper().valueToTree(block);
        settings.set(
                "hyperparameters",
                JobJson.mapper()
                        .valueToTree(Hyperparameters.defaultsFor(FeatureKind.FLAT, features)
                                .withEpochs(EPOCHS)
                                .withEarlyStopping(new EarlyStopping(PATIENCE, 0))));
        return new Impulse(
                1,
                new TimeSeriesInput(2000, 500, 62.5, true),
                List.of(new ProcessingBlock(
                        1, "Spectral features", List.of("accX", "accY", "accZ"), SpectralAnalysisParams.defaults())),
                List.of(new LearningBlockRef("classification", "Gesture classifier", List.of(1), settings)));
    }
}
