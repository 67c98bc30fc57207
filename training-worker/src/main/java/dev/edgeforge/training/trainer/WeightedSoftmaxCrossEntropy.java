package dev.edgeforge.training.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Softmax cross-entropy on logits with per-class weights, as Keras applies {@code class_weight}: the label is a
 * one-hot row scaled by its class's weight, so the loss is {@code mean_b(-w[y_b] * log softmax(z_b)[y_b])}. With all
 * weights 1 it is the plain mean cross-entropy.
 */
final class WeightedSoftmaxCrossEntropy extends Loss {

    WeightedSoftmaxCrossEntropy() {
        super("softmax_cross_entropy");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logProbabilities = predictions.singletonOrThrow().logSoftmax(1);
        return logProbabilities
                .mul(labels.singletonOrThrow())
                .sum(new int[] {1})
                .neg()
                .mean();
    }
}
