package dev.edgeforge.core.interpreter;

import dev.edgeforge.core.model.Tensor;

/**
 * Sees every activation tensor as soon as it is written (graph inputs first), as real values: float32 tensors as
 * they are, int8 tensors dequantized. Used for calibration and debugging; the array is the observer's to keep.
 */
@FunctionalInterface
public interface ActivationObserver {

    void written(Tensor tensor, float[] values);
}
