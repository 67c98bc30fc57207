package dev.edgeforge.core.synthetic;

import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A realistic, seeded dataset of 3-axis accelerometer gestures, the kind of data Edge Impulse's continuous-motion
 * tutorial collects: {@code accX}, {@code accY}, {@code accZ} in m/s² (including gravity), at 62.5 Hz unless another
 * rate is chosen. The same settings always give the same values, on any JVM.
 *
 * <h2>What is simulated</h2>
 * <ul>
 *   <li><b>Gestures</b> ({@link Gesture}): idle (hand at rest: slow tremor, a 9 Hz physiological tremor, posture
 *       shifts; or the device lying still on a table in any orientation), wave (side to side with the wrist rolling,
 *       which swings gravity between x and z), circle (a vertical circle, clockwise or not per person), updown
 *       (vertical, not quite sinusoidal) and snake (slow lateral weaving while moving forward, easily confused with a
 *       lazy wave).</li>
 *   <li><b>Gravity</b> (9.80665 m/s²) seen through the device's orientation: how each person holds it (roll and
 *       pitch spread ±15°, any yaw within ±40°), a small per-recording wobble, and the motion's own rotation.</li>
 *   <li><b>Per-person variation</b>: amplitude (log-normal, ±20 %), tempo (±15 %), orientation, gesture style
 *       (wrist roll, circle shape and direction, harmonics) and a <i>sloppiness</i> in [0, 1] that raises noise,
 *       drift, tempo and amplitude wander, and the chance of pausing mid-gesture.</li>
 *   <li><b>Per-recording variation</b>: amplitude and tempo jitter, slowly wandering tempo and amplitude within the
 *       recording, a random start phase, and sometimes a pause of 0.6–1.6 s where the hand nearly stops (windows
 *       there look like idle but keep the gesture's label, as real recordings do).</li>
 *   <li><b>The sensor</b>: per-axis bias (±0.25 m/s²) and scale error (±2 %), bias drift (linear plus a random
 *       walk), white noise of 0.05–0.55 m/s² by person, ±4 g range and 12-bit quantisation (0.0192 m/s² steps).</li>
 * </ul>
 * Streams are derived per person, gesture and recording, so adding persons or recordings never changes the others.
 */
public final class GestureDataset {

    /** Standard gravity, m/s². */
    public static final double GRAVITY = 9.80665;
    /** Full scale of the simulated sensor: ±4 g. */
    public static final double RANGE = 4 * GRAVITY;
    /** One step of its 12-bit output over ±4 g. */
    public static final double LSB = 2 * RANGE / 4096;

    /** The gestures, with their label, typical frequency and peak motion acceleration. */
    public enum Gesture {
        IDLE(0, 0),
        WAVE(1.9, 6.0),
        CIRCLE(1.0, 5.0),
        UPDOWN(1.5, 6.5),
        SNAKE(0.75, 3.5);

        private final double frequencyHz;
        private final double amplitude;

        Gesture(double frequencyHz, double amplitude) {
            this.frequencyHz = frequencyHz;
            this.amplitude = amplitude;
        }

        /** The label, e.g. {@code updown}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Typical repetition rate in Hz (0 for idle). */
        public double frequencyHz() {
            return frequencyHz;
        }

        /** Typical peak motion acceleration in m/s² (0 for idle). */
        public double amplitude() {
            return amplitude;
        }
    }

    /** The four classes of Edge Impulse's continuous-motion tutorial. */
    public static final Set<Gesture> CLASSIC = EnumSet.of(Gesture.IDLE, Gesture.WAVE, Gesture.CIRCLE, Gesture.UPDOWN);

    private static final List<Sensor> SENSORS =
            List.of(new Sensor("accX", "m/s2"), new Sensor("accY", "m/s2"), new Sensor("accZ", "m/s2"));

    private final long seed;
    private final int persons;
    private final int recordingsPerGesture;
    private final double lengthSeconds;
    private final double frequencyHz;
    private final List<Gesture> gestures;
    private final double noiseScale;

    private GestureDataset(Builder b) {
        this.seed = b.seed;
        this.persons = b.persons;
        this.recordingsPerGesture = b.recordingsPerGesture;
        this.lengthSeconds = b.lengthSeconds;
        this.frequencyHz = b.frequencyHz;
        this.gestures = EnumSet.copyOf(b.gestures).stream().toList();
        this.noiseScale = b.noiseScale;
    }

    /** A builder; every setting is optional (10 persons × 5 recordings × 10 s of the classic gestures, seed 42). */
    public static Builder builder() {
        return new Builder();
    }

    public int persons() {
        return persons;
    }

    public List<Gesture> gestures() {
        return gestures;
    }

    public double frequencyHz() {
        return frequencyHz;
    }

    /** The labels, in {@link Gesture} order. */
    public List<String> labels() {
        return gestures.stream().map(Gesture::label).toList();
    }

    /** Every recording: for each person, each gesture, each recording, in that order. */
    public List<SyntheticSample> generate() {
        List<SyntheticSample> samples = new ArrayList<>(persons * gestures.size() * recordingsPerGesture);
        for (int p = 0; p < persons; p++) {
            for (Gesture g : gestures) {
                for (int r = 0; r < recordingsPerGesture; r++) {
                    samples.add(recording(p, g, r));
                }
            }
        }
        return samples;
    }

    /** How sloppy person {@code p} is, in [0, 1]: noise, drift, wander and pauses grow with it. */
    public double sloppiness(int person) {
        return Person.of(seed, person, noiseScale).sloppiness;
    }

    /** The white noise standard deviation of person {@code p}'s sensor, m/s². */
    public double noiseSd(int person) {
        return Person.of(seed, person, noiseScale).noiseSd;
    }

    /** One recording (any indexes, also beyond the dataset's counts). */
    public SyntheticSample recording(int person, Gesture gesture, int recording) {
        Person who = Person.of(seed, person, noiseScale);
        Randomness rnd = Randomness.of(seed, 2, person, gesture.ordinal(), recording);
        int n = Math.max(1, (int) Math.round(lengthSeconds * frequencyHz));
        double dt = 1 / frequencyHz;
        double s = who.sloppiness;

        // how this recording was held: the person's grip plus a small wobble
        double[][] grip = multiply(
                who.grip,
                rotation(
                        Math.toRadians(rnd.gaussian(0, 4 * (1 + s))),
                        Math.toRadians(rnd.gaussian(0, 4 * (1 + s))),
                        Math.toRadians(rnd.gaussian(0, 6))));
        double amplitude = gesture.amplitude * who.amplitude * rnd.logNormal(0.08 + 0.1 * s);
        double frequency = gesture.frequencyHz * who.tempo * rnd.logNormal(0.04 + 0.05 * s);
        Wander tempoWander = new Wander(rnd, 0.03 * (1 + 2 * s));
        Wander amplitudeWander = new Wander(rnd, 0.08 * (1 + s));
        double phase = rnd.uniform(0, 2 * Math.PI);
        double[] pause = rnd.chance(0.1 + 0.35 * s) && lengthSeconds > 3
                ? new double[] {rnd.uniform(0.5, lengthSeconds - 2), rnd.uniform(0.6, 1.6)}
                : null;
        boolean onTable = gesture == Gesture.IDLE && rnd.chance(0.3);
        if (onTable) {
            // lying on a table: face up, face down or on an edge, any heading
            double[] rolls = {0, Math.PI, Math.PI / 2, -Math.PI / 2};
            grip = rotation(
                    rolls[rnd.index(4)] + rnd.gaussian(0, 0.03), rnd.gaussian(0, 0.03), rnd.uniform(-Math.PI, Math.PI));
        }
        Tremor tremor = new Tremor(rnd, dt, onTable ? 0.004 : 0.07 * (1 + s), onTable ? 0 : 0.03 * (1 + s));
        double postureRoll = 0;
        double posturePitch = 0;
        double postureStep = onTable ? 0 : Math.toRadians(0.25) * Math.sqrt(dt) * (1 + s);

        double[] bias = who.bias.clone();
        double[] drift = {
            rnd.gaussian(0, 0.01 * (1 + s)), rnd.gaussian(0, 0.01 * (1 + s)), rnd.gaussian(0, 0.01 * (1 + s))
        };
        double walk = 0.015 * (1 + 2 * s) * Math.sqrt(dt);

        float[][] v = new float[3][n];
        double theta = phase;
        double[] motion = new double[3];
        double[] force = new double[3];
        for (int i = 0; i < n; i++) {
            double t = i * dt;
            theta += 2 * Math.PI * frequency * (1 + tempoWander.at(t)) * dt;
            double a = amplitude * (1 + amplitudeWander.at(t)) * pauseEnvelope(pause, t);
            double[][] dynamic = motion(gesture, who, theta, a, motion);
            postureRoll += rnd.gaussian(0, postureStep);
            posturePitch += rnd.gaussian(0, postureStep);
            // device to world: the hand's motion, then the slow posture change, then the grip
            double[][] device = multiply(dynamic, multiply(rotation(postureRoll, posturePitch, 0), grip));
            tremor.next(motion);
            // the accelerometer measures specific force: motion plus the reaction to gravity, in the device frame
            double fx = motion[0];
            double fy = motion[1];
            double fz = motion[2] + GRAVITY;
            for (int axis = 0; axis < 3; axis++) {
                force[axis] = device[0][axis] * fx + device[1][axis] * fy + device[2][axis] * fz;
            }
            for (int axis = 0; axis < 3; axis++) {
                bias[axis] += rnd.gaussian(0, walk);
                double reading =
                        who.scale[axis] * force[axis] + bias[axis] + drift[axis] * t + rnd.gaussian(0, who.noiseSd);
                v[axis][i] = (float) quantise(reading);
            }
        }
        String name = String.format(Locale.ROOT, "%s.p%02d.r%02d", gesture.label(), person, recording);
        SampleData data = SampleData.builder()
                .setSensors(SENSORS)
                .setIntervalMs(1000 / frequencyHz)
                .setValues(v)
                .optDeviceName("synthetic-p" + person)
                .optDeviceType("SYNTHETIC_ACCELEROMETER")
                .build();
        return new SyntheticSample(name, gesture.label(), person, recording, data);
    }

    /**
     * The motion acceleration of a gesture at phase {@code theta} (world frame: x right, y forward, z up) into
     * {@code out}, and the rotation the motion gives the hand (device to world).
     */
    private static double[][] motion(Gesture gesture, Person who, double theta, double a, double[] out) {
        switch (gesture) {
            case IDLE -> {
                out[0] = 0;
                out[1] = 0;
                out[2] = 0;
                return IDENTITY;
            }
            case WAVE -> {
                out[0] = a * Math.sin(theta);
                out[1] = 0.1 * a * Math.sin(theta + who.stylePhase);
                out[2] = 0.25 * a * Math.sin(2 * theta + who.stylePhase);
                // the wrist rolls with the wave: gravity swings between x and z
                return rotation(0, who.waveRoll * Math.sin(theta + 0.3), 0);
            }
            case CIRCLE -> {
                out[0] = a * Math.cos(theta);
                out[1] = 0.12 * a * Math.sin(theta + who.stylePhase);
                out[2] = who.circleDirection * who.circleAspect * a * Math.sin(theta);
                return rotation(0, Math.toRadians(6) * Math.cos(theta), 0);
            }
            case UPDOWN -> {
                out[0] = 0.1 * a * Math.sin(theta + who.stylePhase);
                out[1] = 0.1 * a * Math.sin(theta);
                out[2] = a * (Math.sin(theta) + who.harmonic * Math.sin(2 * theta + who.stylePhase));
                return rotation(Math.toRadians(8) * Math.sin(theta), 0, 0);
            }
            case SNAKE -> {
                out[0] = a * Math.sin(theta);
                out[1] = 0.35 * a * Math.sin(2 * theta + who.stylePhase);
                out[2] = 0.1 * a * Math.sin(theta + 1);
                return rotation(0, Math.toRadians(10) * Math.sin(theta), Math.toRadians(20) * Math.sin(theta + 0.5));
            }
            default -> throw new IllegalStateException("unknown gesture " + gesture);
        }
    }

    /** 1, except during a pause: a 0.25 s ramp down to 5 %, the pause, a ramp back up. */
    private static double pauseEnvelope(double[] pause, double t) {
        if (pause == null) {
            return 1;
        }
        double start = pause[0];
        double end = pause[0] + pause[1];
        double ramp = 0.25;
        double depth;
        if (t <= start - ramp || t >= end + ramp) {
            return 1;
        } else if (t < start) {
            depth = (start - t) / ramp;
        } else if (t > end) {
            depth = (t - end) / ramp;
        } else {
            depth = 0;
        }
        double smooth = 0.5 - 0.5 * Math.cos(Math.PI * depth);
        return 0.05 + 0.95 * smooth;
    }

    private static double quantise(double reading) {
        double clipped = Math.max(-RANGE, Math.min(RANGE - LSB, reading));
        return Math.round(clipped / LSB) * LSB;
    }

    private static final double[][] IDENTITY = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

    /** Device-to-world rotation {@code Rz(yaw)·Ry(pitch)·Rx(roll)}; angles in radians. */
    static double[][] rotation(double roll, double pitch, double yaw) {
        double cr = Math.cos(roll);
        double sr = Math.sin(roll);
        double cp = Math.cos(pitch);
        double sp = Math.sin(pitch);
        double cy = Math.cos(yaw);
        double sy = Math.sin(yaw);
        return new double[][] {
            {cy * cp, cy * sp * sr - sy * cr, cy * sp * cr + sy * sr},
            {sy * cp, sy * sp * sr + cy * cr, sy * sp * cr - cy * sr},
            {-sp, cp * sr, cp * cr}
        };
    }

    static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
            }
        }
        return c;
    }

    /** What stays the same across one person's recordings. */
    private static final class Person {
        final double sloppiness;
        final double amplitude;
        final double tempo;
        final double[][] grip;
        final double[] bias;
        final double[] scale;
        final double noiseSd;
        final double waveRoll;
        final double circleDirection;
        final double circleAspect;
        final double harmonic;
        final double stylePhase;

        private Person(Randomness rnd, double noiseScale) {
            sloppiness = rnd.uniform();
            amplitude = Math.max(0.55, Math.min(1.7, rnd.logNormal(0.2)));
            tempo = Math.max(0.7, Math.min(1.4, rnd.logNormal(0.15)));
            grip = rotation(
                    Math.toRadians(rnd.truncatedGaussian(0, 15, -40, 40)),
                    Math.toRadians(rnd.truncatedGaussian(0, 15, -40, 40)),
                    Math.toRadians(rnd.uniform(-40, 40)));
            bias = new double[] {rnd.gaussian(0, 0.25), rnd.gaussian(0, 0.25), rnd.gaussian(0, 0.25)};
            scale = new double[] {rnd.gaussian(1, 0.02), rnd.gaussian(1, 0.02), rnd.gaussian(1, 0.02)};
            noiseSd = (0.05 + 0.5 * sloppiness) * noiseScale;
            waveRoll = Math.toRadians(rnd.uniform(15, 35));
            circleDirection = rnd.chance(0.5) ? 1 : -1;
            circleAspect = rnd.uniform(0.6, 1.0);
            harmonic = rnd.uniform(0.1, 0.35);
            stylePhase = rnd.uniform(0, 2 * Math.PI);
        }

        static Person of(long seed, int person, double noiseScale) {
            return new Person(Randomness.of(seed, 1, person), noiseScale);
        }
    }

    /** A slow random wander around 0: three sinusoids of 0.05–0.3 Hz with random phases. */
    private static final class Wander {
        private final double[] amplitude = new double[3];
        private final double[] frequency = new double[3];
        private final double[] phase = new double[3];

        Wander(Randomness rnd, double size) {
            for (int k = 0; k < 3; k++) {
                amplitude[k] = size * rnd.uniform(0.3, 1) / Math.sqrt(3);
                frequency[k] = rnd.uniform(0.05, 0.3);
                phase[k] = rnd.uniform(0, 2 * Math.PI);
            }
        }

        double at(double t) {
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                sum += amplitude[k] * Math.sin(2 * Math.PI * frequency[k] * t + phase[k]);
            }
            return sum;
        }
    }

    /**
     * Hand tremor added to the motion: low-passed noise (first-order, 2 Hz) plus a physiological tremor near 9 Hz
     * (left out when the rate cannot carry it).
     */
    private static final class Tremor {
        private final Randomness rnd;
        private final double rho;
        private final double innovation;
        private final double physiological;
        private final double omega;
        private final double dt;
        private final double[] state = new double[3];
        private double t;

        Tremor(Randomness rnd, double dt, double sd, double physiological) {
            this.rnd = rnd;
            this.dt = dt;
            this.rho = Math.exp(-2 * Math.PI * 2 * dt);
            this.innovation = sd * Math.sqrt(1 - rho * rho);
            this.omega = 2 * Math.PI * rnd.uniform(8, 11);
            this.physiological = omega < Math.PI / dt * 0.8 ? physiological : 0;
        }

        void next(double[] motion) {
            for (int axis = 0; axis < 3; axis++) {
                state[axis] = rho * state[axis] + innovation * rnd.gaussian();
                motion[axis] += state[axis] + physiological * Math.sin(omega * t + axis);
            }
            t += dt;
        }
    }

    /** Settings of a {@link GestureDataset}; all optional. */
    public static final class Builder {
        private long seed = 42;
        private int persons = 10;
        private int recordingsPerGesture = 5;
        private double lengthSeconds = 10;
        private double frequencyHz = 62.5;
        private Set<Gesture> gestures = CLASSIC;
        private double noiseScale = 1;

        private Builder() {}

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder optPersons(int persons) {
            this.persons = persons;
            return this;
        }

        public Builder optRecordingsPerGesture(int recordings) {
            this.recordingsPerGesture = recordings;
            return this;
        }

        public Builder optLengthSeconds(double seconds) {
            this.lengthSeconds = seconds;
            return this;
        }

        /** Sampling rate, 20 to 1000 Hz (default 62.5). */
        public Builder optFrequencyHz(double hz) {
            this.frequencyHz = hz;
            return this;
        }

        public Builder optGestures(Set<Gesture> gestures) {
            this.gestures = Objects.requireNonNull(gestures, "gestures");
            return this;
        }

        /** Multiplies every person's sensor noise (default 1; 0 for noise-free sensors, still with tremor). */
        public Builder optNoiseScale(double scale) {
            this.noiseScale = scale;
            return this;
        }

        /** @throws IllegalArgumentException naming the setting that is out of range */
        public GestureDataset build() {
            if (persons < 1) {
                throw new IllegalArgumentException("persons must be 1 or more, got " + persons);
            }
            if (recordingsPerGesture < 1) {
                throw new IllegalArgumentException(
                        "recordings per gesture must be 1 or more, got " + recordingsPerGesture);
            }
            if (!(lengthSeconds > 0) || lengthSeconds > 3600) {
                throw new IllegalArgumentException("length must be between 0 and 3600 s, got " + lengthSeconds);
            }
            if (!(frequencyHz >= 20) || frequencyHz > 1000) {
                throw new IllegalArgumentException("frequency must be between 20 and 1000 Hz, got " + frequencyHz);
            }
            if (gestures.isEmpty()) {
                throw new IllegalArgumentException("choose at least one gesture");
            }
            if (!(noiseScale >= 0) || !Double.isFinite(noiseScale)) {
                throw new IllegalArgumentException("noise scale must be a finite number >= 0, got " + noiseScale);
            }
            return new GestureDataset(this);
        }
    }
}
