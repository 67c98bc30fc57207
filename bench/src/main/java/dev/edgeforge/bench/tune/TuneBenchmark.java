package dev.edgeforge.bench.tune;

import dev.edgeforge.core.feature.FeatureExtractor;
import dev.edgeforge.core.feature.FeatureSource;
import dev.edgeforge.core.feature.WindowFeatures;
import dev.edgeforge.core.format.SampleParseOptions;
import dev.edgeforge.core.format.SampleParsers;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.suggest.FeatureInput;
import dev.edgeforge.core.impulse.suggest.ImpulseSuggester;
import dev.edgeforge.core.impulse.suggest.SampleSummary;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.export.Int8Export;
import dev.edgeforge.core.learning.export.TrainedNetworkConverter;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.stats.GraphPredictor;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.estimate.DeploymentEstimate;
import dev.edgeforge.jobs.estimate.DeploymentEstimator;
import dev.edgeforge.jobs.tune.TuneLimits;
import dev.edgeforge.jobs.tune.TuneObjective;
import dev.edgeforge.training.trainer.Trainer;
import dev.edgeforge.training.trainer.TrainingResult;
import dev.edgeforge.training.tune.CandidateSpec;
import dev.edgeforge.training.tune.DjlCandidateTrainer;
import dev.edgeforge.training.tune.LabelledSample;
import dev.edgeforge.training.tune.SearchSpace;
import dev.edgeforge.training.tune.SuccessiveHalving;
import dev.edgeforge.training.tune.Trial;
import dev.edgeforge.training.tune.TuneJobHandler;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Does a timed tune beat the defaults? For each real dataset of {@code shared/datasets} (uWave gestures: the last 196
 * recordings are the test set; spoken digits: the dataset's usual split, indices 0–4 test): the platform's defaults
 * (the suggested impulse, its default network, default training) and the tuner's search (the same search as a
 * {@code tune} job: the training samples only, a fifth held out, successive halving within the budget) on the
 * NUCLEO-L4R5ZI under 20 ms, 32 KB RAM and 128 KB flash; the best fitting candidate is then trained in full with the
 * default training at its learning rate. Prints, per dataset: the search's wall time and candidates, both models'
 * int8 top-1 on the test set and their estimated costs and fit.
 *
 * <p>Run: {@code ./edgeforge bench tune [--minutes=10 --datasets=uwave,fsdd --seed=42]}.
 */
public final class TuneBenchmark {

    private static final TuneLimits LIMITS = new TuneLimits(20.0, 32 * 1024, 128 * 1024);
    private static final String BOARD = "nucleo-l4r5zi";
    private static final Pattern FSDD_NAME = Pattern.compile("(\\d)_([a-z]+)_(\\d+)\\.wav");

    private TuneBenchmark() {}

    private record Split(List<LabelledSample> train, List<LabelledSample> test) {}

    private record Outcome(double int8Accuracy, DeploymentEstimate estimate, int epochs, double seconds) {}

