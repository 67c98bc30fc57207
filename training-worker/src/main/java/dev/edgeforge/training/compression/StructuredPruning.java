package dev.edgeforge.training.compression;

import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.training.trainer.EpochListener;
import dev.edgeforge.training.trainer.Trainer;
import dev.edgeforge.training.trainer.TrainingResult;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Structured pruning: removes the least important output channels (dense units, convolution filters; importance is
 * the L1 norm of a channel's weights, scaled by the following batch norm) from every layer that can lose them,
 * rebuilds the smaller architecture with the kept weights, and fine-tunes it. Unlike magnitude pruning the network
 * really shrinks: fewer parameters, weight bytes and MACs, and usually less activation RAM.
 *
 * <p>Which layers shrink: see {@code ChannelPruner} — dense and convolution layers whose output reaches the next
 * dense or convolution layer through channel-wise layers only (batch norm, activations, dropout, pooling, depthwise,
 * flatten), never the output head and never a layer a residual add reads.
 *
 * <pre>{@code
 * StructuredPruningResult smaller = StructuredPruning.builder()
 *         .setModel(TrainedModel.of(trainingResult))
 *         .setSamples(samples)
 *         .setHyperparameters(trainingHyperparameters.withEpochs(10))
 *         .setFraction(0.5)                 // remove half the units/filters of every prunable layer
 *         .build()
 *         .prune();
 * }</pre>
 */
public final class StructuredPruning {

    private final Builder settings;

    private StructuredPruning(Builder settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Shrinks and fine-tunes.
     *
     * @throws CompressionViolation when no layer can lose channels
     * @throws dev.edgeforge.training.trainer.TrainingException          as training does
     * @throws dev.edgeforge.training.trainer.TrainingCancelledException when cancelled
     */
    public StructuredPruningResult prune() {
        TrainedModel model = settings.model;
        if (ChannelPruner.prunableLayers(model.network()).isEmpty()) {
            throw new CompressionViolation("structured pruning found no layer to shrink: it removes units or filters "
                    + "of dense and convolution layers that feed another dense or convolution layer (not the output "
                    + "layer, not through a reshape or a residual add); this network has none");
        }
        ChannelPruner.Shrunk shrunk = ChannelPruner.shrink(model.network(), settings.fraction);
        if (shrunk.layers().isEmpty()) {
            throw new CompressionViolation("removing " + Math.round(100 * settings.fraction) + " % of the channels "
                    + "leaves every layer as it is (the layers are too small); choose a larger fraction");
        }
        List<LayerSpec> hidden = shrunk.network()
                .layerSpecs()
                .subList(0, model.architecture().layers().size());
        LearningBlock architecture = new LearningBlock(model.architecture().kind(), hidden, null);
        TrainedModel smaller = new TrainedModel(architecture, shrunk.network());
        TrainingResult result = settings.samples
                .applyTo(Trainer.builder())
                .setArchitecture(architecture)
                .setHyperparameters(settings.hyperparameters)
                .optInitialWeights(smaller.network())
                .optEpochListener(settings.listener)
                .optCancellation(settings.cancellation)
                .build()
                .train();
        return new StructuredPruningResult(
                new TrainedModel(architecture, result.network()), result, settings.fraction, shrunk.layers());
    }

    /** Builder: {@code setX} required, {@code optX} optional. */
    public static final class Builder {
        private TrainedModel model;
        private LabelledSamples samples;
        private Hyperparameters hyperparameters;
        private double fraction = Double.NaN;
        private EpochListener listener = EpochListener.NONE;
        private BooleanSupplier cancellation = () -> false;

        private Builder() {}

        /** The trained model to shrink. Required. */
        public Builder setModel(TrainedModel model) {
            this.model = model;
            return this;
        }

        /** The samples to fine-tune on (those the model was trained on). Required. */
        public Builder setSamples(LabelledSamples samples) {
            this.samples = samples;
            return this;
        }

        /** Fine-tuning hyperparameters (early stopping allowed). Required. */
        public Builder setHyperparameters(Hyperparameters hyperparameters) {
            this.hyperparameters = hyperparameters;
            return this;
        }

        /** Share of the output channels removed from every prunable layer, in (0, 1). Required. */
        public Builder setFraction(double fraction) {
            this.fraction = fraction;
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

        /**
         * @throws IllegalStateException    when a required setting is missing
         * @throws IllegalArgumentException when the fraction is outside (0, 1)
         */
        public StructuredPruning build() {
            Checks.require(model != null, "setModel is required");
            Checks.require(samples != null, "setSamples is required");
            Checks.require(hyperparameters != null, "setHyperparameters is required");
            if (!(fraction > 0 && fraction < 1)) {
                throw new IllegalArgumentException(
                        "the fraction of channels to remove must be above 0 and below 1, " + "got " + fraction);
            }
            Checks.sameClasses(model, samples);
            return new StructuredPruning(this);
        }
    }
}
