package dev.edgeforge.firmware.codegen;

import dev.edgeforge.core.device.KernelPlan;
import dev.edgeforge.core.device.PackedRequant;
import java.util.ArrayList;
import java.util.List;

/** The const arrays model_data.c holds for the packed operators of a {@link KernelPlan}. */
final class PackedArrays {

    private PackedArrays() {}

    /**
     * The arrays of every packed operator, named {@code ef_model_op<index>_<what>}: the packed stream of a
     * convolution or fully connected layer; the packed weights, folded biases, multipliers, rounding constants and
     * shifts of a depthwise convolution.
     */
    static List<DataArray> of(KernelPlan kernels, int operatorCount) {
        List<DataArray> arrays = new ArrayList<>();
        for (int i = 0; i < operatorCount; i++) {
            String prefix = "ef_model_op" + i + "_";
            KernelPlan.Choice choice = kernels.choice(i);
            if (choice instanceof KernelPlan.PackedConv conv) {
                arrays.add(DataArray.int8(
                        prefix + "packed",
                        "operator " + i + ": weights, folded biases and"
                                + " requantization constants, packed by pairs of output channels",
                        conv.stream()));
            } else if (choice instanceof KernelPlan.PackedFullyConnected fc) {
                arrays.add(DataArray.int8(
                        prefix + "packed",
                        "operator " + i + ": weights, folded biases and"
                                + " requantization constants, packed by pairs of output channels",
                        fc.stream()));
            } else if (choice instanceof KernelPlan.PackedDepthwise dw) {
                PackedRequant requant = dw.requant();
                arrays.add(DataArray.int8(
                        prefix + "weights",
                        "operator " + i + ": weights packed in groups of 4" + " channels, tap by tap",
                        dw.weights()));
                arrays.add(DataArray.int32(
                        prefix + "bias",
                        "operator " + i + ": 2 x (bias + input offset x sum" + " of weights)",
                        requant.bias2()));
                arrays.add(DataArray.int32(
                        prefix + "multiplier", "operator " + i + ": Q0.31 multipliers", requant.multiplier()));
                arrays.add(DataArray.int32(
                        prefix + "rounding",
                        "operator " + i + ": rounding constants with the" + " output offset",
                        requant.rounding()));
                arrays.add(DataArray.uint8(prefix + "shift", "operator " + i + ": right shifts", requant.shift()));
            }
        }
        return arrays;
    }
}
