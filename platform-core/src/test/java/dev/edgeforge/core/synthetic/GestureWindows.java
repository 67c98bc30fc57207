package dev.edgeforge.core.synthetic;

import dev.edgeforge.core.dsp.SpectralAnalysisBlock;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.synthetic.GestureDataset.Gesture;
import java.util.List;

/**
 * Balanced training windows cut from {@link GestureDataset}'s classic gestures, for code that trains on windows
 * rather than recordings (compression tests, the training benchmark): 2 s windows at 62.5 Hz
 * ({@value #SAMPLES} samples, channels last: {@code x0, y0, z0, x1, …}) in m/s² with gravity, and their features
 * from the spectral-analysis DSP block with its default parameters, as an impulse computes them (33 per window).
 *
 * @param windows {@code SAMPLES * 3} values per window, channels last
 * @param labels  gesture id per window, an index into {@link #GESTURES}
 * @param persons the simulated person of every window
 */
public record GestureWindows(float[][] windows, int[] labels, int[] persons) {

    /** The classic gestures in label order. */
    public static final List<String> GESTURES =
            GestureDataset.CLASSIC.stream().map(Gesture::label).toList();
    /** Samples per window. */
    public static final int SAMPLES = 125;
    /** Sampling rate. */
    public static final double RATE_HZ = 62.5;
    /** Features per window. */
    public static final int FEATURES = 33;

    private static final int AXES = 3;

    /**
     * {@code count} windows, gestures in turn (balanced), performed by {@code people} simulated people in turn; the
     * seed picks the people, so a test set generated with another seed holds people a model never saw.
     */
    public static GestureWindows generate(int count, int people, long seed) {
        int gestures = GESTURES.size();
        int perPerson = Math.max(1, (int) Math.ceil((double) count / gestures / people));
        // one recording per person and gesture, long enough for its share of non-overlapping windows
        List<SyntheticSample> recordings = GestureDataset.builder()
                .optSeed(seed)
                .optPersons(people)
                .optRecordingsPerGesture(1)
                .optLengthSeconds(perPerson * SAMPLES / RATE_HZ)
                .optFrequencyHz(RATE_HZ)
                .optGestures(GestureDataset.CLASSIC)
                .build()
                .generate();
        float[][] windows = new float[count][];
        int[] labels = new int[count];
        int[] persons = new int[count];
        int[] taken = new int[gestures];
        for (int i = 0; i < count; i++) {
            int gesture = i % gestures;
            int n = taken[gesture]++;
            int person = n % people;
            SyntheticSample recording = recordings.get(person * gestures + gesture);
            windows[i] = window(recording.data(), n / people);
            labels[i] = gesture;
            persons[i] = person;
        }
        return new GestureWindows(windows, labels, persons);
    }

    /** The spectral-analysis features ({@value #FEATURES}) of every window. */
    public static float[][] spectralFeatures(float[][] windows) {
        SpectralAnalysisBlock block = new SpectralAnalysisBlock(SpectralAnalysisParams.defaults());
        float[][] features = new float[windows.length][];
        float[][] axes = new float[AXES][SAMPLES];
        for (int w = 0; w < windows.length; w++) {
            for (int t = 0; t < SAMPLES; t++) {
                for (int a = 0; a < AXES; a++) {
                    axes[a][t] = windows[w][t * AXES + a];
                }
            }
            features[w] = block.compute(axes, RATE_HZ);
        }
        return features;
    }

    private static float[] window(SampleData data, int index) {
        float[][] values = data.values();
        float[] window = new float[SAMPLES * AXES];
        for (int t = 0; t < SAMPLES; t++) {
            for (int a = 0; a < AXES; a++) {
                window[t * AXES + a] = values[a][index * SAMPLES + t];
            }
        }
        return window;
    }
}
