package dev.edgeforge.core.quantization;

import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.ModelGraphViolation;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.Operator;
import dev.edgeforge.core.model.Quantization;
import dev.edgeforge.core.model.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Post-training int8 quantization of a float32 {@link ModelGraph} per TFLite's quantization spec:
 * <ul>
 *   <li>weights symmetric per channel (zero point 0, values −127..127): CONV_2D filters on axis 0,
 *       DEPTHWISE_CONV_2D filters on axis 3, FULLY_CONNECTED weights per tensor (or per unit, axis 0, with
 *       {@link QuantizationOptions#perChannelFullyConnected()});</li>
 *   <li>biases int32 with scale {@code inputScale × weightScale[c]} and zero point 0;</li>
 *   <li>activations asymmetric per tensor from ranges measured on a calibration set (min/max, percentiles or least
 *       squared error, {@link CalibrationMethod}), the range always including 0; fused ReLU/ReLU6 become clamps of
 *       the quantized output (the range is measured after the activation);</li>
 *   <li>pooling and reshape outputs keep their input's scale and zero point; softmax outputs have scale 1/256 and
 *       zero point −128;</li>
 *   <li>graph inputs and outputs become int8 tensors: the device quantizes features with the input's scale and zero
 *       point and reads scores with the output's.</li>
 * </ul>
 * Batch norm must already be folded ({@link BatchNormFolding}); the graph has no batch-norm operator.
 */
public final class PostTrainingQuantizer {

    private final QuantizationOptions options;

    public PostTrainingQuantizer() {
        this(QuantizationOptions.defaults());
    }

    public PostTrainingQuantizer(QuantizationOptions options) {
        this.options = options;
    }

    /** Quantizes a single-input float graph with calibration samples for that input. */
    public ModelGraph quantize(ModelGraph floatGraph, List<float[]> calibration) {
        List<float[][]> samples = new ArrayList<>();
        for (float[] sample : calibration) {
            samples.add(new float[][] {sample});
        }
        return quantizeMultiInput(floatGraph, samples);
    }

    /** Quantizes a float graph with calibration samples holding one array per graph input. */
    public ModelGraph quantizeMultiInput(ModelGraph floatGraph, List<float[][]> calibration) {
        if (calibration.isEmpty()) {
            throw new IllegalArgumentException("the calibration set is empty");
        }
        checkFloat(floatGraph);
        ActivationRanges ranges = ActivationRanges.measure(floatGraph, calibration, options);
        Quantization[] quantization = new Quantization[floatGraph.tensors().size()];
        Tensor[] replaced = new Tensor[floatGraph.tensors().size()];
        for (int id : floatGraph.inputs()) {
            quantization[id] = activation(ranges, floatGraph.tensor(id));
        }
        for (int index = 0; index < floatGraph.operators().size(); index++) {
            Operator op = floatGraph.operators().get(index);
            for (int id : op.inputs()) {
                if (id != Operator.NO_TENSOR && quantization[id] == null && replaced[id] == null) {
                    Tensor input = floatGraph.tensor(id);
                    if (input.isConstant() && input.type() == DataType.FLOAT32 && !isWeightOrBias(op, id)) {
                        replaced[id] = constantPerTensor(input);
                    }
                }
            }
            Tensor output = floatGraph.tensor(op.output(0));
            quantization[output.id()] = switch (op.type()) {
                case SOFTMAX -> Quantization.perTensor(1f / 256, -128);
                case AVERAGE_POOL_2D, MAX_POOL_2D, RESHAPE -> quantization[op.input(0)];
                default -> activation(ranges, output);
            };
            if (op.type() == OpType.CONV_2D
                    || op.type() == OpType.DEPTHWISE_CONV_2D
                    || op.type() == OpType.FULLY_CONNECTED) {
                quantizeWeightsAndBias(floatGraph, op, quantization[op.input(0)], replaced);
            }
        }
        ModelGraph.Builder builder = floatGraph.toBuilder();
        for (Tensor tensor : floatGraph.tensors()) {
            if (replaced[tensor.id()] != null) {
                builder.replaceTensor(replaced[tensor.id()]);
            } else if (!tensor.isConstant() && tensor.type() == DataType.FLOAT32) {
                if (quantization[tensor.id()] == null) {
                    throw new ModelGraphViolation(tensor.describe() + " is not used by any operator");
                }
                builder.replaceTensor(new Tensor(
                        tensor.id(), tensor.name(), DataType.INT8, tensor.shape(), quantization[tensor.id()], null));
            }
        }
        builder.optMetadata(
                "quantization",
                "int8 post-training, " + options.calibration().name().toLowerCase(Locale.ROOT)
                        + (options.calibration() == CalibrationMethod.PERCENTILE ? " " + options.percentile() : "")
                        + ", " + calibration.size() + " calibration samples");
        return builder.build();
    }

    /**
     * Asymmetric int8 quantization of the real range [min, max], widened to include 0, as TFLite's converter
     * computes it: {@code scale = (max − min) / 255}, {@code zeroPoint = round(−128 − min / scale)} clamped to int8.
     */
    public static Quantization activationQuantization(float min, float max) {
        if (!Float.isFinite(min) || !Float.isFinite(max) || min > max) {
            throw new IllegalArgumentException("activation range [" + min + ", " + max + "] is not a finite range");
        }
        double low = Math.min(min, 0f);
        double high = Math.max(max, 0f);
        double scale = (high - low) / 255.0;
        if (scale < 1e-9) {
            // A tensor that is always zero: any scale represents it exactly; keep the multipliers tame.
            scale = 1.0 / 255;
        }
        long zeroPoint = Math.round(FixedPointMath.round(-128 - low / scale));
        zeroPoint = Math.max(-128, Math.min(127, zeroPoint));
        return Quantization.perTensor((float) scale, zeroPoint);
    }

    /** Symmetric per-channel int8 weights: {@code scale[c] = max|w[c]| / 127}, values clamped to −127..127. */
    public static QuantizedWeights quantizeWeights(float[] weights, int[] shape, int axis, boolean perChannel) {
        int channels = perChannel ? shape[axis] : 1;
        int inner = 1;
        for (int a = axis + 1; a < shape.length; a++) {
            inner *= shape[a];
        }
        float[] maxAbs = new float[channels];
        for (int i = 0; i < weights.length; i++) {
            int c = perChannel ? (i / inner) % channels : 0;
            maxAbs[c] = Math.max(maxAbs[c], Math.abs(weights[i]));
        }
        float[] scales = new float[channels];
        for (int c = 0; c < channels; c++) {
            scales[c] = maxAbs[c] > 0 ? maxAbs[c] / 127f : 1f / 127;
        }
        byte[] values = new byte[weights.length];
        for (int i = 0; i < weights.length; i++) {
            int c = perChannel ? (i / inner) % channels : 0;
            long q = (long) FixedPointMath.round(weights[i] / scales[c]);
            values[i] = (byte) Math.max(-127, Math.min(127, q));
        }
        Quantization quantization =
                perChannel ? Quantization.perChannel(scales, axis) : Quantization.perTensor(scales[0], 0);
        return new QuantizedWeights(values, quantization);
    }

    /** int8 weight values with their quantization. */
    public record QuantizedWeights(byte[] values, Quantization quantization) {}

    private void quantizeWeightsAndBias(
            ModelGraph graph, Operator op, Quantization inputQuantization, Tensor[] replaced) {
        Tensor weights = graph.tensor(op.input(1));
        int axis = op.type() == OpType.DEPTHWISE_CONV_2D ? 3 : 0;
        boolean perChannel = op.type() != OpType.FULLY_CONNECTED || options.perChannelFullyConnected();
        QuantizedWeights q = replaced[weights.id()] != null
                ? new QuantizedWeights(replaced[weights.id()].int8Data(), replaced[weights.id()].quantization())
                : quantizeWeights(weights.floatData(), weights.shape(), axis, perChannel);
        replaced[weights.id()] =
                new Tensor(weights.id(), weights.name(), DataType.INT8, weights.shape(), q.quantization(), q.values());
        if (!op.hasInput(2)) {
            return;
        }
        Tensor bias = graph.tensor(op.input(2));
        if (replaced[bias.id()] != null) {
            throw new ModelGraphViolation(bias.describe() + " is the bias of more than one layer; give each its own");
        }
        float[] values = bias.floatData();
        int channels = values.length;
        float inputScale = inputQuantization.scale();
        float[] scales = new float[channels];
        ByteBuffer data = ByteBuffer.allocate(channels * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < channels; c++) {
            scales[c] = inputScale * q.quantization().scale(q.quantization().isPerChannel() ? c : 0);
            double quantized = FixedPointMath.round(values[c] / (double) scales[c]);
            data.putInt((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, quantized)));
        }
        Quantization biasQuantization = q.quantization().isPerChannel()
                ? Quantization.perChannel(scales, 0)
                : Quantization.perTensor(scales[0], 0);
        replaced[bias.id()] =
                new Tensor(bias.id(), bias.name(), DataType.INT32, bias.shape(), biasQuantization, data.array());
    }

    private static boolean isWeightOrBias(Operator op, int id) {
        boolean weighted = op.type() == OpType.CONV_2D
                || op.type() == OpType.DEPTHWISE_CONV_2D
                || op.type() == OpType.FULLY_CONNECTED;
        return weighted && (op.input(1) == id || op.input(2) == id);
    }

    private static Tensor constantPerTensor(Tensor tensor) {
        float[] values = tensor.floatData();
        float min = 0;
        float max = 0;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        Quantization q = activationQuantization(min, max);
        byte[] data = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            long v = (long) FixedPointMath.round(values[i] / q.scale()) + q.zeroPoint();
            data[i] = (byte) Math.max(-128, Math.min(127, v));
        }
        return new Tensor(tensor.id(), tensor.name(), DataType.INT8, tensor.shape(), q, data);
    }

    private static Quantization activation(ActivationRanges ranges, Tensor tensor) {
        if (!ranges.seen(tensor)) {
            throw new ModelGraphViolation("calibration never reached " + tensor.describe());
        }
        return activationQuantization(ranges.min(tensor), ranges.max(tensor));
    }

    private static void checkFloat(ModelGraph graph) {
        for (Operator op : graph.operators()) {
            if (op.type() == OpType.QUANTIZE || op.type() == OpType.DEQUANTIZE) {
                throw new ModelGraphViolation(
                        "the graph to quantize must be float32 and has a " + op.type() + " operator");
            }
        }
        for (Tensor tensor : graph.tensors()) {
            boolean shapeVector = tensor.isConstant() && tensor.type() == DataType.INT32;
            if (tensor.type() != DataType.FLOAT32 && !shapeVector) {
                throw new ModelGraphViolation(
                        "the graph to quantize must be float32; " + tensor.describe() + " is not");
            }
        }
    }
}
