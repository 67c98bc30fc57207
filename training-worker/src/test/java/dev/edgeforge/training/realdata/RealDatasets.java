package dev.edgeforge.training.realdata;

import dev.edgeforge.core.format.ei.EiAcquisitionReader;
import dev.edgeforge.core.format.wav.WavReader;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real recordings under {@code shared/datasets} (see its README.md), read into {@link RealSample}s, with the splits
 * the real-data tests and experiments use. The folder is found by walking up from the working directory to the first
 * folder that holds {@code shared/datasets}; the system property {@code edgeforge.datasets} names it directly.
 * Nothing is copied into the repository.
 */
public final class RealDatasets {

    /** Sampling interval of the UCR uWave series: about 100 Hz (the archive resampled every series to 315 points). */
    public static final double UWAVE_INTERVAL_MS = 10.0;
    /** Axes of the uWave accelerometer, in the order of the three files. */
    public static final List<String> UWAVE_AXES = List.of("accX", "accY", "accZ");
    /** The three speakers of the fsdd-dev selection. */
    public static final List<String> FSDD_SPEAKERS = List.of("jackson", "nicolas", "theo");

    /**
     * Sampling interval given to the wafer series: the archive states no rate, so the 152 readings are taken as
     * 1.52 s of an in-line sensor at 100 Hz (only the spectral blocks' frequencies depend on it).
     */
    public static final double WAFER_INTERVAL_MS = 10.0;

    private static final Pattern FSDD_NAME = Pattern.compile("(\\d)_([a-z]+)_(\\d+)\\.wav");

    private RealDatasets() {}

    /**
     * The {@code shared/datasets} folder.
     *
     * @throws IllegalStateException saying where it was looked for when there is none
     */
    public static Path root() {
        String property = System.getProperty("edgeforge.datasets");
        if (property != null) {
            Path path = Path.of(property);
            if (!Files.isDirectory(path)) {
                throw new IllegalStateException("edgeforge.datasets=" + property + " is not a folder");
            }
            return path;
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("datasets");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No shared/datasets folder in " + start + " or any folder above it; the "
                + "real-data tests need the recordings described in shared/datasets/README.md (or set "
                + "-Dedgeforge.datasets=<folder>)");
    }

    /**
     * The 896 uWave gestures (UCR UWaveGestureLibrary, training part) in line order: three axes of 315 readings at
     * {@value #UWAVE_INTERVAL_MS} ms, label "1".."8"; id and index are the line number from 0.
     */
    public static List<RealSample> uwave() {
        Path dir = root().resolve("uwave-gestures");
        List<List<String[]>> axes = new ArrayList<>();
        for (String axis : List.of("X", "Y", "Z")) {
            axes.add(readTsv(dir.resolve("UWaveGestureLibrary" + axis + "_TRAIN.tsv")));
        }
        int lines = axes.get(0).size();
        for (List<String[]> axis : axes) {
            if (axis.size() != lines) {
                throw new IllegalStateException("the uWave axis files have different line counts");
            }
        }
        List<Sensor> sensors = UWAVE_AXES.stream()
                .map(name -> new Sensor(name, "g (z-normalised)"))
                .toList();
        List<RealSample> samples = new ArrayList<>(lines);
        for (int line = 0; line < lines; line++) {
            String label = axes.get(0).get(line)[0];
            float[][] values = new float[3][];
            for (int a = 0; a < 3; a++) {
                String[] fields = axes.get(a).get(line);
                if (!fields[0].equals(label)) {
                    throw new IllegalStateException("line " + line + " has different classes in the axis files");
                }
                values[a] = new float[fields.length - 1];
                for (int i = 1; i < fields.length; i++) {
                    values[a][i - 1] = Float.parseFloat(fields[i]);
                }
            }
            String classLabel = Integer.toString((int) Double.parseDouble(label));
            samples.add(new RealSample(
                    "line-" + line,
                    classLabel,
                    "uwave",
                    line,
                    SampleData.timeSeries(sensors, UWAVE_INTERVAL_MS, values)));
        }
        return samples;
    }

    /**
     * The 1,000 wafer recordings (UCR Wafer, training part) in line order: one sensor, 152 readings at
     * {@value #WAFER_INTERVAL_MS} ms, label {@code normal} (class 1) or {@code abnormal} (class -1); id and index are
     * the line number from 0.
     */
    public static List<RealSample> wafer() {
        List<String[]> lines = readTsv(root().resolve("wafer").resolve("Wafer_TRAIN.tsv"));
        List<Sensor> sensors = List.of(new Sensor("sensor", "z-normalised"));
        List<RealSample> samples = new ArrayList<>(lines.size());
        for (int line = 0; line < lines.size(); line++) {
            String[] fields = lines.get(line);
            int cls = (int) Double.parseDouble(fields[0]);
            if (cls != 1 && cls != -1) {
                throw new IllegalStateException("wafer line " + line + " has class " + fields[0] + ", not 1 or -1");
            }
            float[] values = new float[fields.length - 1];
            for (int i = 1; i < fields.length; i++) {
                values[i - 1] = Float.parseFloat(fields[i]);
            }
            samples.add(new RealSample(
                    "wafer-" + line,
                    cls == 1 ? "normal" : "abnormal",
                    "wafer",
                    line,
                    SampleData.timeSeries(sensors, WAFER_INTERVAL_MS, new float[][] {values})));
        }
        return samples;
    }

