package dev.edgeforge.training.compression;

/** Setting checks shared by the compression builders. */
final class Checks {

    private Checks() {}

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    static void sameClasses(TrainedModel model, LabelledSamples samples) {
        if (!model.network().outputNames().equals(samples.classNames())) {
            throw new IllegalArgumentException("the model's classes "
                    + model.network().outputNames() + " are not the samples' classes " + samples.classNames());
        }
        if (!model.network().inputShape().equals(samples.sampleShape())) {
            throw new IllegalArgumentException("the model takes samples of shape "
                    + model.network().inputShape() + ", the samples have shape " + samples.sampleShape());
        }
    }
}
