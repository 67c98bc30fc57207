package dev.edgeforge.training.compression;

import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.export.CalibrationSet;
import dev.edgeforge.core.learning.export.TrainedNetworkConverter;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.stats.CompressionMethod;
import dev.edgeforge.core.model.stats.CompressionReport;
import dev.edgeforge.core.model.stats.ModelVariant;
import dev.edgeforge.core.quantization.PostTrainingQuantizer;
import dev.edgeforge.core.quantization.QuantizationOptions;
import dev.edgeforge.training.trainer.EpochListener;
import dev.edgeforge.training.trainer.TrainingCancelledException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The compression job's work: from a trained classifier, its float32 and int8 graphs and, when asked, a
 * magnitude-pruned, a structurally pruned and a distilled model (each float32 and int8), all measured into one
 * {@link CompressionReport}.
 *
 * <pre>{@code
 * CompressionOutcome outcome = ModelCompressor.builder()
 *         .setModel(new TrainedModel(learningBlock, trainedNetwork))
 *         .setSamples(trainingSamples)                    // fine-tuning, distillation and int8 calibration
 *         .optTestSet(testFeatures, testLabels)           // accuracies in the report
 *         .setHyperparameters(hyperparameters.withEpochs(10))
 *         .optMagnitudePruning(SparsitySchedule.to(0.7))
 *         .optStructuredPruning(0.5)
 *         .optDistillation(studentBlock, 4, 0.3)
 *         .optStudentHyperparameters(hyperparameters)     // the student trains from scratch
 *         .optListener(listener)
 *         .optCancellation(job::isCancelled)
 *         .build()
 *         .compress();
 * byte[] tflite = new TfliteWriter().write(outcome.graph("int8").orElseThrow());
 * }</pre>
 *
 * <p>int8 variants are calibrated on up to {@link CalibrationSet#DEFAULT_SIZE} windows of the samples (stratified by
 * class, seeded with the hyperparameters' seed), never on the test set.
 */
public final class ModelCompressor {

    private final Builder settings;

    private ModelCompressor(Builder settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs every stage asked for.
     *
     * @throws CompressionViolation                                      when a stage cannot apply to this model
     * @throws dev.edgeforge.training.trainer.TrainingException          when fine-tuning or distillation fails
     * @throws TrainingCancelledException                                when cancelled
     */
    public CompressionOutcome compress() {
        List<String> stages = new ArrayList<>(List.of("float32 and int8"));
        if (settings.schedule != null) {
            stages.add("magnitude pruning");
        }
        if (settings.structuredFraction != null) {
            stages.add("structured pruning");
        }
        if (settings.student != null) {
            stages.add("distillation");
        }
        Run run = new Run(stages.size());
        run.stage(stages.get(0));
        run.addBoth(CompressionMethod.BASELINE, "the trained model", settings.model);

        MagnitudePruningResult magnitude = null;
        if (settings.schedule != null) {
            run.stage("magnitude pruning");
            magnitude = MagnitudePruning.builder()
                    .setModel(settings.model)
                    .setSamples(settings.samples)
                    .setHyperparameters(settings.hyperparameters)
                    .setSchedule(settings.schedule)
                    .optEpochListener(run.epochs("magnitude pruning"))
                    .optCancellation(settings.cancellation)
                    .build()
                    .prune();
            run.addBoth(
                    CompressionMethod.MAGNITUDE_PRUNING,
                    String.format(
                            Locale.ROOT,
                            "%.1f %% of the weights zero (target %.0f %%), fine-tuned %d epochs",
                            100 * magnitude.sparsity(),
                            100 * settings.schedule.target(),
                            magnitude.fineTuning().history().size()),
                    magnitude.model());
        }
        StructuredPruningResult structured = null;
        if (settings.structuredFraction != null) {
            run.stage("structured pruning");
            structured = StructuredPruning.builder()
                    .setModel(settings.model)
                    .setSamples(settings.samples)
                    .setHyperparameters(settings.hyperparameters)
                    .setFraction(settings.structuredFraction)
                    .optEpochListener(run.epochs("structured pruning"))
                    .optCancellation(settings.cancellation)
                    .build()
                    .prune();
            StringBuilder layers = new StringBuilder();
            for (LayerShrink shrink : structured.layers()) {
                layers.append(layers.length() == 0 ? "" : ", ")
                        .append(shrink.type())
                        .append(' ')
                        .append(shrink.before())
                        .append(" → ")
                        .append(shrink.after());
            }
            run.addBoth(
                    CompressionMethod.STRUCTURED_PRUNING,
                    String.format(
                            Locale.ROOT,
                            "%.0f %% of units/filters removed (%s), fine-tuned %d epochs",
                            100 * settings.structuredFraction,
                            layers,
                            structured.fineTuning().history().size()),
                    structured.model());
        }
        DistillationResult distilled = null;
        if (settings.student != null) {
            run.stage("distillation");
            distilled = KnowledgeDistillation.builder()
                    .setTeacher(settings.model)
                    .setStudent(settings.student)
                    .setSamples(settings.samples)
                    .setHyperparameters(
                            settings.studentHyperparameters != null
                                    ? settings.studentHyperparameters
                                    : settings.hyperparameters)
                    .optTemperature(settings.temperature)
                    .optAlpha(settings.alpha)
                    .optEpochListener(run.epochs("distillation"))
                    .optCancellation(settings.cancellation)
                    .build()
                    .distill();
            run.addBoth(
                    CompressionMethod.DISTILLATION,
                    String.format(
                            Locale.ROOT,
                            "student with %d parameters (teacher %d), temperature %s, alpha %s, %d epochs",
                            distilled.studentParameters(),
                            distilled.teacherParameters(),
                            settings.temperature,
                            settings.alpha,
                            distilled.training().history().size()),
                    distilled.model());
        }
        CompressionReport report = new CompressionReport(
                settings.samples.classNames(),
                settings.testFeatures == null ? 0 : settings.testFeatures.length,
                run.variants);
        return new CompressionOutcome(
                report,
                run.graphs,
                Optional.ofNullable(magnitude),
                Optional.ofNullable(structured),
                Optional.ofNullable(distilled));
    }

    /** The state of one {@link #compress()} call. */
    private final class Run {
        private final int stageCount;
        private final List<ModelVariant> variants = new ArrayList<>();
        private final Map<String, ModelGraph> graphs = new LinkedHashMap<>();
        private final List<float[]> calibration;
        private int stageIndex;

        Run(int stageCount) {
            this.stageCount = stageCount;
            this.calibration = CalibrationSet.selectStratified(
                    settings.samples.features(),
                    settings.samples.labels(),
                    settings.samples.allIndices(),
                    settings.calibrationSize,
                    settings.hyperparameters.seed());
        }

        void stage(String name) {
            if (settings.cancellation.getAsBoolean()) {
                throw new TrainingCancelledException(0, "Compression was cancelled before " + name + ".");
            }
            settings.listener.stageStarted(name, stageIndex++, stageCount);
        }

        EpochListener epochs(String stage) {
            return metrics -> settings.listener.epoch(stage, metrics);
        }

        /** Converts, quantizes and measures a model: its float32 and int8 variants. */
        void addBoth(CompressionMethod method, String description, TrainedModel model) {
            ModelGraph float32 = new TrainedNetworkConverter().convert(model.network());
            ModelGraph int8 = new PostTrainingQuantizer(settings.quantization).quantize(float32, calibration);
            add(method, description, float32);
            add(method, description + ", int8", int8);
        }

        private void add(CompressionMethod method, String description, ModelGraph graph) {
            ModelVariant variant =
                    ModelVariant.measure(method, description, graph, settings.testFeatures, settings.testLabels);
            variants.add(variant);
            graphs.put(variant.name(), graph);
        }
    }

    /** Builder: {@code setX} required, {@code optX} optional. */
    public static final class Builder {
        private TrainedModel model;
        private LabelledSamples samples;
        private Hyperparameters hyperparameters;
        private float[][] testFeatures;
        private int[] testLabels;
        private SparsitySchedule schedule;
        private Double structuredFraction;
        private LearningBlock student;
        private double temperature = KnowledgeDistillation.DEFAULT_TEMPERATURE;
        private double alpha = KnowledgeDistillation.DEFAULT_ALPHA;
        private Hyperparameters studentHyperparameters;
        private QuantizationOptions quantization = QuantizationOptions.recommended();
        private int calibrationSize = CalibrationSet.DEFAULT_SIZE;
        private CompressionListener listener = CompressionListener.NONE;
        private BooleanSupplier cancellation = () -> false;

        private Builder() {}

        /** The trained classifier. Required. */
        public Builder setModel(TrainedModel model) {
            this.model = model;
            return this;
        }

        /** The samples the model was trained on: fine-tuning, distillation and calibration use them. Required. */
        public Builder setSamples(LabelledSamples samples) {
            this.samples = samples;
            return this;
        }

        /**
         * Fine-tuning (pruning) and student training (distillation): epochs, learning rate, batch size, seed. Use the
         * training run's seed so the same samples are held out for validation. Required.
         */
        public Builder setHyperparameters(Hyperparameters hyperparameters) {
            this.hyperparameters = hyperparameters;
            return this;
        }

        /** The test set the report's accuracies are measured on; without it the accuracies are null. */
        public Builder optTestSet(float[][] features, int[] labels) {
            if (features.length != labels.length || features.length == 0) {
                throw new IllegalArgumentException(
                        "the test set needs as many labels as windows, and at least one; got " + features.length
                                + " windows and " + labels.length + " labels");
            }
            this.testFeatures = features;
            this.testLabels = labels;
            return this;
        }

        /** Adds a magnitude-pruned variant. */
        public Builder optMagnitudePruning(SparsitySchedule schedule) {
            this.schedule = Objects.requireNonNull(schedule, "schedule");
            return this;
        }

        /** Adds a structurally pruned variant without this share of units/filters, in (0, 1). */
        public Builder optStructuredPruning(double fraction) {
            if (!(fraction > 0 && fraction < 1)) {
                throw new IllegalArgumentException(
                        "the fraction of channels to remove must be above 0 and below 1, " + "got " + fraction);
            }
            this.structuredFraction = fraction;
            return this;
        }

        /** Adds a distilled variant: {@code student} trained from the model with this temperature and alpha. */
        public Builder optDistillation(LearningBlock student, double temperature, double alpha) {
            this.student = Objects.requireNonNull(student, "student");
            this.temperature = temperature;
            this.alpha = alpha;
            return this;
        }

        /**
         * How the distillation student is trained, when it should differ from {@link #setHyperparameters} (a
         * student learns from scratch and usually needs as many epochs as the original training; fine-tuning a
         * pruned model needs fewer).
         */
        public Builder optStudentHyperparameters(Hyperparameters hyperparameters) {
            this.studentHyperparameters = Objects.requireNonNull(hyperparameters, "hyperparameters");
            return this;
        }

        /** How int8 variants are quantized (default: {@link QuantizationOptions#recommended()}). */
        public Builder optQuantization(QuantizationOptions quantization) {
            this.quantization = Objects.requireNonNull(quantization, "quantization");
            return this;
        }

        /** Most windows int8 calibration measures (default {@value CalibrationSet#DEFAULT_SIZE}). */
        public Builder optCalibrationSize(int windows) {
            if (windows < 1) {
                throw new IllegalArgumentException("calibration needs at least 1 window, got " + windows);
            }
            this.calibrationSize = windows;
            return this;
        }

        /** Receives stages and epochs. */
        public Builder optListener(CompressionListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Cancellation token, checked between stages and before every training batch. */
        public Builder optCancellation(BooleanSupplier cancellation) {
            this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
            return this;
        }

        /**
         * @throws IllegalStateException    when a required setting is missing
         * @throws IllegalArgumentException when the model and samples or test set do not fit each other
         * @throws dev.edgeforge.core.learning.ArchitectureViolation when the student does not fit the samples
         */
        public ModelCompressor build() {
            Checks.require(model != null, "setModel is required");
            Checks.require(samples != null, "setSamples is required");
            Checks.require(hyperparameters != null, "setHyperparameters is required");
            Checks.sameClasses(model, samples);
            if (testFeatures != null) {
                int width = samples.sampleShape().elementCount();
                for (int i = 0; i < testFeatures.length; i++) {
                    if (testFeatures[i] == null || testFeatures[i].length != width) {
                        throw new IllegalArgumentException("test window " + i + " must have " + width + " values");
                    }
                    if (testLabels[i] < 0
                            || testLabels[i] >= samples.classNames().size()) {
                        throw new IllegalArgumentException("test window " + i + " has the class id " + testLabels[i]
                                + ", outside 0 to " + (samples.classNames().size() - 1));
                    }
                }
            }
            if (student != null) {
                student.requireValid(samples.sampleShape(), samples.classNames().size());
                KnowledgeDistillation.builder()
                        .setTeacher(model)
                        .setStudent(student)
                        .setSamples(samples)
                        .setHyperparameters(hyperparameters)
                        .optTemperature(temperature)
                        .optAlpha(alpha)
                        .build();
            }
            return new ModelCompressor(this);
        }
    }
}
