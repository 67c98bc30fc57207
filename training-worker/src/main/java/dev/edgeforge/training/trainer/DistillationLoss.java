package dev.edgeforge.training.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * The {@link Distillation} loss on logits. Each label row holds the (class-weighted) one-hot hard label followed by
 * the teacher's soft targets: {@code [hard(k) | soft(k)]}.
 */
final class DistillationLoss extends Loss {

    /** Floor inside the log of the soft targets, so that a target of exactly 0 contributes 0, not NaN. */
    private static final float LOG_FLOOR = 1e-30f;

    private final int classes;
    private final float temperature;
    private final float alpha;

    DistillationLoss(int classes, double temperature, double alpha) {
        super("distillation");
        this.classes = classes;
        this.temperature = (float) temperature;
        this.alpha = (float) alpha;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.singletonOrThrow();
        NDList parts = labels.singletonOrThrow().split(new long[] {classes}, 1);
        NDArray hard = parts.get(0);
        NDArray soft = parts.get(1);
        NDArray crossEntropy =
                logits.logSoftmax(1).mul(hard).sum(new int[] {1}).neg().mean();
        NDArray studentLog = logits.div(temperature).logSoftmax(1);
        NDArray kl = soft.mul(soft.clip(LOG_FLOOR, 1f).log().sub(studentLog))
                .sum(new int[] {1})
                .mean();
        return crossEntropy.mul(alpha).add(kl.mul((1 - alpha) * temperature * temperature));
    }
}
