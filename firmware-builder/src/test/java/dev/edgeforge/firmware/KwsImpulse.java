package dev.edgeforge.firmware;

import dev.edgeforge.core.dsp.MfccParams;
import dev.edgeforge.core.dsp.WindowFunction;
import dev.edgeforge.core.impulse.AudioInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.LearningBlockRef;
import dev.edgeforge.core.impulse.ProcessingBlock;
import java.util.List;
import java.util.Random;

/**
 * An audio impulse whose MFCC block gives exactly the input of the MLPerf Tiny keyword-spotting model (49 frames of
 * 10 coefficients from 1 s at 16 kHz, 40 ms frames every 20 ms), and synthetic one-second clips for it: a realistic
 * end-to-end path (raw audio → MFCC → int8 → DS-CNN) on a real network.
 */
public final class KwsImpulse {

    /** The model's twelve classes, in output order (MLPerf Tiny KWS, Speech Commands v2). */
    public static final List<String> LABELS =
            List.of("down", "go", "left", "no", "off", "on", "right", "stop", "up", "yes", "silence", "unknown");

    private KwsImpulse() {}

    public static Impulse impulse() {
        MfccParams mfcc = new MfccParams(10, 0.04, 0.02, 40, 1024, 20, 4000, 0.0, WindowFunction.HAMMING, 0);
        return new Impulse(
                1,
                new AudioInput(1000, 500, 16000, true),
                List.of(new ProcessingBlock(1, "MFCC", List.of("audio"), mfcc)),
                List.of(new LearningBlockRef("classification", "NN Classifier", List.of(1), null)));
    }

    /** One second of a vowel-like voiced sound at 16 kHz in int16 counts: harmonics of {@code pitchHz}, noise. */
    public static float[] clip(double pitchHz, double formantHz, long seed) {
        Random random = new Random(seed);
        float[] samples = new float[16000];
        for (int i = 0; i < samples.length; i++) {
            double t = i / 16000.0;
            double envelope = Math.sin(Math.PI * Math.min(1, Math.max(0, (t - 0.2) / 0.6)));
            double v = 0;
            for (int h = 1; h <= 25; h++) {
                double hz = pitchHz * h;
                double d = (hz - formantHz) / 250;
                v += Math.sin(2 * Math.PI * hz * t) / (1 + d * d) / h;
            }
            samples[i] = (float) Math.rint(8000 * envelope * v + 150 * random.nextGaussian());
        }
        return samples;
    }
}
