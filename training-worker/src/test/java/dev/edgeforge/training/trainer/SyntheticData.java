package dev.edgeforge.training.trainer;

import java.util.Random;

/** Small generated datasets whose right answers are known, for training tests. */
final class SyntheticData {

    final float[][] features;
    final int[] labels;
    final float[][] targets;

    private SyntheticData(float[][] features, int[] labels, float[][] targets) {
        this.features = features;
        this.labels = labels;
        this.targets = targets;
    }

    /** {@code classes} Gaussian blobs with unit-ish spread around centres 4 apart on different axes. */
    static SyntheticData blobs(int perClass, int classes, int dims, long seed) {
        Random rng = new Random(seed);
        float[][] centres = new float[classes][dims];
        for (int c = 0; c < classes; c++) {
            for (int d = 0; d < dims; d++) {
                centres[c][d] = (float) (rng.nextGaussian() * 0.5);
            }
            centres[c][c % dims] += 4f;
        }
        float[][] features = new float[perClass * classes][dims];
        int[] labels = new int[perClass * classes];
        for (int i = 0; i < features.length; i++) {
            int c = i % classes;
            labels[i] = c;
            for (int d = 0; d < dims; d++) {
                features[i][d] = centres[c][d] + (float) (rng.nextGaussian() * 0.7);
            }
        }
        return new SyntheticData(features, labels, null);
    }

    /**
     * Windows of {@code time} steps and {@code channels} channels (channels last): class c is a sine of frequency
     * {@code c + 1} cycles per window with random phase and amplitude, plus noise.
     */
    static SyntheticData sines(int perClass, int classes, int time, int channels, long seed) {
        Random rng = new Random(seed);
        float[][] features = new float[perClass * classes][time * channels];
        int[] labels = new int[perClass * classes];
        for (int i = 0; i < features.length; i++) {
            int c = i % classes;
            labels[i] = c;
            double phase = rng.nextDouble() * 2 * Math.PI;
            double amplitude = 0.7 + rng.nextDouble() * 0.6;
            for (int t = 0; t < time; t++) {
                for (int ch = 0; ch < channels; ch++) {
                    double v = amplitude * Math.sin(2 * Math.PI * (c + 1) * t / time + phase + ch);
                    features[i][t * channels + ch] = (float) (v + rng.nextGaussian() * 0.2);
                }
            }
        }
        return new SyntheticData(features, labels, null);
    }

    /** {@code size x size x 1} images: class 0 a horizontal bar, 1 a vertical bar, 2 a diagonal, at random offsets. */
    static SyntheticData bars(int perClass, int size, long seed) {
        Random rng = new Random(seed);
        float[][] features = new float[perClass * 3][size * size];
        int[] labels = new int[perClass * 3];
        for (int i = 0; i < features.length; i++) {
            int c = i % 3;
            labels[i] = c;
            int offset = rng.nextInt(size);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    boolean on = switch (c) {
                        case 0 -> y == offset;
                        case 1 -> x == offset;
                        default -> (x + offset) % size == y;
                    };
                    features[i][y * size + x] = (on ? 1f : 0f) + (float) (rng.nextGaussian() * 0.1);
                }
            }
        }
        return new SyntheticData(features, labels, null);
    }

    /** {@code y = 2 x0 - 3 x1 + 0.5 x2 + 1} with x uniform in [-1, 1] and a little noise on y. */
    static SyntheticData linear(int count, long seed) {
        Random rng = new Random(seed);
        float[][] features = new float[count][3];
        float[][] targets = new float[count][1];
        for (int i = 0; i < count; i++) {
            for (int d = 0; d < 3; d++) {
                features[i][d] = (float) (rng.nextDouble() * 2 - 1);
            }
            targets[i][0] = 2 * features[i][0]
                    - 3 * features[i][1]
                    + 0.5f * features[i][2]
                    + 1
                    + (float) (rng.nextGaussian() * 0.01);
        }
        return new SyntheticData(features, null, targets);
    }
}
