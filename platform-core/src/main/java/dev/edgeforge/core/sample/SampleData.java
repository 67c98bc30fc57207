package dev.edgeforge.core.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A sample held in memory: one or more sensor axes sampled every {@link #intervalMs()} milliseconds, the values
 * per axis, the device that recorded it and, for images and audio, what the original file was.
 *
 * <p>Rules, checked when a value is built (a {@link SampleDataViolation} otherwise):
 * <ul>
 *   <li>at least one sensor, sensor names unique;</li>
 *   <li>one value array per sensor, all of the same length;</li>
 *   <li>every value finite: NaN and infinities are refused, because no format we read or write can carry them
 *       faithfully and every DSP block would propagate them;</li>
 *   <li>time series: interval finite and &gt; 0 and at least one value per axis;</li>
 *   <li>images: an {@link ImageInfo}, interval 0 and no values (the pixels live in the image file; see
 *       {@code dev.edgeforge.core.format.image}); an image is never audio.</li>
 * </ul>
 *
 * <p>Instances are immutable: arrays are copied in and out. Operations ({@link #crop}, {@link #slice} and
 * {@link SampleSplitter}) return new instances that keep the sensors, device and audio details.
 */
public final class SampleData {

    private final List<Sensor> sensors;
    private final double intervalMs;
    private final float[][] values;
    private final String deviceName;
    private final String deviceType;
    private final ImageInfo image;
    private final AudioInfo audio;

    private SampleData(Builder b, float[][] ownedValues) {
        this.sensors = List.copyOf(b.sensors);
        this.intervalMs = b.intervalMs;
        this.values = ownedValues;
        this.deviceName = b.deviceName;
        this.deviceType = b.deviceType;
        this.image = b.image;
        this.audio = b.audio;
        validate();
    }

    /** A builder: {@code setSensors}, {@code setIntervalMs} and {@code setValues} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A time series without device or audio details. */
    public static SampleData timeSeries(List<Sensor> sensors, double intervalMs, float[][] values) {
        return builder()
                .setSensors(sensors)
                .setIntervalMs(intervalMs)
                .setValues(values)
                .build();
    }

    /** An image sample: one {@code image} sensor whose units say the channels, interval 0, no values. */
    public static SampleData image(ImageInfo image) {
        return builder()
                .setSensors(List.of(new Sensor("image", image.unitsName())))
                .setIntervalMs(0)
                .setValues(new float[1][0])
                .optImage(image)
                .build();
    }

    /** A builder holding this sample's metadata and values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder().setSensors(sensors).setIntervalMs(intervalMs);
        b.values = values; // copied again by build()
        b.deviceName = deviceName;
        b.deviceType = deviceType;
        b.image = image;
        b.audio = audio;
        return b;
    }

    private void validate() {
        if (sensors.isEmpty()) {
            throw new SampleDataViolation("a sample needs at least one sensor");
        }
        Set<String> names = new HashSet<>();
        for (Sensor s : sensors) {
            if (!names.add(s.name())) {
                throw new SampleDataViolation("sensor name '" + s.name() + "' appears twice");
            }
        }
        if (values.length != sensors.size()) {
            throw new SampleDataViolation(sensors.size() + " sensors but " + values.length + " value axes");
        }
        int n = values[0].length;
        for (int a = 0; a < values.length; a++) {
            if (values[a].length != n) {
                throw new SampleDataViolation("axis '" + sensors.get(a).name() + "' has " + values[a].length
                        + " values, axis '" + sensors.get(0).name() + "' has " + n);
            }
            float[] axis = values[a];
            for (int i = 0; i < axis.length; i++) {
                if (!Float.isFinite(axis[i])) {
                    throw new SampleDataViolation("axis '" + sensors.get(a).name() + "' value " + i + " is " + axis[i]
                            + "; values must be finite");
                }
            }
        }
        if (image != null) {
            if (audio != null) {
                throw new SampleDataViolation("a sample cannot be both an image and audio");
            }
            if (intervalMs != 0 || n != 0) {
                throw new SampleDataViolation("an image sample has interval 0 and no values");
            }
        } else {
            if (!(intervalMs > 0) || !Double.isFinite(intervalMs)) {
                throw new SampleDataViolation("interval " + intervalMs + " ms is not a positive finite number");
            }
            if (n == 0) {
                throw new SampleDataViolation("a time series needs at least one value per axis");
            }
        }
    }

    public List<Sensor> sensors() {
        return sensors;
    }

    public int axisCount() {
        return sensors.size();
    }

    /** Values per axis (0 for an image). */
    public int length() {
        return values[0].length;
    }

    /** Milliseconds between two values of an axis (0 for an image). */
    public double intervalMs() {
        return intervalMs;
    }

    /** Sampling frequency in Hz, {@code 1000 / intervalMs} (0 for an image). */
    public double frequencyHz() {
        return intervalMs == 0 ? 0 : 1000.0 / intervalMs;
    }

    /** Duration in milliseconds, {@code length() * intervalMs()} (Edge Impulse's convention; 0 for an image). */
    public double durationMs() {
        return length() * intervalMs;
    }

    public Optional<String> deviceName() {
        return Optional.ofNullable(deviceName);
    }

    public Optional<String> deviceType() {
        return Optional.ofNullable(deviceType);
    }

    public Optional<ImageInfo> image() {
        return Optional.ofNullable(image);
    }

    public Optional<AudioInfo> audio() {
        return Optional.ofNullable(audio);
    }

    public boolean isImage() {
        return image != null;
    }

    /** Value {@code index} of axis {@code axis}. */
    public float value(int axis, int index) {
        return values[axis][index];
    }

    /** A copy of one axis's values. */
    public float[] axis(int axis) {
        return values[axis].clone();
    }

    /** A copy of all values, {@code [axis][index]}. */
    public float[][] values() {
        float[][] copy = new float[values.length][];
        for (int a = 0; a < values.length; a++) {
            copy[a] = values[a].clone();
        }
        return copy;
    }

    /**
     * The values with timestamps in {@code [startMs, endMs)}: value {@code i} is kept when
     * {@code startMs <= i * intervalMs < endMs}. An end past the sample's duration is clamped to it.
     *
     * @throws SampleDataViolation for an image, a negative or non-finite start, an end not after the start, or a
     *                             range that holds no value
     */
    public SampleData crop(double startMs, double endMs) {
        requireTimeSeries("crop");
        if (!Double.isFinite(startMs) || startMs < 0 || Double.isNaN(endMs) || !(endMs > startMs)) {
            throw new SampleDataViolation("crop range [" + startMs + ", " + endMs + ") ms is not a range from 0 on");
        }
        int from = firstIndexAtOrAfter(startMs);
        int to = endMs >= durationMs() ? length() : firstIndexAtOrAfter(endMs);
        if (from >= to) {
            throw new SampleDataViolation("crop range [" + startMs + ", " + endMs + ") ms holds no values of a "
                    + durationMs() + " ms sample sampled every " + intervalMs + " ms");
        }
        return slice(from, to);
    }

    /** Smallest index whose timestamp is at or after {@code ms}, tolerating rounding in {@code ms / intervalMs}. */
    private int firstIndexAtOrAfter(double ms) {
        double exact = ms / intervalMs;
        double index = Math.ceil(exact - 1e-9 * Math.max(1, Math.abs(exact)));
        return (int) Math.min(Math.max(index, 0), length());
    }

    /**
     * Values {@code fromIndex} (inclusive) to {@code toIndex} (exclusive) of every axis.
     *
     * @throws SampleDataViolation for an image or an empty or out-of-range index range
     */
    public SampleData slice(int fromIndex, int toIndex) {
        requireTimeSeries("slice");
        if (fromIndex < 0 || toIndex > length() || fromIndex >= toIndex) {
            throw new SampleDataViolation(
                    "index range [" + fromIndex + ", " + toIndex + ") is empty or outside 0.." + length());
        }
        float[][] cut = new float[values.length][];
        for (int a = 0; a < values.length; a++) {
            cut[a] = Arrays.copyOfRange(values[a], fromIndex, toIndex);
        }
        return new SampleData(toBuilder(), cut);
    }

    /** Sum of the squares of every value of every axis. */
    public double energy() {
        double sum = 0;
        for (float[] axis : values) {
            for (float v : axis) {
                sum += (double) v * v;
            }
        }
        return sum;
    }

    /** Root mean square over every value of every axis (0 for an image). */
    public double rms() {
        long count = (long) length() * axisCount();
        return count == 0 ? 0 : Math.sqrt(energy() / count);
    }

    /** Root mean square of each axis. */
    public double[] axisRms() {
        double[] rms = new double[values.length];
        for (int a = 0; a < values.length; a++) {
            double sum = 0;
            for (float v : values[a]) {
                sum += (double) v * v;
            }
            rms[a] = values[a].length == 0 ? 0 : Math.sqrt(sum / values[a].length);
        }
        return rms;
    }

    void requireTimeSeries(String operation) {
        if (image != null) {
            throw new SampleDataViolation("cannot " + operation + " an image sample");
        }
    }

    /** Direct access for the splitter in this package; never handed out. */
    float[][] unsafeValues() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SampleData other)) {
            return false;
        }
        return Double.compare(intervalMs, other.intervalMs) == 0
                && sensors.equals(other.sensors)
                && Objects.equals(deviceName, other.deviceName)
                && Objects.equals(deviceType, other.deviceType)
                && Objects.equals(image, other.image)
                && Objects.equals(audio, other.audio)
                && Arrays.deepEquals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sensors, intervalMs, deviceName, deviceType, image, audio, Arrays.deepHashCode(values));
    }

    @Override
    public String toString() {
        return "SampleData[sensors=" + sensors + ", intervalMs=" + intervalMs + ", length=" + length()
                + (deviceName != null ? ", deviceName=" + deviceName : "")
                + (deviceType != null ? ", deviceType=" + deviceType : "")
                + (image != null ? ", " + image : "") + (audio != null ? ", " + audio : "") + "]";
    }

    /** Builds a {@link SampleData}; {@code build()} copies the values and checks every rule. */
    public static final class Builder {
        private List<Sensor> sensors;
        private Double intervalMsOrNull;
        private double intervalMs;
        private float[][] values;
        private String deviceName;
        private String deviceType;
        private ImageInfo image;
        private AudioInfo audio;

        private Builder() {}

        public Builder setSensors(List<Sensor> sensors) {
            this.sensors = new ArrayList<>(Objects.requireNonNull(sensors, "sensors"));
            return this;
        }

        public Builder setIntervalMs(double intervalMs) {
            this.intervalMsOrNull = intervalMs;
            this.intervalMs = intervalMs;
            return this;
        }

        /** Values as {@code [axis][index]}; copied by {@link #build()}. */
        public Builder setValues(float[][] values) {
            this.values = Objects.requireNonNull(values, "values");
            return this;
        }

        public Builder optDeviceName(String deviceName) {
            this.deviceName = deviceName;
            return this;
        }

        public Builder optDeviceType(String deviceType) {
            this.deviceType = deviceType;
            return this;
        }

        public Builder optImage(ImageInfo image) {
            this.image = image;
            return this;
        }

        public Builder optAudio(AudioInfo audio) {
            this.audio = audio;
            return this;
        }

        /**
         * @throws SampleDataViolation when a required setting is missing or a rule of {@link SampleData} is broken
         */
        public SampleData build() {
            if (sensors == null || intervalMsOrNull == null || values == null) {
                throw new SampleDataViolation("sensors, interval and values are required");
            }
            float[][] copy = new float[values.length][];
            for (int a = 0; a < values.length; a++) {
                copy[a] = Objects.requireNonNull(values[a], "values[" + a + "]").clone();
            }
            return new SampleData(this, copy);
        }
    }
}
