package dev.edgeforge.core.interpreter;

import java.util.Arrays;

/**
 * Prepared ADD (TFLM {@code ArithmeticParams}). int8: both inputs are offset, shifted left by {@code leftShift} (20),
 * scaled by their multipliers (relative to twice the larger input scale), summed, scaled by the output multiplier,
 * offset and clamped. Broadcasting: {@code input1Strides}/{@code input2Strides} give, per output dimension, the
 * element stride in each input (0 where it broadcasts); {@code broadcast} is false when both inputs have the output's
 * shape.
 */
public record AddParams(
        boolean quantized,
        int input1Offset,
        int input2Offset,
        int outputOffset,
        int leftShift,
        int input1Multiplier,
        int input1Shift,
        int input2Multiplier,
        int input2Shift,
        int outputMultiplier,
        int outputShift,
        int activationMin,
        int activationMax,
        float floatMin,
        float floatMax,
        boolean broadcast,
        int[] outputShape,
        int[] input1Strides,
        int[] input2Strides,
        int elementCount)
        implements OpParams {

    public AddParams {
        outputShape = outputShape.clone();
        input1Strides = input1Strides.clone();
        input2Strides = input2Strides.clone();
    }

    @Override
    public int[] outputShape() {
        return outputShape.clone();
    }

    @Override
    public int[] input1Strides() {
        return input1Strides.clone();
    }

    @Override
    public int[] input2Strides() {
        return input2Strides.clone();
    }

    int[] shape() {
        return outputShape;
    }

    int[] strides1() {
        return input1Strides;
    }

    int[] strides2() {
        return input2Strides;
    }

    @Override
    public String toString() {
        return "AddParams[quantized=" + quantized + ", offsets=" + input1Offset + "/" + input2Offset + "/"
                + outputOffset + ", leftShift=" + leftShift + ", multipliers=" + input1Multiplier + ">>"
                + input1Shift + "/" + input2Multiplier + ">>" + input2Shift + "/" + outputMultiplier + ">>"
                + outputShift + ", clamp=" + activationMin + ".." + activationMax + ", broadcast=" + broadcast
                + ", shape=" + Arrays.toString(outputShape) + "]";
    }
}
