package dev.edgeforge.firmware.anomaly;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.dsp.FilterType;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.LearningBlockRef;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import java.util.List;
import java.util.Random;

/**
 * A predictive-maintenance-like case for anomaly tests: three vibration axes at 62.5 Hz, 2 s windows, spectral
 * analysis; a healthy machine hums at 8 Hz with noise, a faulty one adds a 20 Hz rattle.
 */
final class VibrationAnomalies {

    static final int SAMPLES = 125;
    static final int AXES = 3;

    private VibrationAnomalies() {}

    static Impulse impulse() {
        return new Impulse(
                1,
                new TimeSeriesInput(2000, 2000, 62.5, false),
                List.of(new ProcessingBlock(
                        1,
                        "Spectral",
                        List.of("accX", "accY", "accZ"),
                        // no low-pass filter: the fault is a rattle well above the hum
                        new SpectralAnalysisParams(1.0, FilterType.NONE, 3.0, 6, 64, true, true, 0, 0.1))),
                List.of(new LearningBlockRef("anomaly_kmeans", "Anomaly", List.of(1), null)));
    }

    /** One raw window, axes interleaved sample by sample. */
    static float[] window(boolean faulty, long seed) {
        Random random = new Random(seed);
        double phase = random.nextDouble() * 2 * Math.PI;
        double amplitude = 1 + 0.2 * random.nextGaussian();
        float[] values = new float[SAMPLES * AXES];
        for (int s = 0; s < SAMPLES; s++) {
            double t = s / 62.5;
            for (int a = 0; a < AXES; a++) {
                double v =
                        amplitude * (a + 1) * Math.sin(2 * Math.PI * 8 * t + phase + a) + 0.3 * random.nextGaussian();
                if (faulty) {
                    v += 1.5 * Math.sin(2 * Math.PI * 20 * t + a);
                }
                values[s * AXES + a] = (float) v;
            }
        }
        return values;
    }

    static float[][] features(ImpulseDsp dsp, boolean faulty, int count, long seed) {
        float[][] features = new float[count][];
        for (int i = 0; i < count; i++) {
            features[i] = dsp.features(window(faulty, seed + i));
        }
        return features;
    }
}
