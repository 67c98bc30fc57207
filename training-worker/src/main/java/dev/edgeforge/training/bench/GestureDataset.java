package dev.edgeforge.training.bench;

import java.util.List;
import java.util.Random;

/**
 * Synthetic 3-axis accelerometer windows of four gestures, performed by simulated people who differ in strength,
 * tempo, how they hold the device, sensor bias and noise. Windows are 2 s at 62.5 Hz ({@value #SAMPLES} samples),
 * channels last ({@code x0, y0, z0, x1, …}), in m/s² with gravity.
 *
 * @param windows one row of {@code SAMPLES * 3} values per window
 * @param labels  gesture id of every window (index into {@link #GESTURES})
 * @param persons simulated person of every window
 */
record GestureDataset(float[][] windows, int[] labels, int[] persons) {

    static final List<String> GESTURES = List.of("idle", "wave", "circle", "updown");
    static final int SAMPLES = 125;
    static final double RATE_HZ = 62.5;
    private static final double GRAVITY = 9.81;

    /** {@code count} windows, gestures in turn (balanced), persons drawn at random from {@code people}. */
    static GestureDataset generate(int count, int people, long seed) {
        Random rng = new Random(seed);
        Person[] persons = new Person[people];
        for (int p = 0; p < people; p++) {
            persons[p] = Person.random(rng);
        }
        float[][] windows = new float[count][];
        int[] labels = new int[count];
        int[] who = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % GESTURES.size();
            who[i] = rng.nextInt(people);
            windows[i] = window(labels[i], persons[who[i]], rng);
        }
        return new GestureDataset(windows, labels, who);
    }

    private static float[] window(int gesture, Person person, Random rng) {
        double amplitude = person.strength * (0.7 + 0.6 * rng.nextDouble());
        double tempo = person.tempo * (0.9 + 0.2 * rng.nextDouble());
        double phase = rng.nextDouble() * 2 * Math.PI;
        double direction = rng.nextBoolean() ? 1 : -1;
        // The gesture may fill only part of the window (started late or stopped early), faded in and out.
        double active = 0.5 + 0.5 * rng.nextDouble();
        double start = rng.nextDouble() * (1 - active) * SAMPLES / RATE_HZ;
        double duration = active * SAMPLES / RATE_HZ;
        // Some idle windows hold a small fidget: a slow movement on a random axis.
        boolean fidget = gesture == 0 && rng.nextDouble() < 0.4;
        int fidgetAxis = rng.nextInt(3);
        double fidgetHz = 0.5 + 2.5 * rng.nextDouble();
        double fidgetAmplitude = 0.3 + 1.2 * rng.nextDouble();
        double ellipse = 0.3 * rng.nextDouble();
        float[] values = new float[SAMPLES * 3];
        for (int t = 0; t < SAMPLES; t++) {
            double s = t / RATE_HZ;
            double envelope = envelope(s - start, duration);
            double a = amplitude * envelope;
            double[] motion = switch (gesture) {
                case 0 -> new double[] {   // idle: a faint physiological tremor and a slow sway
                        0.05 * Math.sin(2 * Math.PI * 9 * s + phase) + 0.1 * Math.sin(2 * Math.PI * 0.3 * s),
                        0.05 * Math.sin(2 * Math.PI * 10 * s + 2 * phase), 0};
                case 1 -> new double[] {   // wave: side to side at about 2 Hz with a harmonic, slightly elliptic
                        4 * a * Math.sin(2 * Math.PI * 2 * tempo * s + phase)
                                + 0.8 * a * Math.sin(2 * Math.PI * 4 * tempo * s + phase),
                        4 * ellipse * a * Math.cos(2 * Math.PI * 2 * tempo * s + phase), 0};
                case 2 -> new double[] {   // circle: x and y a quarter period apart at about 1 Hz
                        3 * a * Math.cos(2 * Math.PI * tempo * s + phase),
                        3 * a * direction * Math.sin(2 * Math.PI * tempo * s + phase), 0};
                default -> new double[] {  // up and down at about 1.5 Hz, with some sideways drift
                        0.8 * a * Math.sin(2 * Math.PI * 1.5 * tempo * s + phase + 0.5), 0,
                        4 * a * Math.sin(2 * Math.PI * 1.5 * tempo * s + phase)};
            };
            if (fidget) {
                motion[fidgetAxis] += fidgetAmplitude * Math.sin(2 * Math.PI * fidgetHz * s + phase)
                        * envelope(s - start, duration);
            }
            double[] acceleration = person.rotate(motion[0], motion[1], motion[2] + GRAVITY);
            for (int axis = 0; axis < 3; axis++) {
                values[t * 3 + axis] = (float) (acceleration[axis] + person.bias[axis]
                        + rng.nextGaussian() * person.noise);
            }
        }
        return values;
    }

    /** 1 inside {@code [0, duration]}, with 0.2 s raised-cosine ramps at both ends; 0 outside. */
    private static double envelope(double s, double duration) {
        double ramp = 0.2;
        if (s < 0 || s > duration) {
            return 0;
        }
        double edge = Math.min(s, duration - s);
        return edge >= ramp ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * edge / ramp);
    }

    /** How one simulated person moves and holds the device. */
    private record Person(double strength, double tempo, double noise, double[] bias, double roll, double pitch) {

        static Person random(Random rng) {
            return new Person(0.4 + 1.0 * rng.nextDouble(), 0.75 + 0.5 * rng.nextDouble(),
                    0.1 + 0.7 * rng.nextDouble(),
                    new double[] {rng.nextGaussian() * 0.3, rng.nextGaussian() * 0.3, rng.nextGaussian() * 0.3},
                    Math.toRadians((rng.nextDouble() * 2 - 1) * 45), Math.toRadians((rng.nextDouble() * 2 - 1) * 45));
        }

        /** Rotates a vector from the gesture's frame into the device's (roll about x, then pitch about y). */
        double[] rotate(double x, double y, double z) {
            double y1 = y * Math.cos(roll) - z * Math.sin(roll);
            double z1 = y * Math.sin(roll) + z * Math.cos(roll);
            double x2 = x * Math.cos(pitch) + z1 * Math.sin(pitch);
            double z2 = -x * Math.sin(pitch) + z1 * Math.cos(pitch);
            return new double[] {x2, y1, z2};
        }
    }
}
