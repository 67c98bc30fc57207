package dev.edgeforge.training.realdata;

import dev.edgeforge.core.dsp.DspParams;
import dev.edgeforge.core.dsp.FeatureShape;
import dev.edgeforge.core.dsp.FlattenParams;
import dev.edgeforge.core.dsp.ImageParams;
import dev.edgeforge.core.dsp.RawParams;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.feature.FeatureExtractor;
import dev.edgeforge.core.feature.FeatureSource;
import dev.edgeforge.core.feature.WindowFeatures;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.learning.export.Int8Export;
import dev.edgeforge.core.learning.export.TrainedNetworkConverter;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.stats.GraphPredictor;
import dev.edgeforge.core.model.stats.ModelStats;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.training.trainer.Trainer;
import dev.edgeforge.training.trainer.TrainingResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs the model path on a real dataset the way a project does: the impulse (suggested from the training samples)
 * cuts windows and computes features with the platform's DSP blocks, the real {@link Trainer} trains the learning
 * block, the float32 network is quantized to int8 with the worker's rule ({@link Int8Export}), and the int8 reference
 * interpreter ({@link GraphPredictor}) answers every test window. Deterministic: the same split and config give the
 * same figures (training is seeded and single-threaded).
 *
 * <p>Features are cached per impulse and sample list, so configs that only change training reuse them.
 */
public final class RealDataExperiment {

    /**
     * One way of building and training a model.
     *
     * @param name            short, shown in the results table
     * @param impulse         the impulse for the training samples (a suggestion sees nothing else)
     * @param learningBlock   the learning block for the features' kind and shape
     * @param hyperparameters the training settings for the features' kind and shape
     */
    public record Config(
            String name,
            Function<List<SampleData>, Impulse> impulse,
            Function<FeatureInput, LearningBlock> learningBlock,
            Function<FeatureInput, Hyperparameters> hyperparameters) {}

    /** What the learning block receives: the kind and shape of one window's features. */
    public record FeatureInput(FeatureKind kind, TensorShape shape) {}

