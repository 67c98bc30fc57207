package dev.edgeforge.core.synthetic;

import java.util.SplittableRandom;

/**
 * Seeded randomness with fully specified algorithms, so a dataset is the same on every JVM: SplitMix64
 * ({@link SplittableRandom}) for uniforms, Box–Muller for normals (not {@code nextGaussian}, whose algorithm the JDK
 * does not promise to keep), and a fixed mixing function to derive independent streams per person, class and
 * recording (so adding persons never changes the recordings of the others).
 */
final class Randomness {

    private final SplittableRandom random;
    private double spare;
    private boolean hasSpare;

    private Randomness(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The stream for a seed and a path of indexes (e.g. person, class, recording). */
    static Randomness of(long seed, long... path) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (long p : path) {
            h = mix(h ^ mix(p + 0x632BE59BD9B4E019L));
        }
        return new Randomness(h);
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser (as in SplitMix64). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return random.nextDouble();
    }

    /** Uniform in [from, to). */
    double uniform(double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    /** Uniform integer in [0, bound). */
    int index(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Standard normal, by the Box–Muller transform. */
    double gaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u1 = 1.0 - random.nextDouble(); // (0, 1]: the log is finite
        double u2 = random.nextDouble();
        double radius = Math.sqrt(-2 * Math.log(u1));
        spare = radius * Math.sin(2 * Math.PI * u2);
        hasSpare = true;
        return radius * Math.cos(2 * Math.PI * u2);
    }

    /** Normal with this mean and standard deviation. */
    double gaussian(double mean, double sd) {
        return mean + sd * gaussian();
    }

    /** {@code exp(N(0, sd))}: a positive factor around 1, as person-to-person scale differences are. */
    double logNormal(double sd) {
        return Math.exp(sd * gaussian());
    }

    /** Normal, redrawn until inside [min, max] (at most a few draws for the bounds used here, then clamped). */
    double truncatedGaussian(double mean, double sd, double min, double max) {
        for (int i = 0; i < 16; i++) {
            double v = gaussian(mean, sd);
            if (v >= min && v <= max) {
                return v;
            }
        }
        return Math.max(min, Math.min(max, mean));
    }
}
