package dev.edgeforge.training.job;

import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.feature.FeatureExtractor;
import dev.edgeforge.core.feature.FeatureRow;
import dev.edgeforge.core.feature.FeatureSet;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import dev.edgeforge.core.synthetic.GestureDataset;
import dev.edgeforge.core.synthetic.SyntheticSample;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Feature sets the way the feature job makes them: synthetic 3-axis gesture recordings, 2 s windows every 500 ms,
 * spectral analysis on all three axes (33 features per window).
 */
final class GestureFeatures {

    static final Impulse IMPULSE = new Impulse(
            1,
            new TimeSeriesInput(2000, 500, 62.5, true),
            List.of(new ProcessingBlock(
                    1, "Spectral", List.of("accX", "accY", "accZ"), SpectralAnalysisParams.defaults())),
            List.of());

    private GestureFeatures() {}

    /** The features of {@code persons} persons' recordings of {@code gestures}. */
    static FeatureSet of(long seed, int persons, int recordings, Set<GestureDataset.Gesture> gestures) {
        List<SyntheticSample> samples = GestureDataset.builder()
                .optSeed(seed)
                .optPersons(persons)
                .optRecordingsPerGesture(recordings)
                .optLengthSeconds(6)
                .optGestures(gestures)
                .build()
                .generate();
        FeatureExtractor extractor = new FeatureExtractor(IMPULSE);
        List<FeatureRow> rows = new ArrayList<>();
        for (SyntheticSample sample : samples) {
            rows.addAll(extractor.extract(sample.name(), sample.label(), sample.data()));
        }
        return FeatureSet.of(IMPULSE.version(), extractor.layout(), rows);
    }

    static FeatureSet classic(long seed, int persons, int recordings) {
        return of(seed, persons, recordings, GestureDataset.CLASSIC);
    }

    static Set<GestureDataset.Gesture> gestures(GestureDataset.Gesture... gestures) {
        return EnumSet.of(gestures[0], gestures);
    }
}
