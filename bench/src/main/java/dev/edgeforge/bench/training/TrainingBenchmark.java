package dev.edgeforge.bench.training;

import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.learning.EpochMetrics;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.learning.eval.ClassificationReport;
import dev.edgeforge.core.synthetic.GestureWindows;
import dev.edgeforge.training.trainer.Trainer;
import dev.edgeforge.training.trainer.TrainingResult;
import dev.edgeforge.training.trainer.TrainingTiming;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark of the training worker on the reference dataset: 10,000 windows of synthetic 3-axis accelerometer
 * gestures ({@link GestureWindows}: the classic four of {@code GestureDataset}, 20 people), the features users train
 * on (the spectral-analysis DSP block, default parameters, 33 per window), a dense 20-10 network. Prints seconds per
 * epoch and how the epoch time splits between DJL's compute (forward, backward, optimizer step, validation forward)
 * and everything else (batch assembly, NDArray creation, reading results back, metrics).
 *
 * <p>Run: {@code ./edgeforge bench training [--windows=10000 --epochs=30 --batch-size=32 --learning-rate=0.0005
 * --seed=42]}.
 */
public final class TrainingBenchmark {

    private TrainingBenchmark() {}

    public static void main(String[] args) {
        Options options = Options.parse(args);
        PrintStream out = System.out;
        out.println("EdgeForge training benchmark");

        long t0 = System.nanoTime();
        GestureWindows dataset = GestureWindows.generate(options.windows, 20, options.seed);
        long t1 = System.nanoTime();
        float[][] features = GestureWindows.spectralFeatures(dataset.windows());
        long t2 = System.nanoTime();

        LearningBlock block = LearningBlock.defaultsFor(
                LearningBlock.Kind.CLASSIFICATION, FeatureKind.FLAT, TensorShape.of(GestureWindows.FEATURES));
        // every epoch runs: early stopping would make the figure depend on when the loss stops improving
        Hyperparameters hyperparameters = Hyperparameters.defaults()
                .withEarlyStopping(null)
                .withEpochs(options.epochs)
                .withBatchSize(options.batchSize)
                .withLearningRate(options.learningRate)
                .withSeed(options.seed);
        out.printf(
                Locale.ROOT,
                "  dataset   %d windows of 3-axis accelerometer, %d samples at %.1f Hz, gestures %s,"
                        + " 20 people (generated in %.2f s)%n",
                options.windows,
                GestureWindows.SAMPLES,
                GestureWindows.RATE_HZ,
                GestureWindows.GESTURES,
                seconds(t1 - t0));
        out.printf(
                Locale.ROOT,
                "  features  %d per window: spectral analysis %s (computed in %.2f s)%n",
                GestureWindows.FEATURES,
                SpectralAnalysisParams.defaults(),
                seconds(t2 - t1));
        out.printf(
                Locale.ROOT,
                "  network   %s + output head; Adam lr %s, batch %d, %d epochs, validation %.0f %%%n",
                block.layers(),
                hyperparameters.learningRate(),
                hyperparameters.batchSize(),
                hyperparameters.epochs(),
                hyperparameters.validationSplit() * 100);

        List<EpochMetrics> epochs = new ArrayList<>();
        TrainingResult result = Trainer.builder()
                .setArchitecture(block)
                .setHyperparameters(hyperparameters)
                .setFeatures(features)
                .setClassLabels(dataset.labels(), GestureWindows.GESTURES)
                .optEpochListener(metrics -> {
                    epochs.add(metrics);
                    out.println("  " + metrics.toLogLine());
                })
                .build()
                .train();
        out.printf(
                Locale.ROOT,
                "  PyTorch threads: %s intra-op, %s inter-op%n",
                System.getProperty("ai.djl.pytorch.num_threads"),
                System.getProperty("ai.djl.pytorch.num_interop_threads"));
        report(out, result, epochs, dataset);
    }

    private static void report(
            PrintStream out, TrainingResult result, List<EpochMetrics> epochs, GestureWindows dataset) {
        TrainingTiming timing = result.timing();
        double[] epochSeconds = epochs.stream()
                .mapToDouble(m -> m.epochMillis() / 1000.0)
                .sorted()
                .toArray();
        double withoutFirst = epochs.size() > 1
                ? epochs.stream()
                        .skip(1)
                        .mapToDouble(m -> m.epochMillis() / 1000.0)
                        .average()
                        .orElse(0)
                : 0;
        double epochNanos = timing.epochNanos();
        out.println();
        out.printf(
                Locale.ROOT,
                "RESULT seconds per epoch: %.3f (mean of %d), median %.3f, mean without epoch 1 %.3f%n",
                timing.secondsPerEpoch(),
                timing.epochs(),
                epochSeconds[epochSeconds.length / 2],
                withoutFirst);
        out.printf(
                Locale.ROOT,
                "RESULT share of epoch time outside DJL compute: %.1f %%%n",
                timing.outsideComputeShare() * 100);
        out.printf(
                Locale.ROOT,
                "  DJL compute (forward, loss, backward, step, validation forward) %5.1f %%%n",
                timing.computeNanos() / epochNanos * 100);
        out.printf(
                Locale.ROOT,
                "  data preparation (shuffle, batching, augmentation, NDArray creation) %5.1f %%%n",
                timing.dataPreparationNanos() / epochNanos * 100);
        out.printf(
                Locale.ROOT,
                "  metrics (reading losses and outputs back, accuracy, validation loss) %5.1f %%%n",
                timing.metricsNanos() / epochNanos * 100);
        out.printf(Locale.ROOT, "  other (listener, bookkeeping) %5.1f %%%n", timing.otherNanos() / epochNanos * 100);
        out.printf(
                Locale.ROOT,
                "  setup (engine load, network build, initialization) %.2f s, not in the epochs%n",
                seconds(timing.setupNanos()));
        int[] actual = Arrays.stream(result.validationIndices())
                .map(i -> dataset.labels()[i])
                .toArray();
        ClassificationReport validation =
                ClassificationReport.of(actual, result.validationOutputs(), GestureWindows.GESTURES, 0);
        out.printf(
                Locale.ROOT,
                "  validation accuracy %.4f, macro F1 %.4f; export check max difference %.2e%n",
                validation.accuracy(),
                validation.macroF1(),
                result.exportCheck().maxAbsoluteDifference());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** Command-line options, {@code --name=value}. */
    private record Options(int windows, int epochs, int batchSize, double learningRate, long seed) {

        static Options parse(String[] args) {
            int windows = 10_000;
            int epochs = 30;
            int batchSize = 32;
            double learningRate = 0.0005;
            long seed = 42;
            for (String arg : args) {
                String[] parts = arg.split("=", 2);
                if (parts.length != 2 || parts[1].isBlank()) {
                    throw new IllegalArgumentException("expected --name=value, got " + arg);
                }
                switch (parts[0]) {
                    case "--windows" -> windows = Integer.parseInt(parts[1]);
                    case "--epochs" -> epochs = Integer.parseInt(parts[1]);
                    case "--batch-size" -> batchSize = Integer.parseInt(parts[1]);
                    case "--learning-rate" -> learningRate = Double.parseDouble(parts[1]);
                    case "--seed" -> seed = Long.parseLong(parts[1]);
                    default ->
                        throw new IllegalArgumentException("unknown option " + parts[0]
                                + "; known: --windows, --epochs, --batch-size, --learning-rate, --seed");
                }
            }
            return new Options(windows, epochs, batchSize, learningRate, seed);
        }
    }
}
