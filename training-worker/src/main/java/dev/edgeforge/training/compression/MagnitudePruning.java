package dev.edgeforge.training.compression;

import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.TrainedLayer;
import dev.edgeforge.core.learning.TrainedNetwork;
import dev.edgeforge.training.trainer.EpochListener;
import dev.edgeforge.training.trainer.Trainer;
import dev.edgeforge.training.trainer.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Magnitude pruning with fine-tuning: starting from a trained model, fine-tunes it while the weights of smallest
 * magnitude in every weighted layer (dense, convolution, depthwise; biases and batch norm are kept) are set to zero
 * on a gradual schedule ({@link SparsitySchedule}); pruned weights stay zero. The result has the same architecture —
 * the zeros make the weights compressible, not the network smaller (see {@link StructuredPruning} for that).
 *
 * <pre>{@code
 * MagnitudePruningResult pruned = MagnitudePruning.builder()
 *         .setModel(TrainedModel.of(trainingResult))
 *         .setSamples(samples)
 *         .setHyperparameters(trainingHyperparameters.withEpochs(10))   // same seed: same validation split
 *         .setSchedule(SparsitySchedule.to(0.7))
 *         .build()
 *         .prune();
 * }</pre>
 *
 * <p>Early stopping is switched off for fine-tuning: restoring an earlier epoch's weights would undo pruning.
 */
public final class MagnitudePruning {

    private final Builder settings;

    private MagnitudePruning(Builder settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Prunes and fine-tunes.
     *
     * @throws dev.edgeforge.training.trainer.TrainingException          as training does (e.g. a diverging loss)
     * @throws dev.edgeforge.training.trainer.TrainingCancelledException when cancelled
     */
    public MagnitudePruningResult prune() {
        TrainedModel model = settings.model;
        TrainingResult result = settings.samples
                .applyTo(Trainer.builder())
                .setArchitecture(model.architecture())
                .setHyperparameters(settings.hyperparameters.withEarlyStopping(null))
                .optInitialWeights(model.network())
                .optStepHook(new SparsityMasks(settings.schedule))
                .optEpochListener(settings.listener)
                .optCancellation(settings.cancellation)
                .build()
                .train();
        List<LayerSparsity> layers = sparsity(result.network());
        long weights = layers.stream().mapToLong(LayerSparsity::weights).sum();
        long zeros = layers.stream().mapToLong(LayerSparsity::zeros).sum();
        return new MagnitudePruningResult(
                new TrainedModel(model.architecture(), result.network()),
                result,
                settings.schedule.target(),
                weights == 0 ? 0 : (double) zeros / weights,
                layers);
    }

    /** The sparsity of every weighted layer of {@code network}. */
    public static List<LayerSparsity> sparsity(TrainedNetwork network) {
        List<LayerSparsity> layers = new ArrayList<>();
        for (int i = 0; i < network.layers().size(); i++) {
            TrainedLayer layer = network.layers().get(i);
            if (layer.weights() != null) {
                int zeros = 0;
                for (float v : layer.weights().values()) {
                    zeros += v == 0f ? 1 : 0;
                }
                layers.add(new LayerSparsity(
                        i, layer.spec().typeName(), layer.weights().values().length, zeros));
            }
        }
        return layers;
    }

    /** Builder: {@code setX} required, {@code optX} optional. */
    public static final class Builder {
        private TrainedModel model;
        private LabelledSamples samples;
        private Hyperparameters hyperparameters;
        private SparsitySchedule schedule;
        private EpochListener listener = EpochListener.NONE;
        private BooleanSupplier cancellation = () -> false;

        private Builder() {}

        /** The trained model to prune. Required. */
        public Builder setModel(TrainedModel model) {
            this.model = model;
            return this;
        }

        /** The samples to fine-tune on (those the model was trained on). Required. */
        public Builder setSamples(LabelledSamples samples) {
            this.samples = samples;
            return this;
        }

        /** Fine-tuning: epochs, learning rate (lower than training's works well), batch size, seed. Required. */
        public Builder setHyperparameters(Hyperparameters hyperparameters) {
            this.hyperparameters = hyperparameters;
            return this;
        }

        /** How sparse, and how fast. Required. */
        public Builder setSchedule(SparsitySchedule schedule) {
            this.schedule = schedule;
            return this;
        }

        /** Receives every fine-tuning epoch's metrics. */
        public Builder optEpochListener(EpochListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Cancellation token, checked before every batch. */
        public Builder optCancellation(BooleanSupplier cancellation) {
            this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
            return this;
        }

        /** @throws IllegalStateException when a required setting is missing */
        public MagnitudePruning build() {
            Checks.require(model != null, "setModel is required");
            Checks.require(samples != null, "setSamples is required");
            Checks.require(hyperparameters != null, "setHyperparameters is required");
            Checks.require(schedule != null, "setSchedule is required");
            Checks.sameClasses(model, samples);
            return new MagnitudePruning(this);
        }
    }
}
