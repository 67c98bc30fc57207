package dev.edgeforge.firmware.verification;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.learning.anomaly.AnomalyModel;
import dev.edgeforge.core.learning.anomaly.GaussianMixtureModel;
import dev.edgeforge.firmware.codegen.TestWindow;
import dev.edgeforge.firmware.qemu.DeviceBanner;
import dev.edgeforge.firmware.qemu.DeviceErrorException;
import dev.edgeforge.firmware.qemu.QemuException;
import dev.edgeforge.firmware.qemu.QemuRunner;
import dev.edgeforge.firmware.qemu.QemuSession;
import dev.edgeforge.firmware.qemu.SerialProtocolClient;
import dev.edgeforge.firmware.qemu.SerialProtocolViolation;
import dev.edgeforge.jobs.deploy.DeployResult;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * On-device truth for an anomaly model: runs its image in QEMU, sends every test window ({@code score-window} with a
 * raw window, so the image's own DSP block computes the features, else {@code score} with the features), and compares
 * the device's float32 score and decision with the server's ({@link AnomalyModel#score}, in double, on the Java DSP
 * twin's features). The device's score arrives as its exact float32 bits.
 */
public final class AnomalyVerifier {

    /**
     * Scores agree when {@code |device - server| <= RELATIVE_TOLERANCE * max(1, |server|)}: float32 against double,
     * plus the DSP block's C twin, which agrees with the Java one within 1e-4 relative (not bit for bit).
     */
    public static final double RELATIVE_TOLERANCE = 1e-3;
    /** Windows with the largest differences kept in the result. */
    public static final int WORST_KEPT = 5;

    private final QemuRunner qemu;
    private final Duration answerTimeout;

    public AnomalyVerifier(QemuRunner qemu, Duration answerTimeout) {
        this.qemu = qemu;
        this.answerTimeout = answerTimeout;
    }

    /** QEMU from the PATH, at most {@code timeLimit} for the whole run, 60 s per window. */
    public static AnomalyVerifier standard(Duration timeLimit) {
        return new AnomalyVerifier(QemuRunner.builder().optTimeLimit(timeLimit).build(), Duration.ofSeconds(60));
    }

    /**
     * @param elf          the anomaly image for {@code netduinoplus2-qemu}
     * @param model        the model it was built from
     * @param threshold    the threshold it was built with
     * @param impulse      the impulse it holds, if any
     * @param windows      raw windows (with an impulse) or feature windows
     * @param windowSource where they came from ({@code test-set}, …)
     * @param windowNote   the same in words
     * @param progress     told the number of windows answered after each
     */
    public DeployResult.AnomalyScores verify(
            Path elf,
            AnomalyModel model,
            double threshold,
            Optional<Impulse> impulse,
            List<TestWindow> windows,
            String windowSource,
            String windowNote,
            IntConsumer progress) {
        long start = System.nanoTime();
        Optional<ImpulseDsp> dsp = impulse.map(ImpulseDsp::of);
        boolean raw = dsp.isPresent() && windows.stream().allMatch(w -> w.kind() == TestWindow.Kind.RAW);
        double[] expected = new double[windows.size()];
        for (int i = 0; i < windows.size(); i++) {
            float[] values = windows.get(i).values();
            expected[i] = model.score(raw ? dsp.get().features(values) : values);
        }
        List<float[]> answers = new ArrayList<>();
        List<Boolean> decisions = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        List<Long> dspCounts = new ArrayList<>();
        String board = "";
        String unit = "";
        String failure = null;
        try (QemuSession session = qemu.start(elf)) {
            SerialProtocolClient client = new SerialProtocolClient(session, answerTimeout);
            DeviceBanner banner = client.awaitReady();
            board = banner.board();
            unit = banner.counterUnit();
            String features = banner.fields().get("anomaly");
            if (features == null || !features.equals(Integer.toString(model.featureCount()))) {
                throw new SerialProtocolViolation(
                        "an anomaly image for " + model.featureCount() + " features", "anomaly=" + features);
            }
            for (int i = 0; i < windows.size(); i++) {
                float[] values = windows.get(i).values();
                String line = raw
                        ? "score-window " + HexFormat.of().formatHex(dsp.get().windowBytes(values))
                        : "score " + HexFormat.of().formatHex(littleEndian(values));
                String answer = client.exchange(line);
                Answer parsed = Answer.parse(answer, unit);
                answers.add(new float[] {parsed.score()});
                decisions.add(parsed.anomaly());
                counts.add(parsed.count());
                if (parsed.dsp() >= 0) {
                    dspCounts.add(parsed.dsp());
                }
                progress.accept(i + 1);
            }
            client.quit();
            session.awaitExit(answerTimeout);
        } catch (QemuException | SerialProtocolViolation | DeviceErrorException e) {
            failure = e.getMessage();
        }

        int decisionsEqual = 0;
        int within = 0;
        int deviceAnomalies = 0;
        int serverAnomalies = 0;
        Double maxAbsolute = null;
        Double maxRelative = null;
        List<DeployResult.ScoreDifference> differences = new ArrayList<>();
        for (int i = 0; i < expected.length; i++) {
            boolean serverAnomaly = expected[i] > threshold;
            serverAnomalies += serverAnomaly ? 1 : 0;
            if (i >= answers.size()) {
                continue;
            }
            double device = answers.get(i)[0];
            boolean deviceAnomaly = decisions.get(i);
            deviceAnomalies += deviceAnomaly ? 1 : 0;
            decisionsEqual += deviceAnomaly == serverAnomaly ? 1 : 0;
            double absolute = Math.abs(device - expected[i]);
            double relative = absolute / Math.max(1, Math.abs(expected[i]));
            if (Double.isNaN(absolute)) {
                absolute = Double.POSITIVE_INFINITY;
                relative = Double.POSITIVE_INFINITY;
            }
            within += relative <= RELATIVE_TOLERANCE ? 1 : 0;
            maxAbsolute = maxAbsolute == null ? absolute : Math.max(maxAbsolute, absolute);
            maxRelative = maxRelative == null ? relative : Math.max(maxRelative, relative);
            differences.add(new DeployResult.ScoreDifference(i, device, expected[i], deviceAnomaly, serverAnomaly));
        }
        List<DeployResult.ScoreDifference> worst = differences.stream()
                .sorted(Comparator.comparing((DeployResult.ScoreDifference d) -> d.deviceAnomaly() != d.serverAnomaly())
                        .thenComparingDouble(d -> Math.abs(d.device() - d.server()) / Math.max(1, Math.abs(d.server())))
                        .reversed())
                .limit(WORST_KEPT)
                .toList();
        return new DeployResult.AnomalyScores(
                board,
                windowSource,
                windowNote,
                null,
                model instanceof GaussianMixtureModel ? "gmm" : "kmeans",
                threshold,
                windows.size(),
                answers.size(),
                decisionsEqual,
                within,
                finite(maxAbsolute),
                finite(maxRelative),
                RELATIVE_TOLERANCE,
                deviceAnomalies,
                serverAnomalies,
                unit,
                instructions(counts, dspCounts),
                raw ? VerificationReport.PATH_RAW : VerificationReport.PATH_FEATURES,
                failure,
                (System.nanoTime() - start) / 1_000_000,
                worst);
    }

    /** JSON has no infinity: a NaN score on the device is reported as the largest double. */
    private static Double finite(Double value) {
        return value == null || Double.isFinite(value) ? value : Double.MAX_VALUE;
    }

    private static DeployResult.Instructions instructions(List<Long> counts, List<Long> dspCounts) {
        if (counts.isEmpty()) {
            return null;
        }
        DeployResult.Counts total = counts(counts);
        if (dspCounts.size() != counts.size()) {
            return new DeployResult.Instructions(total.min(), total.mean(), total.max(), null, null);
        }
        List<Long> scoring = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            scoring.add(counts.get(i) - dspCounts.get(i));
        }
        return new DeployResult.Instructions(
                total.min(), total.mean(), total.max(), counts(dspCounts), counts(scoring));
    }

    private static DeployResult.Counts counts(List<Long> values) {
        long min = values.stream().mapToLong(Long::longValue).min().orElse(0);
        long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
        double mean = values.stream().mapToLong(Long::longValue).average().orElse(0);
        return new DeployResult.Counts(min, mean, max);
    }

    static byte[] littleEndian(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            buffer.putFloat(value);
        }
        return buffer.array();
    }

    /** One {@code score <bits> <0|1> <unit>=<count> [dsp=<count>]} answer. */
    record Answer(float score, boolean anomaly, long count, long dsp) {

        static Answer parse(String line, String unit) {
            if (line.startsWith("error ")) {
                throw new SerialProtocolViolation("a score line", line);
            }
            String[] parts = line.split(" ");
            if (parts.length < 4 || !parts[0].equals("score") || parts[1].length() != 8) {
                throw new SerialProtocolViolation("'score <8 hex digits> <0|1> " + unit + "=<count>'", line);
            }
            try {
                float score = Float.intBitsToFloat(Integer.parseUnsignedInt(parts[1], 16));
                boolean anomaly = switch (parts[2]) {
                    case "0" -> false;
                    case "1" -> true;
                    default -> throw new SerialProtocolViolation("0 or 1 after the score", line);
                };
                long count = -1;
                long dsp = -1;
                for (int i = 3; i < parts.length; i++) {
                    if (parts[i].startsWith(unit + "=")) {
                        count = Long.parseLong(parts[i].substring(unit.length() + 1));
                    } else if (parts[i].startsWith("dsp=")) {
                        dsp = Long.parseLong(parts[i].substring(4));
                    }
                }
                if (count < 0) {
                    throw new SerialProtocolViolation(unit + "=<count>", line);
                }
                return new Answer(score, anomaly, count, dsp);
            } catch (NumberFormatException e) {
                throw new SerialProtocolViolation("'score <8 hex digits> <0|1> " + unit + "=<count>'", line);
            }
        }
    }
}
