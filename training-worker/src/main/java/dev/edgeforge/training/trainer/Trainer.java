package dev.edgeforge.training.trainer;

import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.HyperparameterViolation;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.learning.TrainedNetwork;
import dev.edgeforge.training.augmentation.Augmenter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Trains a classification or regression {@link LearningBlock} with DJL's PyTorch engine on the CPU.
 *
 * <pre>{@code
 * TrainingResult result = Trainer.builder()
 *         .setArchitecture(LearningBlock.classification(List.of(dense(20, RELU), dense(10, RELU))))
 *         .setHyperparameters(Hyperparameters.defaults())
 *         .setFeatures(rows)                           // float[n][d]; or (rows, shape, featureKind)
 *         .setClassLabels(labels, List.of("idle", "wave", "circle"))
 *         .optEpochListener(metrics -> log(metrics.toLogLine()))
 *         .optCancellation(job::isCancelled)
 *         .build()
 *         .train();
 * }</pre>
 *
 * <p>The softmax of a classification network is left out while training (the loss works on logits) and applied to
 * the outputs. Same seed, data and hyperparameters give the same metrics: the engine's random generator is seeded,
 * and splitting, shuffling and augmentation use seeded Java generators. DJL's PyTorch gradient collection is
 * JVM-global, so trainings in one JVM run one at a time ({@link #train()} waits for a running one).
 *
 * <p>Compression builds on three options: {@link Builder#optInitialWeights} (fine-tune from given weights),
 * {@link Builder#optStepHook} (e.g. re-apply pruning masks after every step) and {@link Builder#optDistillation}
 * (learn from a teacher's soft targets).
 *
 * <p>Errors: {@link #train()} throws {@link TrainingException} with a readable message for data problems (empty
 * class, too few samples, non-finite features) and a diverging loss, and {@link TrainingCancelledException} when the
 * cancellation token turns true (checked before every batch). Every native resource (model, DJL trainer, per-batch
 * NDManagers) is closed before {@code train()} returns or throws.
 */
public final class Trainer {

    private final LearningBlock architecture;
    private final Hyperparameters hyperparameters;
    private final TrainingData data;
    private final EpochListener listener;
    private final SetupListener setupListener;
    private final BooleanSupplier cancellation;
    private final RunOptions options;

    private Trainer(Builder builder, TrainingData data) {
        this.architecture = builder.architecture;
        this.hyperparameters = builder.hyperparameters;
        this.data = data;
        this.listener = builder.listener;
        this.setupListener = builder.setupListener;
        this.cancellation = builder.cancellation;
        this.options = new RunOptions(
                builder.initialWeights,
                builder.stepHook,
                builder.distillation,
                builder.checkpoints,
                builder.checkpointPolicy);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains the network.
     *
     * @throws TrainingException          for data problems and a diverging loss (message for the user)
     * @throws TrainingCancelledException when cancelled
     */
    public TrainingResult train() {
        return new TrainingRun(architecture, hyperparameters, data, listener, cancellation, options).run(setupListener);
    }

    /** Builder: {@code setX} are required, {@code optX} optional; {@link #build()} checks them. */
    public static final class Builder {
        private LearningBlock architecture;
        private Hyperparameters hyperparameters;
        private float[][] features;
        private TensorShape sampleShape;
        private FeatureKind featureKind;
        private int[] labels;
        private List<String> classNames;
        private float[][] targets;
        private List<String> targetNames;
        private EpochListener listener = EpochListener.NONE;
        private SetupListener setupListener = SetupListener.NONE;
        private BooleanSupplier cancellation = () -> false;
        private TrainedNetwork initialWeights;
        private StepHook stepHook = StepHook.NONE;
        private Distillation distillation;
        private CheckpointStore checkpoints;
        private CheckpointPolicy checkpointPolicy = CheckpointPolicy.DEFAULT;

        private Builder() {}

        /** The learning block to train (classification or regression). Required. */
        public Builder setArchitecture(LearningBlock architecture) {
            this.architecture = architecture;
            return this;
        }

        /** The hyperparameters, seed included. Required. */
        public Builder setHyperparameters(Hyperparameters hyperparameters) {
            this.hyperparameters = hyperparameters;
            return this;
        }

        /** Flat feature vectors, one row per sample ({@link FeatureKind#FLAT}, shape {@code [d]}). */
        public Builder setFeatures(float[][] rows) {
            Objects.requireNonNull(rows, "rows");
            int width = rows.length == 0 ? 1 : rows[0].length;
            return setFeatures(rows, TensorShape.of(Math.max(width, 1)), FeatureKind.FLAT);
        }

        /**
         * Shaped features: each row holds one sample of {@code sampleShape} in channels-last order (e.g. a
         * {@code [125, 3]} accelerometer window as {@code x0, y0, z0, x1, …}). The rows are read, not copied, during
         * {@link Trainer#train()}; do not change them meanwhile.
         */
        public Builder setFeatures(float[][] rows, TensorShape sampleShape, FeatureKind featureKind) {
            this.features = rows;
            this.sampleShape = sampleShape;
            this.featureKind = featureKind;
            return this;
        }

        /** Class ids {@code 0 .. classNames.size() - 1}, one per sample. Required for classification. */
        public Builder setClassLabels(int[] labels, List<String> classNames) {
            this.labels = labels;
            this.classNames = classNames == null ? null : List.copyOf(classNames);
            return this;
        }

        /** Regression targets, one row per sample, one column per named target. Required for regression. */
        public Builder setTargets(float[][] targets, List<String> targetNames) {
            this.targets = targets;
            this.targetNames = targetNames == null ? null : List.copyOf(targetNames);
            return this;
        }

        /** One regression target per sample, named "value". */
        public Builder setTargets(float[] targets) {
            Objects.requireNonNull(targets, "targets");
            float[][] rows = new float[targets.length][];
            for (int i = 0; i < targets.length; i++) {
                rows[i] = new float[] {targets[i]};
            }
            return setTargets(rows, List.of("value"));
        }

        /** Hears the stages before the first epoch ends (waiting for the engine, building, first batches). */
        public Builder optSetupListener(SetupListener listener) {
            this.setupListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Receives every finished epoch's metrics. */
        public Builder optEpochListener(EpochListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Cancellation token, checked before every batch and before validation. */
        public Builder optCancellation(BooleanSupplier cancellation) {
            this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
            return this;
        }

        /**
         * Starts from these weights instead of random ones (fine-tuning a trained, pruned or shrunk network). The
         * network must have exactly the layers of the architecture with its output head, for the same sample shape,
         * kind and output names.
         */
        public Builder optInitialWeights(TrainedNetwork network) {
            this.initialWeights = Objects.requireNonNull(network, "network");
            return this;
        }

        /** Runs before training and after every optimizer step, with the live weights (pruning masks). */
        public Builder optStepHook(StepHook hook) {
            this.stepHook = Objects.requireNonNull(hook, "hook");
            return this;
        }

        /** Trains a classifier against a teacher's soft targets as well as the labels; see {@link Distillation}. */
        public Builder optDistillation(Distillation distillation) {
            this.distillation = Objects.requireNonNull(distillation, "distillation");
            return this;
        }

        /**
         * Continues from the checkpoint in {@code store} when it has one of this same training (same network, data and
         * hyperparameters; another or an unreadable one is reported to {@link CheckpointStore#ignored} and training
         * starts at epoch 1), and saves one there as {@code policy} says.
         */
        public Builder optCheckpoints(CheckpointStore store, CheckpointPolicy policy) {
            this.checkpoints = Objects.requireNonNull(store, "store");
            this.checkpointPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Checks the settings and builds the trainer.
         *
         * @throws IllegalStateException    when a required setting is missing or does not fit the block's kind
         * @throws IllegalArgumentException when sizes disagree (rows vs labels, row length vs shape)
         * @throws dev.edgeforge.core.learning.ArchitectureViolation when the layers do not fit the features
         * @throws HyperparameterViolation  when a hyperparameter is out of range or augmentation does not fit
         */
        public Trainer build() {
            require(architecture != null, "setArchitecture is required");
            require(hyperparameters != null, "setHyperparameters is required");
            require(
                    features != null && sampleShape != null && featureKind != null,
                    "setFeatures is required (rows, sample shape and feature kind)");
            require(
                    architecture.kind().isNeural(),
                    "the trainer trains neural blocks; K-means is trained by "
                            + "dev.edgeforge.core.learning.anomaly.KMeans");
            boolean classification = architecture.kind() == LearningBlock.Kind.CLASSIFICATION;
            if (classification) {
                require(labels != null && classNames != null, "setClassLabels is required for classification");
                require(targets == null, "setTargets is for regression; this block is a classification block");
                sameLength(labels.length, "labels");
            } else {
                require(targets != null && targetNames != null, "setTargets is required for regression");
                require(labels == null, "setClassLabels is for classification; this block is a regression block");
                sameLength(targets.length, "targets");
                for (int i = 0; i < targets.length; i++) {
                    if (targets[i] == null || targets[i].length != targetNames.size()) {
                        throw new IllegalArgumentException("target row " + i + " must have " + targetNames.size()
                                + " values (one per target name)");
                    }
                }
            }
            int width = sampleShape.elementCount();
            for (int i = 0; i < features.length; i++) {
                if (features[i] == null || features[i].length != width) {
                    throw new IllegalArgumentException("feature row " + i + " has "
                            + (features[i] == null ? "no values" : features[i].length + " values")
                            + " but samples of shape " + sampleShape + " have " + width);
                }
            }
            hyperparameters.requireValid();
            List<String> augmentationProblems = hyperparameters.augmentation() == null
                    ? List.of()
                    : hyperparameters.augmentation().problemsFor(featureKind);
            if (!augmentationProblems.isEmpty()) {
                throw new HyperparameterViolation(augmentationProblems);
            }
            Augmenter.of(featureKind, sampleShape, hyperparameters.augmentation());
            TrainingData data = new TrainingData(
                    features, sampleShape, featureKind, architecture.kind(), labels, classNames, targets, targetNames);
            architecture.requireValid(sampleShape, data.outputCount());
            if (initialWeights != null) {
                checkInitialWeights(data);
            }
            if (distillation != null) {
                checkDistillation(data);
            }
            return new Trainer(this, data);
        }

        private void checkInitialWeights(TrainingData data) {
            List<LayerSpec> expected = architecture.networkLayers(sampleShape, data.outputCount());
            if (initialWeights.kind() != architecture.kind()
                    || !initialWeights.inputShape().equals(sampleShape)
                    || !initialWeights.layerSpecs().equals(expected)) {
                throw new IllegalArgumentException("the initial weights are for a " + initialWeights.kind()
                        + " network on samples of shape " + initialWeights.inputShape() + " with layers "
                        + initialWeights.layerSpecs() + ", but the trainer builds a " + architecture.kind()
                        + " network on " + sampleShape + " with layers " + expected);
            }
            if (!initialWeights.outputNames().equals(data.outputNames())) {
                throw new IllegalArgumentException("the initial weights output " + initialWeights.outputNames()
                        + " but the data has " + data.outputNames());
            }
        }

        private void checkDistillation(TrainingData data) {
            require(
                    data.isClassification(),
                    "distillation trains classifiers; this block is a "
                            + architecture.kind().name().toLowerCase(Locale.ROOT) + " block");
            sameLength(distillation.teacherLogits().length, "teacher logit rows");
            for (int i = 0; i < distillation.teacherLogits().length; i++) {
                float[] row = distillation.teacherLogits()[i];
                if (row == null || row.length != data.outputCount()) {
                    throw new IllegalArgumentException(
                            "teacher logit row " + i + " must have " + data.outputCount() + " values (one per class)");
                }
                for (float v : row) {
                    if (!Float.isFinite(v)) {
                        throw new IllegalArgumentException("teacher logit row " + i + " has the non-finite value " + v);
                    }
                }
            }
        }

        private void sameLength(int length, String what) {
            if (length != features.length) {
                throw new IllegalArgumentException(
                        "there are " + features.length + " feature rows but " + length + " " + what);
            }
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalStateException(message);
            }
        }
    }

    /** Names for class ids 0..n-1 when the caller has none: "class 0", "class 1", … */
    public static List<String> numberedClassNames(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add("class " + i);
        }
        return names;
    }
}
