package dev.edgeforge.training.tune;

import dev.edgeforge.core.feature.FeatureExtractor;
import dev.edgeforge.core.feature.WindowFeatures;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.export.Int8Export;
import dev.edgeforge.core.learning.export.TrainedNetworkConverter;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.stats.GraphPredictor;
import dev.edgeforge.core.model.stats.ModelStats;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.estimate.DeploymentEstimate;
import dev.edgeforge.jobs.estimate.DeploymentEstimator;
import dev.edgeforge.training.trainer.Trainer;
import dev.edgeforge.training.trainer.TrainingCancelledException;
import dev.edgeforge.training.trainer.TrainingResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Trains a candidate with the platform's own trainer (DJL) on the training split's windows, quantizes it to int8 as a
 * train job does ({@link Int8Export}), scores the int8 network on the validation split's windows with the int8
 * reference interpreter, and estimates its costs on the board with the server's estimator. Later rungs go on from the
 * previous rung's weights. Training is brief: no early stopping, no learning-rate schedule, no augmentation.
 *
 * <p>Features are computed once per impulse (window and DSP block) and kept, so candidates that only differ in their
 * network share them.
 */
public final class DjlCandidateTrainer implements CandidateTrainer {

    /** The trainer's own validation share of the training split (it needs one); the scores use the other split. */
    private static final double TRAINER_VALIDATION = 0.1;

    private final List<LabelledSample> training;
    private final List<LabelledSample> validation;
    private final List<String> classes;
    private final Board board;
    private final long seed;
    private final DeploymentEstimator estimator = new DeploymentEstimator();
    private final Map<String, Windows> features = new HashMap<>();

    /** What a trial keeps to go on training and to be deployed: the trained network and its int8 export. */
    record Trained(TrainingResult result, ModelGraph int8) {}

    /** The int8 network of a trial this trainer made. */
    public static Optional<ModelGraph> int8(Trial trial) {
        return trial.state() instanceof Trained trained ? Optional.of(trained.int8()) : Optional.empty();
    }

    /** The windows of both splits under one impulse. */
    private record Windows(float[][] trainRows, int[] trainLabels, float[][] validationRows, int[] validationLabels) {}

    public DjlCandidateTrainer(
            List<LabelledSample> training,
            List<LabelledSample> validation,
            List<String> classes,
            Board board,
            long seed) {
        this.training = List.copyOf(training);
        this.validation = List.copyOf(validation);
        this.classes = List.copyOf(classes);
        this.board = board;
        this.seed = seed;
    }

    @Override
    public Trial train(CandidateSpec spec, int rung, int epochs, Trial previous, BooleanSupplier stop) {
        Windows windows = windows(spec, stop);
        int more = epochs - (previous == null ? 0 : previous.epochs());
        Hyperparameters hyperparameters = new Hyperparameters(
                Math.max(1, more), spec.learningRate(), 32, TRAINER_VALIDATION, true, seed, null, null, null);
        TrainingResult result;
        try {
            Trainer.Builder builder = Trainer.builder()
                    .setArchitecture(spec.network())
                    .setHyperparameters(hyperparameters)
                    .setFeatures(
                            windows.trainRows(),
                            spec.input().shape(),
                            spec.input().kind())
                    .setClassLabels(windows.trainLabels(), classes)
                    .optCancellation(stop);
            if (previous != null) {
                builder.optInitialWeights(((Trained) previous.state()).result().network());
            }
            result = builder.build().train();
        } catch (TrainingCancelledException e) {
            throw new Stopped(e.getMessage());
        } catch (RuntimeException e) {
            throw new CandidateFailedException("training failed: " + e.getMessage(), e);
        }
        if (stop.getAsBoolean()) {
            throw new Stopped("stopped after training " + spec.id());
        }
        ModelGraph int8;
        try {
            ModelGraph float32 = new TrainedNetworkConverter().convert(result.network());
            int8 = Int8Export.quantize(float32, windows.trainRows(), windows.trainLabels(), result.trainIndices(), seed)
                    .int8();
        } catch (RuntimeException e) {
            throw new CandidateFailedException("quantization failed: " + e.getMessage(), e);
        }
        double accuracy = accuracy(int8, windows.validationRows(), windows.validationLabels());
        DeploymentEstimate estimate;
        try {
            estimate = estimator.estimate(int8, Optional.of(spec.impulse()), board);
        } catch (RuntimeException e) {
            throw new CandidateFailedException("its costs cannot be estimated: " + e.getMessage(), e);
        }
        return new Trial(
                spec,
                rung,
                epochs,
                accuracy,
                estimate.latency().totalMillis(),
                estimate.ram().totalBytes(),
                estimate.flash().totalBytes(),
                ModelStats.of(int8).parameters(),
                new Trained(result, int8));
    }

    /** Top-1 of the int8 network over the windows; 0 when there are none. */
    static double accuracy(ModelGraph int8, float[][] rows, int[] labels) {
        if (rows.length == 0) {
            return 0;
        }
        GraphPredictor predictor = new GraphPredictor(int8);
        int correct = 0;
        for (int i = 0; i < rows.length; i++) {
            correct += GraphPredictor.argmax(predictor.predict(rows[i])) == labels[i] ? 1 : 0;
        }
        return (double) correct / rows.length;
    }

    private Windows windows(CandidateSpec spec, BooleanSupplier stop) {
        Windows cached = features.get(spec.featureKey());
        if (cached != null) {
            return cached;
        }
        FeatureExtractor extractor = new FeatureExtractor(spec.impulse());
        List<float[]> trainRows = new ArrayList<>();
        List<Integer> trainLabels = new ArrayList<>();
        List<float[]> validationRows = new ArrayList<>();
        List<Integer> validationLabels = new ArrayList<>();
        try {
            extract(extractor, training, trainRows, trainLabels, stop);
            extract(extractor, validation, validationRows, validationLabels, stop);
        } catch (IllegalArgumentException e) {
            throw new CandidateFailedException("its features cannot be computed: " + e.getMessage(), e);
        }
        if (trainRows.isEmpty()) {
            throw new CandidateFailedException("its window gives no training window", null);
        }
        Windows windows = new Windows(
                trainRows.toArray(float[][]::new),
                trainLabels.stream().mapToInt(Integer::intValue).toArray(),
                validationRows.toArray(float[][]::new),
                validationLabels.stream().mapToInt(Integer::intValue).toArray());
        features.put(spec.featureKey(), windows);
        return windows;
    }

    private void extract(
            FeatureExtractor extractor,
            List<LabelledSample> samples,
            List<float[]> rows,
            List<Integer> labels,
            BooleanSupplier stop) {
        for (LabelledSample sample : samples) {
            if (stop.getAsBoolean()) {
                throw new Stopped("stopped while computing features");
            }
            int label = classes.indexOf(sample.label());
            for (WindowFeatures window : extractor.compute(sample.source())) {
                rows.add(window.features());
                labels.add(label);
            }
        }
    }
}