    public static void main(String[] args) {
        double minutes = 10;
        List<String> datasets = List.of("uwave", "fsdd");
        long seed = 42;
        for (String arg : args) {
            if (arg.startsWith("--minutes=")) {
                minutes = Double.parseDouble(arg.substring(10));
            } else if (arg.startsWith("--datasets=")) {
                datasets = List.of(arg.substring(11).split(","));
            } else if (arg.startsWith("--seed=")) {
                seed = Long.parseLong(arg.substring(7));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        PrintStream out = System.out;
        Board board = BoardCatalogue.standard().byId(BOARD);
        out.printf(
                Locale.ROOT,
                "EdgeForge tune benchmark: %s, limits 20 ms, 32 KB RAM, 128 KB flash; search budget %.1f min, seed %d;"
                        + " %d processors%n",
                board.name(),
                minutes,
                seed,
                Runtime.getRuntime().availableProcessors());
        for (String dataset : datasets) {
            Split split = switch (dataset) {
                case "uwave" -> uwave();
                case "fsdd" -> fsdd();
                default -> throw new IllegalArgumentException("unknown dataset " + dataset);
            };
            run(out, dataset, split, board, minutes, seed);
        }
    }

    private static void run(PrintStream out, String name, Split split, Board board, double minutes, long seed) {
        List<String> classes = split.train().stream()
                .map(LabelledSample::label)
                .distinct()
                .sorted()
                .toList();
        out.printf(
                Locale.ROOT,
                "%n%s: %d training and %d test recordings, %d labels%n",
                name,
                split.train().size(),
                split.test().size(),
                classes.size());
        Impulse suggested = ImpulseSuggester.suggest(split.train().stream()
                        .map(s -> SampleSummary.of(s.source().data()))
                        .toList())
                .impulse()
                .withVersion(1);
        FeatureInput input = FeatureInput.of(suggested).orElseThrow();
        Outcome defaults = full(
                suggested,
                LearningBlock.defaultsFor(LearningBlock.Kind.CLASSIFICATION, input.kind(), input.shape()),
                Hyperparameters.defaultsFor(input.kind(), input.shape()).withSeed(seed),
                split,
                classes,
                board);
        print(out, "defaults", describeDefaults(suggested), defaults);

        TuneJobHandler.Split held = TuneJobHandler.split(split.train(), seed);
        List<CandidateSpec> candidates = new SearchSpace(suggested).draw(TuneJobHandler.candidateCount(minutes), seed);
        long start = System.nanoTime();
        long deadline = start + (long) (minutes * 60e9);
        SuccessiveHalving.Outcome search = new SuccessiveHalving(
                        TuneJobHandler.settings(LIMITS, TuneObjective.ACCURACY),
                        new DjlCandidateTrainer(held.training(), held.validation(), classes, board, seed),
                        SuccessiveHalving.logging(line -> out.println("    " + line)))
                .run(candidates, () -> System.nanoTime() >= deadline);
        double searchSeconds = (System.nanoTime() - start) / 1e9;
        long fitting = search.ranked().stream()
                .filter(t -> LIMITS.fits(t.latencyMs(), t.ramBytes(), t.flashBytes()))
                .count();
        out.printf(
                Locale.ROOT,
                "  search: %.0f s wall, %d of %d candidates trained (%d fit), %d rung(s)%s%n",
                searchSeconds,
                search.ranked().size(),
                search.drawn(),
                fitting,
                search.rungs(),
                search.stopped() ? ", stopped by the budget" : "");
        Optional<Trial> best = search.ranked().stream()
                .filter(t -> LIMITS.fits(t.latencyMs(), t.ramBytes(), t.flashBytes()))
                .findFirst();
        if (best.isEmpty()) {
            out.println("  tuned: no candidate fits the limits");
            return;
        }
        CandidateSpec spec = best.get().spec();
        out.printf(
                Locale.ROOT,
                "  best: %s, validation accuracy %.3f after %d epochs%n",
                spec.id(),
                best.get().accuracy(),
                best.get().epochs());
        Outcome tuned = full(
                spec.impulse(),
                spec.network(),
                Hyperparameters.defaultsFor(spec.input().kind(), spec.input().shape())
                        .withLearningRate(spec.learningRate())
                        .withSeed(seed),
                split,
                classes,
                board);
        print(out, "tuned", spec.description(), tuned);
        out.printf(
                Locale.ROOT,
                "  gain: %+.3f int8 top-1 on the test set (%.3f -> %.3f); latency %.2f -> %.2f ms; RAM %d -> %d B%n",
                tuned.int8Accuracy() - defaults.int8Accuracy(),
                defaults.int8Accuracy(),
                tuned.int8Accuracy(),
                defaults.estimate().latency().totalMillis(),
                tuned.estimate().latency().totalMillis(),
                defaults.estimate().ram().totalBytes(),
                tuned.estimate().ram().totalBytes());
    }

    private static String describeDefaults(Impulse impulse) {
        return impulse.input() + ", " + impulse.processingBlocks().get(0).params() + ", default network";
    }

    private static void print(PrintStream out, String what, String description, Outcome outcome) {
        DeploymentEstimate e = outcome.estimate();
        boolean fits = LIMITS.fits(
                e.latency().totalMillis(), e.ram().totalBytes(), e.flash().totalBytes());
        out.printf(
                Locale.ROOT,
                "  %-8s int8 top-1 %.3f | %.2f ms, RAM %d B, flash %d B (%s) | %d epochs, %.0f s | %s%n",
                what,
                outcome.int8Accuracy(),
                e.latency().totalMillis(),
                e.ram().totalBytes(),
                e.flash().totalBytes(),
                fits ? "fits" : "over the limits",
                outcome.epochs(),
                outcome.seconds(),
                description);
    }

    /** Full training (the default training's early stopping) on every training window, int8 top-1 on the test set. */
    private static Outcome full(
            Impulse impulse,
            LearningBlock network,
            Hyperparameters hyperparameters,
            Split split,
            List<String> classes,
            Board board) {
        long start = System.nanoTime();
        FeatureInput input = FeatureInput.of(impulse).orElseThrow();
        FeatureExtractor extractor = new FeatureExtractor(impulse);
        List<float[]> trainRows = new ArrayList<>();
        List<Integer> trainLabels = new ArrayList<>();
        windows(extractor, split.train(), classes, trainRows, trainLabels);
        List<float[]> testRows = new ArrayList<>();
        List<Integer> testLabels = new ArrayList<>();
        windows(extractor, split.test(), classes, testRows, testLabels);
        float[][] rows = trainRows.toArray(float[][]::new);
        int[] labels = trainLabels.stream().mapToInt(Integer::intValue).toArray();
        TrainingResult result = Trainer.builder()
                .setArchitecture(network)
                .setHyperparameters(hyperparameters)
                .setFeatures(rows, input.shape(), input.kind())
                .setClassLabels(labels, classes)
                .build()
                .train();
        ModelGraph float32 = new TrainedNetworkConverter().convert(result.network());
        ModelGraph int8 = Int8Export.quantize(float32, rows, labels, result.trainIndices(), hyperparameters.seed())
                .int8();
        GraphPredictor predictor = new GraphPredictor(int8);
        int correct = 0;
        for (int i = 0; i < testRows.size(); i++) {
            correct += GraphPredictor.argmax(predictor.predict(testRows.get(i))) == testLabels.get(i) ? 1 : 0;
        }
        DeploymentEstimate estimate = new DeploymentEstimator().estimate(int8, Optional.of(impulse), board);
        return new Outcome(
                (double) correct / testRows.size(),
                estimate,
                result.history().size(),
                (System.nanoTime() - start) / 1e9);
    }

    private static void windows(
            FeatureExtractor extractor,
            List<LabelledSample> samples,
            List<String> classes,
            List<float[]> rows,
            List<Integer> labels) {
        for (LabelledSample sample : samples) {
            int label = classes.indexOf(sample.label());
            if (label < 0) {
                continue;
            }
            for (WindowFeatures window : extractor.compute(sample.source())) {
                rows.add(window.features());
                labels.add(label);
            }
        }
    }

    private static Path datasets() {
        String property = System.getProperty("edgeforge.datasets");
        if (property != null) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("datasets");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "no shared/datasets folder above the working directory; set " + "-Dedgeforge.datasets=<folder>");
    }

    /** uWave: 896 recordings; the last 196 lines are the test set (as the real-data defaults test). */
    private static Split uwave() {
        Path dir = datasets().resolve("uwave-gestures");
        try {
            List<List<String>> axes = new ArrayList<>();
            for (String axis : List.of("X", "Y", "Z")) {
                axes.add(Files.readAllLines(dir.resolve("UWaveGestureLibrary" + axis + "_TRAIN.tsv")));
            }
            List<Sensor> sensors = List.of(Sensor.of("accX"), Sensor.of("accY"), Sensor.of("accZ"));
            List<LabelledSample> all = new ArrayList<>();
            for (int line = 0; line < axes.get(0).size(); line++) {
                float[][] values = new float[3][];
                String label = null;
                for (int a = 0; a < 3; a++) {
                    String[] fields = axes.get(a).get(line).trim().split("\t");
                    label = Integer.toString((int) Double.parseDouble(fields[0]));
                    values[a] = new float[fields.length - 1];
                    for (int i = 1; i < fields.length; i++) {
                        values[a][i - 1] = Float.parseFloat(fields[i]);
                    }
                }
                all.add(new LabelledSample(
                        String.format(Locale.ROOT, "line-%03d", line),
                        label,
                        FeatureSource.of(SampleData.timeSeries(sensors, 10.0, values))));
            }
            int test = 196;
            return new Split(all.subList(0, all.size() - test), all.subList(all.size() - test, all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Spoken digits: indices 0–4 of every speaker and digit are the test set. */
    private static Split fsdd() {
        Path dir = datasets().resolve("fsdd-dev");
        List<LabelledSample> train = new ArrayList<>();
        List<LabelledSample> test = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                Matcher m = FSDD_NAME.matcher(file.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                LabelledSample sample = new LabelledSample(
                        file.getFileName().toString(),
                        m.group(1),
                        FeatureSource.of(SampleParsers.parse(
                                file.getFileName().toString(),
                                Files.readAllBytes(file),
                                SampleParseOptions.defaults())));
                (Integer.parseInt(m.group(3)) < 5 ? test : train).add(sample);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Split(train, test);
    }
}
