package dev.edgeforge.core.device;

import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.Operator;
import dev.edgeforge.core.model.Quantization;
import dev.edgeforge.core.model.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The all-int8 part of a model that the compiled C runs: the graph itself when its input and output are int8
 * (what EdgeForge's quantizer and the MLPerf Tiny models give), or the graph without a leading float→int8 QUANTIZE
 * and a trailing int8→float DEQUANTIZE. Those two edge operators are exactly what the library's API does around
 * the network (quantize features, dequantize scores) with the same math, so nothing is lost by removing them, and
 * the int8 input and output tensors are then what the serial protocol and the verification compare bit for bit.
 *
 * @param graph          the int8 graph (one int8 input, one int8 output, every activation int8)
 * @param original       the model as given
 * @param inputQuantization  scale and zero point of the int8 input tensor
 * @param outputQuantization scale and zero point of the int8 output tensor
 */
public record NetworkCore(
        ModelGraph graph, ModelGraph original, Quantization inputQuantization, Quantization outputQuantization) {

    /**
     * @throws UnsupportedModelException naming the tensor or operator that keeps the model from running as int8
     */
    public static NetworkCore of(ModelGraph model) {
        if (model.inputs().length != 1 || model.outputs().length != 1) {
            throw new UnsupportedModelException("the model must have exactly one input and one output, it has "
                    + model.inputs().length + " inputs and " + model.outputs().length + " outputs");
        }
        List<Operator> operators = new ArrayList<>(model.operators());
        int input = model.inputs()[0];
        int output = model.outputs()[0];
        if (!operators.isEmpty() && isEdgeQuantize(model, operators.get(0), input)) {
            input = operators.remove(0).output(0);
        }
        if (!operators.isEmpty() && isEdgeDequantize(model, operators.get(operators.size() - 1), output)) {
            output = operators.remove(operators.size() - 1).input(0);
        }
        if (operators.isEmpty()) {
            throw new UnsupportedModelException("the model has no operator to compile besides QUANTIZE/DEQUANTIZE");
        }
        ModelGraph.Builder builder = model.toBuilder().clearOperators();
        operators.forEach(builder::addOperator);
        ModelGraph core = builder.setInputs(input).setOutputs(output).build();
        for (int i = 0; i < operators.size(); i++) {
            Operator op = operators.get(i);
            for (int id : op.outputs()) {
                requireInt8(core.tensor(id), "operator " + i + " " + op.type() + " writes");
            }
            for (int k = 0; k < op.inputCount(); k++) {
                int id = op.input(k);
                if (id != Operator.NO_TENSOR && !core.tensor(id).isConstant()) {
                    requireInt8(core.tensor(id), "operator " + i + " " + op.type() + " reads");
                }
            }
            if (op.type() == OpType.DEQUANTIZE) {
                throw new UnsupportedModelException("operator " + i + " DEQUANTIZE is inside the network; only a"
                        + " last DEQUANTIZE of the output can be compiled");
            }
        }
        return new NetworkCore(
                core,
                model,
                core.tensor(input).quantization(),
                core.tensor(output).quantization());
    }

    private static boolean isEdgeQuantize(ModelGraph model, Operator op, int input) {
        return op.type() == OpType.QUANTIZE
                && op.input(0) == input
                && model.tensor(input).type() == DataType.FLOAT32
                && readers(model, input) == 1;
    }

    private static boolean isEdgeDequantize(ModelGraph model, Operator op, int output) {
        return op.type() == OpType.DEQUANTIZE
                && op.output(0) == output
                && model.tensor(op.input(0)).type() == DataType.INT8
                && readers(model, op.input(0)) == 1;
    }

    private static int readers(ModelGraph model, int tensorId) {
        int count = 0;
        for (Operator op : model.operators()) {
            for (int id : op.inputs()) {
                if (id == tensorId) {
                    count++;
                }
            }
        }
        return count;
    }

    private static void requireInt8(Tensor tensor, String role) {
        if (tensor.type() != DataType.INT8) {
            throw new UnsupportedModelException(role + " " + tensor.describe() + "; compiled models need int8"
                    + " activations (quantize the model to int8 first)");
        }
        if (tensor.quantization() == null || tensor.quantization().isPerChannel()) {
            throw new UnsupportedModelException(
                    role + " " + tensor.describe() + ", which has no per-tensor" + " quantization");
        }
    }

    /** The int8 input tensor. */
    public Tensor input() {
        return graph.inputTensor(0);
    }

    /** The int8 output tensor. */
    public Tensor output() {
        return graph.outputTensor(0);
    }
}
