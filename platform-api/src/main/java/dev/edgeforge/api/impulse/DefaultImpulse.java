package dev.edgeforge.api.impulse;

import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.LearningBlockRef;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import dev.edgeforge.core.learning.LearningBlock;
import java.util.List;

/**
 * The impulse a project starts from, as in Edge Impulse's motion template: 2000 ms time-series windows every 80 ms at
 * 62.5 Hz, spectral analysis on a 3-axis accelerometer ({@code accX}, {@code accY}, {@code accZ}) and a
 * classifier with the default layers for those features. Version 0: it is not saved.
 */
final class DefaultImpulse {

    static final List<String> AXES = List.of("accX", "accY", "accZ");

    private DefaultImpulse() {}

    static Impulse create() {
        ProcessingBlock spectral = new ProcessingBlock(1, "Spectral features", AXES, SpectralAnalysisParams.defaults());
        Impulse designed = new Impulse(0, TimeSeriesInput.defaults(), List.of(spectral), List.of());
        LearningBlockRef classifier = new LearningBlockRef(
                LearningBlockSettings.name(LearningBlock.Kind.CLASSIFICATION),
                "Classifier",
                List.of(spectral.id()),
                LearningBlockSettings.defaults(LearningBlock.Kind.CLASSIFICATION, designed, List.of(spectral.id())));
        return new Impulse(0, designed.input(), designed.processingBlocks(), List.of(classifier));
    }
}
