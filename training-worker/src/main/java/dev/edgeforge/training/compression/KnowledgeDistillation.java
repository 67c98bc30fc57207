package dev.edgeforge.training.compression;

import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.InferenceCheck;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.TrainedLayer;
import dev.edgeforge.core.learning.TrainedNetwork;
import dev.edgeforge.core.learning.eval.Prediction;
import dev.edgeforge.jobs.compress.DistillationSettings;
import dev.edgeforge.training.trainer.Distillation;
import dev.edgeforge.training.trainer.EpochListener;
import dev.edgeforge.training.trainer.Trainer;
import dev.edgeforge.training.trainer.TrainingResult;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Knowledge distillation: trains a smaller student learning block from scratch on the samples' labels and a trained
 * teacher's softened outputs (see {@link Distillation} for the loss), then compares the two on the validation samples.
 *
 * <pre>{@code
 * DistillationResult student = KnowledgeDistillation.builder()
 *         .setTeacher(TrainedModel.of(trainingResult))
 *         .setStudent(LearningBlock.classification(List.of(dense(8, RELU))))
 *         .setSamples(samples)
 *         .setHyperparameters(trainingHyperparameters)
 *         .optTemperature(4).optAlpha(0.3)
 *         .build()
 *         .distill();
 * }</pre>
 */
public final class KnowledgeDistillation {

    /** Default temperature, the one a compress job uses when it names none. */
    public static final double DEFAULT_TEMPERATURE = DistillationSettings.DEFAULT_TEMPERATURE;
    /** Default weight of the hard labels, the one a compress job uses when it names none. */
    public static final double DEFAULT_ALPHA = DistillationSettings.DEFAULT_ALPHA;

    private final Builder settings;

    private KnowledgeDistillation(Builder settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains the student.
     *
     * @throws dev.edgeforge.core.learning.ArchitectureViolation          when the student does not fit the samples
     * @throws dev.edgeforge.training.trainer.TrainingException          as training does
     * @throws dev.edgeforge.training.trainer.TrainingCancelledException when cancelled
     */
    public DistillationResult distill() {
        TrainedNetwork teacher = settings.teacher.network();
        float[][] teacherLogits = new InferenceCheck(withoutSoftmax(teacher)).predict(settings.samples.features());
        TrainingResult result = settings.samples
                .applyTo(Trainer.builder())
                .setArchitecture(settings.student)
                .setHyperparameters(settings.hyperparameters)
                .optDistillation(new Distillation(teacherLogits, settings.temperature, settings.alpha))
                .optEpochListener(settings.listener)
                .optCancellation(settings.cancellation)
                .build()
                .train();
        int[] validation = result.validationIndices();
        int teacherCorrect = 0;
        int studentCorrect = 0;
        for (int i = 0; i < validation.length; i++) {
            int label = settings.samples.labels()[validation[i]];
            teacherCorrect += argmax(teacherLogits[validation[i]]) == label ? 1 : 0;
            studentCorrect += argmax(result.validationOutputs()[i]) == label ? 1 : 0;
        }
        return new DistillationResult(
                new TrainedModel(settings.student, result.network()),
                result,
                settings.temperature,
                settings.alpha,
                (double) teacherCorrect / validation.length,
                (double) studentCorrect / validation.length,
                parameters(teacher),
                parameters(result.network()));
    }

    /** The network without its final softmax: its outputs are the logits. */
    static TrainedNetwork withoutSoftmax(TrainedNetwork network) {
        var layers = network.layers();
        if (layers.isEmpty() || !(layers.get(layers.size() - 1).spec() instanceof LayerSpec.Softmax)) {
            throw new IllegalArgumentException("the teacher must end in a softmax (a classification network)");
        }
        return new TrainedNetwork(
                network.kind(), network.inputShape(), network.outputNames(), layers.subList(0, layers.size() - 1));
    }

    /** Weights, biases and batch norm parameters of a network. */
    static long parameters(TrainedNetwork network) {
        long count = 0;
        for (TrainedLayer layer : network.layers()) {
            if (layer.weights() != null) {
                count += layer.weights().values().length + layer.bias().values().length;
            }
            if (layer.batchNorm() != null) {
                count += 4L * layer.batchNorm().channels();
            }
        }
        return count;
    }

    private static int argmax(float[] values) {
        return Prediction.top1(values);
    }

    /** Builder: {@code setX} required, {@code optX} optional. */
    public static final class Builder {
        private TrainedModel teacher;
        private LearningBlock student;
        private LabelledSamples samples;
        private Hyperparameters hyperparameters;
        private double temperature = DEFAULT_TEMPERATURE;
        private double alpha = DEFAULT_ALPHA;
        private EpochListener listener = EpochListener.NONE;
        private BooleanSupplier cancellation = () -> false;

        private Builder() {}

        /** The trained teacher. Required. */
        public Builder setTeacher(TrainedModel teacher) {
            this.teacher = teacher;
            return this;
        }

        /** The student's learning block (a classification block, usually smaller than the teacher's). Required. */
        public Builder setStudent(LearningBlock student) {
            this.student = student;
            return this;
        }

        /** The samples the teacher was trained on. Required. */
        public Builder setSamples(LabelledSamples samples) {
            this.samples = samples;
            return this;
        }

        /** How the student is trained. Required. */
        public Builder setHyperparameters(Hyperparameters hyperparameters) {
            this.hyperparameters = hyperparameters;
            return this;
        }

        /** Softening temperature T, above 0 (default {@value #DEFAULT_TEMPERATURE}). */
        public Builder optTemperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        /** Weight of the hard-label loss, in [0, 1] (default {@value #DEFAULT_ALPHA}). */
        public Builder optAlpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        /** Receives every epoch's metrics of the student's training. */
        public Builder optEpochListener(EpochListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Cancellation token, checked before every batch. */
        public Builder optCancellation(BooleanSupplier cancellation) {
            this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
            return this;
        }

        /**
         * @throws IllegalStateException    when a required setting is missing or the student is not a classifier
         * @throws IllegalArgumentException when the temperature or alpha is out of range
         */
        public KnowledgeDistillation build() {
            Checks.require(teacher != null, "setTeacher is required");
            Checks.require(student != null, "setStudent is required");
            Checks.require(samples != null, "setSamples is required");
            Checks.require(hyperparameters != null, "setHyperparameters is required");
            Checks.require(
                    student.kind() == LearningBlock.Kind.CLASSIFICATION, "the student must be a classification block");
            new Distillation(new float[0][], temperature, alpha); // checks the ranges with the trainer's messages
            Checks.sameClasses(teacher, samples);
            return new KnowledgeDistillation(this);
        }
    }
}