    /**
     * Wafer for anomaly detection as the dataset's README says: two thirds of the normal recordings (those whose line
     * number is not a multiple of 3) to learn from; the other normal ones and every abnormal one to test on.
     */
    public static RealSplit waferNormalOnly(List<RealSample> wafer) {
        List<RealSample> train = wafer.stream()
                .filter(s -> s.label().equals("normal") && s.index() % 3 != 0)
                .toList();
        List<RealSample> test = wafer.stream()
                .filter(s -> !s.label().equals("normal") || s.index() % 3 == 0)
                .toList();
        return new RealSplit("wafer/normal-only", train, test);
    }

    /** The fsdd-dev spoken digits: 8 kHz mono WAV, label "0".."9", group the speaker, index the file's number. */
    public static List<RealSample> fsdd() {
        Path dir = root().resolve("fsdd-dev");
        List<RealSample> samples = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted(Comparator.comparing(Path::toString)).toList()) {
                Matcher m = FSDD_NAME.matcher(file.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                SampleData data = WavReader.read(Files.readAllBytes(file)).data();
                samples.add(new RealSample(
                        file.getFileName().toString(), m.group(1), m.group(2), Integer.parseInt(m.group(3)), data));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (samples.isEmpty()) {
            throw new IllegalStateException("no {digit}_{speaker}_{index}.wav files in " + dir);
        }
        return samples;
    }

    /**
     * The Edge Impulse Studio export (phone accelerometer, 10 s recordings at 62.5 Hz): its own training/testing split,
     * label the file name's first part. The signatures cannot be verified (nobody knows the key) and are not.
     */
    public static RealSplit eiExport() {
        Path dir = root().resolve("ei-studio-export");
        return new RealSplit("ei-export", eiFolder(dir.resolve("training")), eiFolder(dir.resolve("testing")));
    }

    private static List<RealSample> eiFolder(Path dir) {
        List<RealSample> samples = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            int index = 0;
            for (Path file : files.filter(f -> f.toString().endsWith(".json"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList()) {
                String name = file.getFileName().toString();
                SampleData data = EiAcquisitionReader.read(Files.readAllBytes(file), Optional.empty())
                        .data();
                samples.add(new RealSample(name, name.substring(0, name.indexOf('.')), "ei", index++, data));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return samples;
    }

    /** uWave with the last {@code testCount} lines as the test set (the split: 196). */
    public static RealSplit uwaveLastLines(List<RealSample> uwave, int testCount) {
        int cut = uwave.size() - testCount;
        return new RealSplit("uwave/last-" + testCount, uwave.subList(0, cut), uwave.subList(cut, uwave.size()));
    }

    /**
     * {@link #uwaveLastLines} with classes 5–8 thinned to every fourth training recording (a 4:1 imbalance), the test
     * set unchanged: for measuring class weighting.
     */
    public static RealSplit uwaveImbalanced(List<RealSample> uwave, int testCount) {
        RealSplit balanced = uwaveLastLines(uwave, testCount);
        List<RealSample> train = new ArrayList<>();
        int[] seen = new int[9];
        for (RealSample s : balanced.train()) {
            int label = Integer.parseInt(s.label());
            if (label <= 4 || seen[label]++ % 4 == 0) {
                train.add(s);
            }
        }
        return new RealSplit("uwave/imbalanced-last-" + testCount, train, balanced.test());
    }

    /**
     * {@link #uwaveLastLines} in the units a phone or watch reports: every series multiplied by 4.9 (a z-normalised
     * swing of about ±2 g in m/s²) and 9.81 m/s² of gravity added to Z — to check that the rules do not rely on the
     * archive's normalisation.
     */
    public static RealSplit uwaveInSensorUnits(List<RealSample> uwave, int testCount) {
        RealSplit split =
                uwaveLastLines(uwave.stream().map(RealDatasets::inSensorUnits).toList(), testCount);
        return new RealSplit("uwave/m-s2-last-" + testCount, split.train(), split.test());
    }

    private static RealSample inSensorUnits(RealSample s) {
        float[][] values = s.data().values();
        for (int a = 0; a < values.length; a++) {
            for (int i = 0; i < values[a].length; i++) {
                values[a][i] = values[a][i] * 4.9f + (a == 2 ? 9.81f : 0f);
            }
        }
        List<Sensor> sensors =
                UWAVE_AXES.stream().map(name -> new Sensor(name, "m/s2")).toList();
        return new RealSample(
                s.id(),
                s.label(),
                s.group(),
                s.index(),
                SampleData.timeSeries(sensors, s.data().intervalMs(), values));
    }

    /** uWave with the first {@code testCount} lines as the test set. */
    public static RealSplit uwaveFirstLines(List<RealSample> uwave, int testCount) {
        return new RealSplit(
                "uwave/first-" + testCount, uwave.subList(testCount, uwave.size()), uwave.subList(0, testCount));
    }

    /** FSDD's usual split: indices 0–4 of every speaker and digit are the test set. */
    public static RealSplit fsddStandard(List<RealSample> fsdd) {
        return new RealSplit(
                "fsdd/standard",
                fsdd.stream().filter(s -> s.index() >= 5).toList(),
                fsdd.stream().filter(s -> s.index() < 5).toList());
    }

    /** Train on the other speakers, test on every recording of {@code speaker}. */
    public static RealSplit fsddLeaveSpeakerOut(List<RealSample> fsdd, String speaker) {
        return new RealSplit(
                "fsdd/unseen-" + speaker,
                fsdd.stream().filter(s -> !s.group().equals(speaker)).toList(),
                fsdd.stream().filter(s -> s.group().equals(speaker)).toList());
    }

    private static List<String[]> readTsv(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> !line.isBlank())
                    .map(line -> line.trim().split("\t"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