    /**
     * The outcome of one config on one split.
     *
     * @param floatAccuracy     float32 top-1 over test windows
     * @param int8Accuracy      int8 top-1 over test windows (the int8 reference interpreter)
     * @param agreement         fraction of test windows where int8 and float32 pick the same class
     * @param int8SampleAccuracy int8 top-1 per test recording: its windows' int8 probabilities averaged (a recording
     *                          without windows counts as wrong)
     * @param epochs            epochs run
     * @param bestEpoch         epoch whose weights were kept
     * @param trainSeconds      wall time of {@link Trainer#train()}
     * @param totalSeconds      wall time of the whole run (features, training, quantization, evaluation)
     */
    public record Result(
            String config,
            String split,
            String impulse,
            String shape,
            int trainWindows,
            int testWindows,
            int testSamples,
            double floatAccuracy,
            double int8Accuracy,
            double agreement,
            double int8SampleAccuracy,
            int epochs,
            int bestEpoch,
            long parameters,
            long macs,
            double trainSeconds,
            double totalSeconds) {

        public static String header() {
            return "| config | split | features | train win | test win/rec | float top-1 | int8 top-1 | agree | "
                    + "int8 per-rec | epochs (best) | params | MACs | train s | total s |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";
        }

        public String row() {
            return String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %d | %d/%d | %.4f | %.4f | %.4f | %.4f | %d (%d) | " + "%d | %d | %.0f | %.0f |",
                    config,
                    split,
                    shape,
                    trainWindows,
                    testWindows,
                    testSamples,
                    floatAccuracy,
                    int8Accuracy,
                    agreement,
                    int8SampleAccuracy,
                    epochs,
                    bestEpoch,
                    parameters,
                    macs,
                    trainSeconds,
                    totalSeconds);
        }
    }

    /** Features of some samples' windows. {@code sampleOf[i]} is the index (in the list) of row {@code i}'s sample. */
    record Windows(float[][] rows, int[] labels, int[] sampleOf, FeatureInput input) {}

    private final Map<String, Windows> cache = new HashMap<>();
    private final Consumer<String> log;

    public RealDataExperiment(Consumer<String> log) {
        this.log = log;
    }

    public Result run(Config config, RealSplit split) {
        long start = System.nanoTime();
        List<SampleData> trainData =
                split.train().stream().map(RealSample::data).toList();
        Impulse impulse = config.impulse().apply(trainData);
        List<String> classes = split.train().stream()
                .map(RealSample::label)
                .distinct()
                .sorted()
                .toList();
        Windows train = windows(impulse, split.name() + "/train", split.train(), classes);
        // as the platform's test evaluation: recordings whose label the model does not know are not counted
        List<RealSample> testSamples =
                split.test().stream().filter(s -> classes.contains(s.label())).toList();
        Windows test = windows(impulse, split.name() + "/test", testSamples, classes);
        FeatureInput input = train.input();
        LearningBlock block = config.learningBlock().apply(input);
        Hyperparameters hyperparameters = config.hyperparameters().apply(input);

        long trainStart = System.nanoTime();
        TrainingResult result = Trainer.builder()
                .setArchitecture(block)
                .setHyperparameters(hyperparameters)
                .setFeatures(train.rows(), input.shape(), input.kind())
                .setClassLabels(train.labels(), classes)
                .optEpochListener(epoch -> {
                    if (epoch.epoch() % 10 == 0) {
                        log.accept("  " + config.name() + " " + epoch.toLogLine());
                    }
                })
                .build()
                .train();
        double trainSeconds = (System.nanoTime() - trainStart) / 1e9;

        ModelGraph float32 = new TrainedNetworkConverter().convert(result.network());
        ModelGraph int8 = Int8Export.quantize(
                        float32, train.rows(), train.labels(), result.trainIndices(), hyperparameters.seed())
                .int8();
        GraphPredictor floatPredictor = new GraphPredictor(float32);
        GraphPredictor int8Predictor = new GraphPredictor(int8);
        int floatCorrect = 0;
        int int8Correct = 0;
        int agreeing = 0;
        double[][] sampleScores = new double[testSamples.size()][classes.size()];
        for (int i = 0; i < test.rows().length; i++) {
            int f = GraphPredictor.argmax(floatPredictor.predict(test.rows()[i]));
            float[] q = int8Predictor.predict(test.rows()[i]);
            int qClass = GraphPredictor.argmax(q);
            floatCorrect += f == test.labels()[i] ? 1 : 0;
            int8Correct += qClass == test.labels()[i] ? 1 : 0;
            agreeing += f == qClass ? 1 : 0;
            for (int c = 0; c < q.length; c++) {
                sampleScores[test.sampleOf()[i]][c] += q[c];
            }
        }
        int sampleCorrect = 0;
        for (int s = 0; s < testSamples.size(); s++) {
            int label = classes.indexOf(testSamples.get(s).label());
            boolean hasWindows = false;
            for (double v : sampleScores[s]) {
                hasWindows |= v != 0;
            }
            sampleCorrect += hasWindows && argmax(sampleScores[s]) == label ? 1 : 0;
        }
        ModelStats stats = ModelStats.of(int8);
        int n = test.rows().length;
        return new Result(
                config.name(),
                split.name(),
                describe(impulse),
                input.kind().name().toLowerCase(Locale.ROOT) + input.shape(),
                train.rows().length,
                n,
                testSamples.size(),
                (double) floatCorrect / n,
                (double) int8Correct / n,
                (double) agreeing / n,
                (double) sampleCorrect / testSamples.size(),
                result.history().size(),
                result.bestEpoch(),
                stats.parameters(),
                stats.macs(),
                trainSeconds,
                (System.nanoTime() - start) / 1e9);
    }

    private Windows windows(Impulse impulse, String what, List<RealSample> samples, List<String> classes) {
        String key = impulse + "|" + what;
        Windows cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        long start = System.nanoTime();
        FeatureExtractor extractor = new FeatureExtractor(impulse);
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Integer> sampleOf = new ArrayList<>();
        for (int s = 0; s < samples.size(); s++) {
            RealSample sample = samples.get(s);
            int label = classes.indexOf(sample.label());
            for (WindowFeatures window : extractor.compute(FeatureSource.of(sample.data()))) {
                rows.add(window.features());
                labels.add(label);
                sampleOf.add(s);
            }
        }
        Windows windows = new Windows(
                rows.toArray(float[][]::new),
                labels.stream().mapToInt(Integer::intValue).toArray(),
                sampleOf.stream().mapToInt(Integer::intValue).toArray(),
                featureInput(impulse));
        log.accept(String.format(
                Locale.ROOT,
                "  features %s: %d windows of %d recordings, %s, %.1f s",
                what,
                rows.size(),
                samples.size(),
                windows.input(),
                (System.nanoTime() - start) / 1e9));
        cache.put(key, windows);
        return windows;
    }

    /** The kind and shape the learning block receives, as the platform decides them for one processing block. */
    public static FeatureInput featureInput(Impulse impulse) {
        if (impulse.processingBlocks().size() != 1) {
            throw new IllegalArgumentException("the harness runs impulses with one processing block");
        }
        ProcessingBlock block = impulse.processingBlocks().get(0);
        FeatureShape shape = block.createBlock().outputShape(impulse.signalShapeFor(block));
        DspParams params = block.params();
        FeatureKind kind = params instanceof RawParams
                ? FeatureKind.TIME_SERIES
                : params instanceof FlattenParams || params instanceof SpectralAnalysisParams
                        ? FeatureKind.FLAT
                        : params instanceof ImageParams ? FeatureKind.IMAGE : FeatureKind.SPECTROGRAM;
        TensorShape tensor = kind == FeatureKind.FLAT ? TensorShape.of(shape.length()) : new TensorShape(shape.dims());
        return new FeatureInput(kind, tensor);
    }

    /** A short description of an impulse's input and processing block. */
    public static String describe(Impulse impulse) {
        return impulse.input() + " → " + impulse.processingBlocks().get(0).params();
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
