package dev.edgeforge.firmware.job;

import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.firmware.codegen.TestWindow;
import dev.edgeforge.firmware.verification.QemuVerifier;
import dev.edgeforge.firmware.verification.VerificationReport;
import dev.edgeforge.firmware.verification.VerificationRequest;
import dev.edgeforge.jobs.deploy.DeployResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Runs {@link QemuVerifier} over every test window in batches (one QEMU run each), so a long test set reports
 * progress and can be cancelled between runs, and adds the batches up into one {@link DeployResult.EmulatedRun}.
 * The first run that fails (QEMU crash, timeout, protocol error) ends the verification: the rest is not sent.
 */
final class WindowVerification {

    private final Supplier<QemuVerifier> verifier;
    private final int batchSize;

    WindowVerification(Supplier<QemuVerifier> verifier, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the verification batch size must be at least 1, got " + batchSize);
        }
        this.verifier = verifier;
        this.batchSize = batchSize;
    }

    /**
     * @param windowsDone told the number of windows verified so far after each batch
     * @param checkpoint  called between batches; throws to stop
     */
    DeployResult.EmulatedRun verify(
            Path elf,
            ModelGraph model,
            Optional<Impulse> impulse,
            List<String> labels,
            TestWindowFile.Windows windows,
            long estimatedInstructions,
            IntConsumer windowsDone,
            Runnable checkpoint) {
        QemuVerifier qemu = verifier.get();
        List<TestWindow> all = windows.windows();
        List<String> accuracyLabels = labels.isEmpty() ? model.labels() : labels;
        Tally tally = new Tally();
        String board = "";
        String unit = "";
        String failure = null;
        for (int from = 0; from < all.size(); from += batchSize) {
            checkpoint.run();
            List<TestWindow> batch = all.subList(from, Math.min(all.size(), from + batchSize));
            VerificationReport report = qemu.verify(elf, new VerificationRequest(model, impulse, labels, batch));
            board = report.boardId();
            unit = report.counterUnit();
            tally.add(report, from, labelled(batch, accuracyLabels));
            windowsDone.accept(from + batch.size());
            if (report.failure().isPresent()) {
                failure = report.failure().get()
                        + (from + batch.size() < all.size()
                                ? " (windows after " + (from + batch.size()) + " were not sent)"
                                : "");
                break;
            }
        }
        if (failure != null) {
            return new DeployResult.RunFailed(
                    board,
                    windows.source(),
                    windows.note(),
                    all.size(),
                    tally.matching,
                    tally.mismatchCount,
                    tally.mismatches,
                    unit,
                    tally.instructions(),
                    estimatedInstructions,
                    tally.deviceAccuracy(),
                    tally.serverAccuracy(),
                    tally.labelled,
                    failure,
                    tally.elapsed.toMillis(),
                    tally.path(),
                    tally.stackBytes());
        }
        if (tally.matching == all.size()) {
            return new DeployResult.Verified(
                    board,
                    windows.source(),
                    windows.note(),
                    all.size(),
                    unit,
                    tally.instructions(),
                    estimatedInstructions,
                    tally.deviceAccuracy(),
                    tally.serverAccuracy(),
                    tally.labelled,
                    tally.elapsed.toMillis(),
                    tally.path(),
                    tally.stackBytes());
        }
        return new DeployResult.OutputsDiffer(
                board,
                windows.source(),
                windows.note(),
                all.size(),
                tally.matching,
                tally.mismatchCount,
                tally.mismatches,
                unit,
                tally.instructions(),
                estimatedInstructions,
                tally.deviceAccuracy(),
                tally.serverAccuracy(),
                tally.labelled,
                tally.elapsed.toMillis(),
                tally.path(),
                tally.stackBytes());
    }

    /** Windows that count for accuracy: labelled with one of the classes (as the verifier counts them). */
    private static int labelled(List<TestWindow> batch, List<String> labels) {
        return labels.isEmpty()
                ? 0
                : (int) batch.stream()
                        .filter(window ->
                                window.label().filter(labels::contains).isPresent())
                        .count();
    }

    /** The batches added up. */
    private static final class Tally {
        int matching;
        int mismatchCount;
        final List<DeployResult.Mismatch> mismatches = new ArrayList<>();
        int labelled;
        double deviceCorrect;
        double serverCorrect;
        boolean accuracy;
        long results;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        double sum;
        Duration elapsed = Duration.ZERO;
        boolean raw = true;
        Integer stackBytes;
        final Part dsp = new Part();
        final Part network = new Part();
        boolean split = true;

        void add(VerificationReport report, int offset, int labelledInBatch) {
            matching += report.matching();
            mismatchCount += report.mismatchCount();
            for (VerificationReport.Mismatch m : report.mismatches()) {
                if (mismatches.size() < VerificationReport.MAX_MISMATCHES) {
                    mismatches.add(new DeployResult.Mismatch(
                            offset + m.window(),
                            ints(m.expected()),
                            ints(m.actual()),
                            m.differingValues(),
                            m.firstDifference(),
                            m.maxDifference()));
                }
            }
            int answered = report.matching() + report.mismatchCount();
            raw &= report.path().equals(VerificationReport.PATH_RAW);
            report.stackBytes()
                    .ifPresent(bytes -> stackBytes = (int) Math.max(bytes, stackBytes == null ? 0 : stackBytes));
            if (report.dspInstructions().isPresent()
                    && report.networkInstructions().isPresent()) {
                dsp.add(report.dspInstructions().get(), answered);
                network.add(report.networkInstructions().get(), answered);
            } else if (answered > 0) {
                split = false;
            }
            report.instructions().ifPresent(stats -> {
                min = Math.min(min, stats.min());
                max = Math.max(max, stats.max());
                sum += stats.mean() * answered;
                results += answered;
            });
            // a run that broke off answered only some windows: its shares are of different sets, leave them out
            if (report.failure().isEmpty()
                    && report.deviceAccuracy().isPresent()
                    && report.referenceAccuracy().isPresent()) {
                accuracy = true;
                labelled += labelledInBatch;
                // the verifier gives shares of the batch's labelled windows; back to counts to add batches up
                deviceCorrect += report.deviceAccuracy().getAsDouble() * labelledInBatch;
                serverCorrect += report.referenceAccuracy().getAsDouble() * labelledInBatch;
            }
            elapsed = elapsed.plus(report.elapsed());
        }

        DeployResult.Instructions instructions() {
            if (results == 0) {
                return null;
            }
            // the parts only when every answered window had them, so that they are of the same windows as the total
            boolean parts = split && dsp.results == results && network.results == results;
            return new DeployResult.Instructions(
                    min, sum / results, max, parts ? dsp.counts() : null, parts ? network.counts() : null);
        }

        String path() {
            return raw && results > 0 ? DeployResult.EmulatedRun.PATH_RAW : DeployResult.EmulatedRun.PATH_FEATURES;
        }

        Integer stackBytes() {
            return stackBytes;
        }

        Double deviceAccuracy() {
            return accuracy && labelled > 0 ? Math.round(deviceCorrect) / (double) labelled : null;
        }

        Double serverAccuracy() {
            return accuracy && labelled > 0 ? Math.round(serverCorrect) / (double) labelled : null;
        }

        /** One part of the inference (DSP block or network) added up over the batches. */
        private static final class Part {
            long results;
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            double sum;

            void add(VerificationReport.InstructionStats stats, int answered) {
                min = Math.min(min, stats.min());
                max = Math.max(max, stats.max());
                sum += stats.mean() * answered;
                results += answered;
            }

            DeployResult.Counts counts() {
                return new DeployResult.Counts(min, sum / results, max);
            }
        }

        private static List<Integer> ints(byte[] bytes) {
            List<Integer> values = new ArrayList<>(bytes.length);
            for (byte b : bytes) {
                values.add((int) b);
            }
            return values;
        }
    }
}
