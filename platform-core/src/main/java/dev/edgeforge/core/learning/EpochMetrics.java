package dev.edgeforge.core.learning;

import java.util.Locale;

/**
 * Progress of one training epoch, as streamed to the browser and stored with the model.
 *
 * @param epoch              1-based epoch number
 * @param epochs             epochs planned (early stopping may end sooner)
 * @param trainLoss          mean training loss over the epoch's batches (with dropout and augmentation active)
 * @param trainAccuracy      training accuracy over the epoch's batches; {@code null} for regression
 * @param validationLoss     loss on the validation set at the end of the epoch
 * @param validationAccuracy validation accuracy; {@code null} for regression
 * @param epochMillis        wall time of this epoch, validation included
 * @param elapsedMillis      wall time since training started
 */
public record EpochMetrics(
        int epoch,
        int epochs,
        double trainLoss,
        Double trainAccuracy,
        double validationLoss,
        Double validationAccuracy,
        long epochMillis,
        long elapsedMillis) {

    /**
     * One log line, e.g.
     * {@code Epoch 3/30: loss 0.4123, accuracy 0.8750, val_loss 0.3988, val_accuracy 0.9000 (0.4 s)}.
     */
    public String toLogLine() {
        StringBuilder line = new StringBuilder("Epoch ")
                .append(epoch)
                .append('/')
                .append(epochs)
                .append(": loss ")
                .append(format(trainLoss));
        if (trainAccuracy != null) {
            line.append(", accuracy ").append(format(trainAccuracy));
        }
        line.append(", val_loss ").append(format(validationLoss));
        if (validationAccuracy != null) {
            line.append(", val_accuracy ").append(format(validationAccuracy));
        }
        return line.append(String.format(Locale.ROOT, " (%.1f s)", epochMillis / 1000.0))
                .toString();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
