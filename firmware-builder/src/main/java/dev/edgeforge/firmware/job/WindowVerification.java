package dev.edgeforge.firmware.job;

import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.firmware.codegen.TestWindow;
import dev.edgeforge.firmware.verification.ElfStaticRam;
import dev.edgeforge.firmware.verification.QemuVerifier;
import dev.edgeforge.firmware.verification.VerificationReport;
import dev.edgeforge.firmware.verification.VerificationRequest;
import dev.edgeforge.jobs.deploy.DeployResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Runs {@link QemuVerifier} over every test window in batches (one QEMU run each), several QEMU instances at once
 * (one per core of the worker by default), so a long test set is verified in minutes, reports progress and can be
 * cancelled between runs. A stratified sample goes first (every label in its share of the test set, spread over it):
 * when the test set is larger than the sample, the sample's outcome is handed to the caller to store before the rest
 * is sent, and the final outcome covers every window. The first run that fails (QEMU crash, timeout, protocol error)
 * ends the verification: batches not yet started are not sent.
 */
public final class WindowVerification {

    private final Supplier<QemuVerifier> verifier;
    private final int batchSize;
    private final int instances;
    private final int sampleSize;

    /**
     * @param batchSize  windows per QEMU run
     * @param instances  QEMU runs at once
     * @param sampleSize windows of the stratified first sample (0: no sample first)
     */
    public WindowVerification(Supplier<QemuVerifier> verifier, int batchSize, int instances, int sampleSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the verification batch size must be at least 1, got " + batchSize);
        }
        if (instances < 1) {
            throw new IllegalArgumentException("at least one QEMU instance is needed, got " + instances);
        }
        if (sampleSize < 0) {
            throw new IllegalArgumentException("the first sample cannot be negative, got " + sampleSize);
        }
        this.verifier = verifier;
        this.batchSize = batchSize;
        this.instances = instances;
        this.sampleSize = sampleSize;
    }

    /**
     * @param windowsDone told the number of windows verified so far after each batch (from several threads)
     * @param checkpoint  called before each batch (from several threads); throws to stop
     * @param sampleDone  given the stratified sample's outcome (scope: the sample's windows of the test set) before
     *                    the rest is sent; not called when the sample is the whole test set
     */
    public DeployResult.EmulatedRun verify(
            Path elf,
            ModelGraph model,
            Optional<Impulse> impulse,
            List<String> labels,
            TestWindowFile.Windows windows,
            long estimatedInstructions,
            IntConsumer windowsDone,
            Runnable checkpoint,
            Consumer<DeployResult.EmulatedRun> sampleDone) {
        List<TestWindow> all = windows.windows();
        List<String> accuracyLabels = labels.isEmpty() ? model.labels() : labels;
        List<Integer> order = stratifiedOrder(all, sampleSize);
        int first = sampleSize > 0 && sampleSize < all.size() ? sampleSize : all.size();
        long start = System.nanoTime();
        OptionalLong staticRam = ElfStaticRam.bytes(elf);
        AtomicInteger done = new AtomicInteger();
        Tally tally = new Tally();
        int perRun = windowsPerRun(elf, model, impulse, all);
        ExecutorService pool = Executors.newFixedThreadPool(instances, runnable -> {
            Thread thread = new Thread(runnable, "qemu-verification");
            thread.setDaemon(true);
            return thread;
        });
        try {
            run(
                    pool,
                    order.subList(0, first),
                    elf,
                    model,
                    impulse,
                    labels,
                    all,
                    accuracyLabels,
                    tally,
                    done,
                    windowsDone,
                    checkpoint,
                    perRun);
            if (first < all.size() && tally.failure == null) {
                sampleDone.accept(outcome(windows, first, tally, estimatedInstructions, start, staticRam));
                run(
                        pool,
                        order.subList(first, all.size()),
                        elf,
                        model,
                        impulse,
                        labels,
                        all,
                        accuracyLabels,
                        tally,
                        done,
                        windowsDone,
                        checkpoint,
                        perRun);
            }
        } finally {
            pool.shutdownNow();
        }
        return outcome(windows, all.size(), tally, estimatedInstructions, start, staticRam);
    }

    /** The batches of {@code indices} (windows of {@code all}) on the pool; adds each finished batch to the tally. */
    private void run(
            ExecutorService pool,
            List<Integer> indices,
            Path elf,
            ModelGraph model,
            Optional<Impulse> impulse,
            List<String> labels,
            List<TestWindow> all,
            List<String> accuracyLabels,
            Tally tally,
            AtomicInteger done,
            IntConsumer windowsDone,
            Runnable checkpoint,
            int perRun) {
        QemuVerifier qemu = verifier.get();
        AtomicBoolean stop = new AtomicBoolean();
        CompletionService<Batch> batches = new ExecutorCompletionService<>(pool);
        int submitted = 0;
        for (int from = 0; from < indices.size(); from += perRun) {
            List<Integer> batch = List.copyOf(indices.subList(from, Math.min(indices.size(), from + perRun)));
            batches.submit(() -> {
                if (stop.get()) {
                    return new Batch(batch, null);
                }
                checkpoint.run();
                List<TestWindow> windows = batch.stream().map(all::get).toList();
                VerificationReport report = qemu.verify(elf, new VerificationRequest(model, impulse, labels, windows));
                synchronized (done) { // counts reported in increasing order, whichever batch ends first
                    windowsDone.accept(done.addAndGet(batch.size()));
                }
                return new Batch(batch, report);
            });
            submitted++;
        }
        RuntimeException thrown = null;
        for (int i = 0; i < submitted; i++) {
            try {
                Batch batch = batches.take().get();
                if (batch.report() == null) {
                    continue; // not sent: an earlier batch failed or the run was stopped
                }
                tally.add(batch.report(), batch.indices(), labelled(batch.indices(), all, accuracyLabels));
                if (batch.report().failure().isPresent() && tally.failure == null) {
                    tally.failure = batch.report().failure().get();
                    stop.set(true);
                }
            } catch (ExecutionException e) {
                stop.set(true);
                if (thrown == null) {
                    thrown = e.getCause() instanceof RuntimeException runtime
                            ? runtime
                            : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.set(true);
                throw new IllegalStateException("interrupted while verifying", e);
            }
        }
        if (thrown != null) {
            throw thrown; // a cancel (JobCancelledException) or a bug: the caller decides
        }
    }

    /**
     * Windows per QEMU run: the batch size, or fewer when the windows go through the image's free flash (the
     * verifier's loader) and it holds fewer, so that no window of a run has to cross the serial line.
     */
    private int windowsPerRun(Path elf, ModelGraph model, Optional<Impulse> impulse, List<TestWindow> all) {
        if (all.isEmpty()) {
            return batchSize;
        }
        int loadable = verifier.get().windowsPerLoad(elf, QemuVerifier.itemBytes(model, impulse, all));
        return loadable > 0 ? Math.min(loadable, batchSize) : batchSize;
    }

    /**
     * Peak RAM: the linked image's static RAM (sections in RAM but the stack's reservation) plus the deepest the
     * painted stack went; no heap, the images have none ({@link ElfStaticRam}). Null without either figure.
     */
    private static Long peakRam(Tally tally, OptionalLong staticRam) {
        Integer stack = tally.stackBytes();
        return stack == null || staticRam.isEmpty() ? null : staticRam.getAsLong() + stack;
    }

    /** One QEMU run: the windows' indices in the test set and its report ({@code null}: not sent). */
    private record Batch(List<Integer> indices, VerificationReport report) {}

    private static DeployResult.EmulatedRun outcome(
            TestWindowFile.Windows windows,
            int scope,
            Tally tally,
            long estimatedInstructions,
            long start,
            OptionalLong staticRam) {
        int total = windows.windows().size();
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        String note = scope < total
                ? windows.note() + "; a stratified sample of " + scope + " of the " + total
                        + " windows, verified first (the rest is running)"
                : windows.note();
        if (tally.failure != null) {
            int answered = tally.matching + tally.mismatchCount;
            return new DeployResult.RunFailed(
                    tally.board,
                    windows.source(),
                    note,
                    scope,
                    tally.matching,
                    tally.mismatchCount,
                    tally.mismatches(),
                    tally.unit,
                    tally.instructions(),
                    estimatedInstructions,
                    tally.deviceAccuracy(),
                    tally.serverAccuracy(),
                    tally.labelled,
                    tally.failure + " (" + (scope - answered) + " of " + scope + " windows were not answered)",
                    elapsed,
                    tally.path(),
                    tally.stackBytes(),
                    total,
                    peakRam(tally, staticRam));
        }
        if (tally.matching == scope) {
            return new DeployResult.Verified(
                    tally.board,
                    windows.source(),
                    note,
                    scope,
                    tally.unit,
                    tally.instructions(),
                    estimatedInstructions,
                    tally.deviceAccuracy(),
                    tally.serverAccuracy(),
                    tally.labelled,
                    elapsed,
                    tally.path(),
                    tally.stackBytes(),
                    total,
                    peakRam(tally, staticRam));
        }
        return new DeployResult.OutputsDiffer(
                tally.board,
                windows.source(),
                note,
                scope,
                tally.matching,
                tally.mismatchCount,
                tally.mismatches(),
                tally.unit,
                tally.instructions(),
                estimatedInstructions,
                tally.deviceAccuracy(),
                tally.serverAccuracy(),
                tally.labelled,
                elapsed,
                tally.path(),
                tally.stackBytes(),
                total,
                peakRam(tally, staticRam));
    }

    /**
     * Every window's index, the stratified sample's first: each label (unlabelled windows are a group of their own)
     * gets its share of {@code sample} by largest remainder, at least one window while the sample allows, spread
     * evenly over the label's windows in test-set order; then the remaining windows in test-set order.
     */
    public static List<Integer> stratifiedOrder(List<TestWindow> windows, int sample) {
        if (sample <= 0 || sample >= windows.size()) {
            return IntStream.range(0, windows.size()).boxed().toList();
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < windows.size(); i++) {
            groups.computeIfAbsent(windows.get(i).label().orElse(""), label -> new ArrayList<>())
                    .add(i);
        }
        List<List<Integer>> members = new ArrayList<>(groups.values());
        int[] share = new int[members.size()];
        double[] remainder = new double[members.size()];
        int given = 0;
        for (int g = 0; g < members.size(); g++) {
            double exact = (double) sample * members.get(g).size() / windows.size();
            share[g] = (int) Math.floor(exact);
            remainder[g] = exact - share[g];
            given += share[g];
        }
        // every label at least once, then the largest remainders, until the sample is full
        for (int g = 0; g < members.size() && given < sample; g++) {
            if (share[g] == 0) {
                share[g] = 1;
                remainder[g] = -1;
                given++;
            }
        }
        while (given < sample) {
            int best = 0;
            for (int g = 1; g < members.size(); g++) {
                if (remainder[g] > remainder[best]) {
                    best = g;
                }
            }
            share[best]++;
            remainder[best] = -1;
            given++;
        }
        List<Integer> order = new ArrayList<>(windows.size());
        boolean[] taken = new boolean[windows.size()];
        for (int g = 0; g < members.size(); g++) {
            List<Integer> group = members.get(g);
            int n = Math.min(share[g], group.size());
            for (int k = 0; k < n; k++) {
                int index = group.get((int) ((long) k * group.size() / n));
                order.add(index);
                taken[index] = true;
            }
        }
        order.sort(null);
        for (int i = 0; i < windows.size(); i++) {
            if (!taken[i]) {
                order.add(i);
            }
        }
        return order;
    }

    /** Windows that count for accuracy: labelled with one of the classes (as the verifier counts them). */
    private static int labelled(List<Integer> indices, List<TestWindow> all, List<String> labels) {
        return labels.isEmpty()
                ? 0
                : (int) indices.stream()
                        .map(all::get)
                        .filter(window ->
                                window.label().filter(labels::contains).isPresent())
                        .count();
    }

    /** The batches added up. */
    private static final class Tally {
        String board = "";
        String unit = "";
        String failure;
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
        boolean raw = true;
        Integer stackBytes;
        final Part dsp = new Part();
        final Part network = new Part();
        boolean split = true;

        void add(VerificationReport report, List<Integer> indices, int labelledInBatch) {
            board = report.boardId();
            unit = report.counterUnit();
            matching += report.matching();
            mismatchCount += report.mismatchCount();
            for (VerificationReport.Mismatch m : report.mismatches()) {
                mismatches.add(new DeployResult.Mismatch(
                        indices.get(m.window()),
                        ints(m.expected()),
                        ints(m.actual()),
                        m.differingValues(),
                        m.firstDifference(),
                        m.maxDifference()));
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

        /** The first mismatches in test-set order (batches finish in any order). */
        List<DeployResult.Mismatch> mismatches() {
            return mismatches.stream()
                    .sorted(Comparator.comparingInt(DeployResult.Mismatch::window))
                    .limit(VerificationReport.MAX_MISMATCHES)
                    .toList();
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
