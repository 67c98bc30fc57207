package dev.edgeforge.training.bench;

import java.util.List;

/**
 * Public test access to the benchmark's synthetic gesture generator and band-power features, for tests in other
 * packages (compression). TODO(#6): switch to dev.edgeforge.core.synthetic.GestureDataset once it is merged.
 */
public final class GestureFixture {

    /** Gesture class names, in label order. */
    public static final List<String> GESTURES = GestureDataset.GESTURES;
    /** Samples per window (2 s at 62.5 Hz); windows are {@code [SAMPLES, 3]}, channels last. */
    public static final int SAMPLES = GestureDataset.SAMPLES;

    private GestureFixture() {
    }

    /**
     * Windows of 3-axis accelerometer data and their gesture labels.
     *
     * @param windows {@code SAMPLES * 3} values per window, channels last
     * @param labels  gesture id per window
     */
    public record Windows(float[][] windows, int[] labels) {
    }

    /**
     * {@code count} balanced windows performed by {@code people} simulated people; different seeds give different
     * people, so a test set generated with another seed holds people the model never saw.
     */
    public static Windows generate(int count, int people, long seed) {
        GestureDataset dataset = GestureDataset.generate(count, people, seed);
        return new Windows(dataset.windows(), dataset.labels());
    }

    /** The 33 band-power features (11 per axis) of every window. */
    public static float[][] bandPowers(float[][] windows) {
        BandPowerFeatures extractor = new BandPowerFeatures(SAMPLES, 3);
        float[][] features = new float[windows.length][];
        for (int i = 0; i < windows.length; i++) {
            features[i] = extractor.extract(windows[i]);
        }
        return features;
    }
}
