package dev.edgeforge.training.compress;

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
import java.util.List;
import java.util.Set;

/**
 * Feature sets as the feature job writes them: synthetic 3-axis gesture recordings of several people, 2 s windows
 * every 500 ms, spectral analysis of the three axes (33 values per window).
 */
final class GestureFeatureFiles {

    static final Impulse IMPULSE = new Impulse(
            1,
            new TimeSeriesInput(2000, 500, 62.5, true),
            List.of(new ProcessingBlock(
                    1, "Spectral", List.of("accX", "accY", "accZ"), SpectralAnalysisParams.defaults())),
            List.of());

    private GestureFeatureFiles() {}

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
}
