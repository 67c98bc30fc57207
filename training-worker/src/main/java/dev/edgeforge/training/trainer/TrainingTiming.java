package dev.edgeforge.training.trainer;

/**
 * Where a training run spent its time, in nanoseconds. The epoch time ({@link #epochNanos()}) splits into
 * <ul>
 *   <li>data preparation: shuffling, copying samples into batches, augmentation, creating the input NDArrays;</li>
 *   <li>compute: DJL/PyTorch forward, loss, backward and optimizer step, and the validation forward pass;</li>
 *   <li>metrics: reading losses and outputs back into Java, accuracy and validation loss;</li>
 *   <li>other: listener calls, early-stopping snapshots and bookkeeping.</li>
 * </ul>
 *
 * @param setupNanos           engine loading, network construction and weight initialization
 * @param dataPreparationNanos see above
 * @param computeNanos         see above
 * @param metricsNanos         see above
 * @param epochNanos           wall time of all epochs
 * @param epochs               epochs run
 */
public record TrainingTiming(
        long setupNanos, long dataPreparationNanos, long computeNanos, long metricsNanos, long epochNanos, int epochs) {

    /** Mean wall time of one epoch in seconds. */
    public double secondsPerEpoch() {
        return epochs == 0 ? 0 : epochNanos / 1e9 / epochs;
    }

    /** Share of the epoch time spent outside DJL's compute (data preparation, metrics, other). */
    public double outsideComputeShare() {
        return epochNanos == 0 ? 0 : 1.0 - (double) computeNanos / epochNanos;
    }

    /** Epoch time not accounted to data preparation, compute or metrics. */
    public long otherNanos() {
        return epochNanos - dataPreparationNanos - computeNanos - metricsNanos;
    }
}
