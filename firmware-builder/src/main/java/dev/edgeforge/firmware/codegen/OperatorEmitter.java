package dev.edgeforge.firmware.codegen;

import static dev.edgeforge.firmware.template.CSyntax.int32Literal;

import dev.edgeforge.core.device.KernelPlan;
import dev.edgeforge.core.device.PackedLayout;
import dev.edgeforge.core.device.UnsupportedModelException;
import dev.edgeforge.core.interpreter.AddParams;
import dev.edgeforge.core.interpreter.ConvParams;
import dev.edgeforge.core.interpreter.DepthwiseConvParams;
import dev.edgeforge.core.interpreter.DequantizeParams;
import dev.edgeforge.core.interpreter.FullyConnectedParams;
import dev.edgeforge.core.interpreter.OpParams;
import dev.edgeforge.core.interpreter.PoolParams;
import dev.edgeforge.core.interpreter.PreparedOperator;
import dev.edgeforge.core.interpreter.QuantizeParams;
import dev.edgeforge.core.interpreter.ReshapeParams;
import dev.edgeforge.core.interpreter.SoftmaxParams;
import dev.edgeforge.core.memory.MemoryPlan;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.Operator;
import dev.edgeforge.core.model.Shapes;
import dev.edgeforge.core.model.Tensor;
import dev.edgeforge.firmware.template.CSyntax;
import dev.edgeforge.firmware.template.CodeTemplate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns one prepared operator into C: its params struct as const data (from the interpreter's params record, so the
 * C kernel computes nothing Java computed already) and the kernel call on arena offsets or model constants.
 */
final class OperatorEmitter {

    /** The const definitions of one operator and the statement that runs it. */
    record EmittedOperator(String definitions, String call, String kernelHeader) {}

    private static final int MAX_ADD_DIMS = 6;

    private final ModelGraph graph;
    private final MemoryPlan plan;
    private final KernelPlan kernels;
    private final ConstantNames constants;
    private final CodeTemplate conv = CodeTemplate.load("c-library/ops/conv2d.tmpl");
    private final CodeTemplate depthwise = CodeTemplate.load("c-library/ops/depthwise_conv2d.tmpl");
    private final CodeTemplate fullyConnected = CodeTemplate.load("c-library/ops/fully_connected.tmpl");
    private final CodeTemplate pool = CodeTemplate.load("c-library/ops/pool2d.tmpl");
    private final CodeTemplate add = CodeTemplate.load("c-library/ops/add.tmpl");
    private final CodeTemplate addBroadcast = CodeTemplate.load("c-library/ops/add_broadcast.tmpl");
    private final CodeTemplate softmax = CodeTemplate.load("c-library/ops/softmax.tmpl");
    private final CodeTemplate requantize = CodeTemplate.load("c-library/ops/requantize.tmpl");
    private final CodeTemplate reshape = CodeTemplate.load("c-library/ops/reshape.tmpl");
    private final CodeTemplate convPacked = CodeTemplate.load("c-library/ops/conv2d_packed.tmpl");
    private final CodeTemplate depthwisePacked = CodeTemplate.load("c-library/ops/depthwise_conv2d_packed.tmpl");
    private final CodeTemplate fullyConnectedPacked = CodeTemplate.load("c-library/ops/fully_connected_packed.tmpl");
    private final CodeTemplate packedRequant = CodeTemplate.load("c-library/ops/packed_requant.tmpl");

    /** The C name of a constant tensor's array in model_data.c. */
    interface ConstantNames {
        String of(Tensor constant);
    }

    OperatorEmitter(ModelGraph graph, MemoryPlan plan, KernelPlan kernels, ConstantNames constants) {
        this.graph = graph;
        this.plan = plan;
        this.kernels = kernels;
        this.constants = constants;
    }

    EmittedOperator emit(PreparedOperator prepared) {
        Operator op = prepared.operator();
        String name = "op" + prepared.index();
        String description = describe(prepared);
        OpParams params = prepared.params();
        KernelPlan.Choice choice = kernels.choice(prepared.index());
        if (!(choice instanceof KernelPlan.Unpacked)) {
            return emitPacked(prepared.index(), name, description, choice, op);
        }
        if (params instanceof ConvParams p) {
            requireQuantized(p.quantized(), prepared);
            return new EmittedOperator(
                    conv.render(conv(name, description, p, op)),
                    "ef_conv2d_s8(&" + name + "_params, " + operand(op, 0) + ", " + operand(op, 1) + ", "
                            + optionalOperand(op, 2) + ", " + output(op) + ")",
                    "conv2d.h");
        }
        if (params instanceof DepthwiseConvParams p) {
            requireQuantized(p.quantized(), prepared);
            return new EmittedOperator(
                    depthwise.render(depthwise(name, description, p)),
                    "ef_depthwise_conv2d_s8(&" + name + "_params, " + operand(op, 0) + ", " + operand(op, 1) + ", "
                            + optionalOperand(op, 2) + ", " + output(op) + ")",
                    "depthwise_conv2d.h");
        }
        if (params instanceof FullyConnectedParams p) {
            requireQuantized(p.quantized(), prepared);
            return new EmittedOperator(
                    fullyConnected.render(fullyConnected(name, description, p)),
                    "ef_fully_connected_s8(&" + name + "_params, " + operand(op, 0) + ", " + operand(op, 1) + ", "
                            + optionalOperand(op, 2) + ", " + output(op) + ")",
                    "fully_connected.h");
        }
        if (params instanceof PoolParams p) {
            requireQuantized(p.quantized(), prepared);
            String kernel = p.average() ? "ef_average_pool2d_s8" : "ef_max_pool2d_s8";
            return new EmittedOperator(
                    pool.render(pool(name, description, p)),
                    kernel + "(&" + name + "_params, " + operand(op, 0) + ", " + output(op) + ")",
                    p.average() ? "average_pool2d.h" : "max_pool2d.h");
        }
        if (params instanceof AddParams p) {
            requireQuantized(p.quantized(), prepared);
            String call = p.broadcast()
                    ? "ef_add_broadcast_s8(&" + name + "_params, &" + name + "_broadcast, " + operand(op, 0) + ", "
                            + operand(op, 1) + ", " + output(op) + ")"
                    : "ef_add_s8(&" + name + "_params, " + p.elementCount() + ", " + operand(op, 0) + ", "
                            + operand(op, 1) + ", " + output(op) + ")";
            return new EmittedOperator(add.render(add(name, description, p)), call, "add.h");
        }
        if (params instanceof SoftmaxParams p) {
            requireQuantized(p.quantized(), prepared);
            return new EmittedOperator(
                    softmax.render(Map.of(
                            "op",
                            name,
                            "description",
                            description,
                            "outerSize",
                            Integer.toString(p.outerSize()),
                            "depth",
                            Integer.toString(p.depth()),
                            "inputMultiplier",
                            int32Literal(p.inputMultiplier()),
                            "inputLeftShift",
                            Integer.toString(p.inputLeftShift()),
                            "diffMin",
                            int32Literal(p.diffMin()))),
                    "ef_softmax_s8(&" + name + "_params, " + operand(op, 0) + ", " + output(op) + ")",
                    "softmax.h");
        }
        if (params instanceof QuantizeParams p) {
            if (!p.requantize()) {
                throw new UnsupportedModelException(description + ": QUANTIZE from float32 inside the network");
            }
            return new EmittedOperator(
                    requantize.render(Map.of(
                            "op",
                            name,
                            "description",
                            description,
                            "size",
                            Integer.toString(p.elementCount()),
                            "inputZeroPoint",
                            Integer.toString(p.inputZeroPoint()),
                            "outputZeroPoint",
                            Integer.toString(p.outputZeroPoint()),
                            "multiplier",
                            int32Literal(p.multiplier()),
                            "shift",
                            Integer.toString(p.shift()))),
                    "ef_requantize_s8(&" + name + "_params, " + operand(op, 0) + ", " + output(op) + ")",
                    "quantize.h");
        }
        if (params instanceof ReshapeParams p) {
            return new EmittedOperator(
                    reshape.render(Map.of(
                            "op", name, "description", description, "sizeBytes", Integer.toString(p.byteCount()))),
                    "ef_reshape(&" + name + "_params, " + operand(op, 0) + ", " + output(op) + ")",
                    "reshape.h");
        }
        if (params instanceof DequantizeParams) {
            throw new UnsupportedModelException(description + ": DEQUANTIZE inside the network");
        }
        throw new UnsupportedModelException(
                description + ": no C kernel for " + params.getClass().getSimpleName());
    }

    private EmittedOperator emitPacked(
            int index, String name, String description, KernelPlan.Choice choice, Operator op) {
        String prefix = "ef_model_op" + index + "_";
        String data = choice instanceof KernelPlan.PackedDepthwise ? prefix + "weights" : prefix + "packed";
        int scratch = plan.scratchOffset(index);
        String arguments = "(&" + name + "_params, " + operand(op, 0) + ", " + data + ", " + output(op) + ", "
                + (scratch < 0 ? "0" : "EF_ARENA_AT(" + scratch + ")") + ")";
        Map<String, String> v = start(name, description);
        if (choice instanceof KernelPlan.PackedConv conv) {
            ConvParams p = conv.params();
            put(v, "batches", p.batches());
            put(v, "inputHeight", p.inputHeight());
            put(v, "inputWidth", p.inputWidth());
            put(v, "inputDepth", p.inputDepth());
            put(v, "filterHeight", p.filterHeight());
            put(v, "filterWidth", p.filterWidth());
            put(v, "outputHeight", p.outputHeight());
            put(v, "outputWidth", p.outputWidth());
            put(v, "outputDepth", p.outputDepth());
            geometry(
                    v,
                    p.strideHeight(),
                    p.strideWidth(),
                    p.dilationHeight(),
                    p.dilationWidth(),
                    p.padHeight(),
                    p.padWidth());
            put(v, "patchSize", conv.patchSize());
            put(v, "patchStride", PackedLayout.stride(conv.patchSize()));
            put(v, "padValue", -p.inputOffset());
            put(v, "activationMin", p.activationMin());
            put(v, "activationMax", p.activationMax());
            put(v, "reverse", conv.reverse() ? 1 : 0);
            return new EmittedOperator(convPacked.render(v), "ef_conv2d_packed_s8" + arguments, "conv2d_packed.h");
        }
        if (choice instanceof KernelPlan.PackedDepthwise dw) {
            DepthwiseConvParams p = dw.params();
            put(v, "batches", p.batches());
            put(v, "inputHeight", p.inputHeight());
            put(v, "inputWidth", p.inputWidth());
            put(v, "depth", p.inputDepth());
            put(v, "filterHeight", p.filterHeight());
            put(v, "filterWidth", p.filterWidth());
            put(v, "outputHeight", p.outputHeight());
            put(v, "outputWidth", p.outputWidth());
            put(v, "strideHeight", p.strideHeight());
            put(v, "strideWidth", p.strideWidth());
            put(v, "padHeight", p.padHeight());
            put(v, "padWidth", p.padWidth());
            put(v, "paddedWidth", PackedLayout.paddedWidth(p));
            put(v, "padValue", -p.inputOffset());
            v.put("requant", requant(prefix, p.activationMin(), p.activationMax()));
            return new EmittedOperator(
                    depthwisePacked.render(v),
                    "ef_depthwise_conv2d_packed_s8" + arguments,
                    "depthwise_conv2d_packed.h");
        }
        if (choice instanceof KernelPlan.PackedFullyConnected fc) {
            FullyConnectedParams p = fc.params();
            put(v, "batches", p.batches());
            put(v, "accumDepth", p.accumDepth());
            put(v, "accumStride", PackedLayout.stride(p.accumDepth()));
            put(v, "outputDepth", p.outputDepth());
            put(v, "activationMin", p.activationMin());
            put(v, "activationMax", p.activationMax());
            return new EmittedOperator(
                    fullyConnectedPacked.render(v),
                    "ef_fully_connected_packed_s8" + arguments,
                    "fully_connected_packed.h");
        }
        throw new IllegalStateException(description + " is not packed");
    }

    private String requant(String prefix, int activationMin, int activationMax) {
        return packedRequant
                .render(Map.of(
                        "prefix",
                        prefix,
                        "activationMin",
                        int32Literal(activationMin),
                        "activationMax",
                        int32Literal(activationMax)))
                .stripTrailing();
    }

    private static void requireQuantized(boolean quantized, PreparedOperator prepared) {
        if (!quantized) {
            throw new UnsupportedModelException("operator " + prepared.index() + " "
                    + prepared.operator().type() + " is float32; compiled models need int8 operators");
        }
    }

    /**
     * {@code 12: CONV_2D 'name' [1,49,10,1] -> [1,25,5,64]}, for comments: text, since the tensor name comes from the
     * model file.
     */
    String describe(PreparedOperator prepared) {
        Operator op = prepared.operator();
        Tensor in = graph.tensor(op.input(0));
        Tensor out = graph.tensor(op.output(0));
        String name = out.name().length() > 60
                ? "..." + out.name().substring(out.name().length() - 57)
                : out.name();
        return prepared.index() + ": " + op.type() + " '" + name + "' " + Shapes.format(in.shape()) + " -> "
                + Shapes.format(out.shape());
    }

    /** Where an input of the operator is: a model constant or an arena offset. */
    private String operand(Operator op, int index) {
        Tensor tensor = graph.tensor(op.input(index));
        if (tensor.isConstant()) {
            return constants.of(tensor);
        }
        return "EF_ARENA_AT(" + plan.offset(tensor.id()) + ")";
    }

    private String optionalOperand(Operator op, int index) {
        return op.hasInput(index) ? operand(op, index) : "0";
    }

    private String output(Operator op) {
        return "EF_ARENA_AT(" + plan.offset(op.output(0)) + ")";
    }

    private Map<String, String> conv(String name, String description, ConvParams p, Operator op) {
        Map<String, String> v = start(name, description);
        multipliers(v, name, p.outputMultiplier(), p.outputShift(), p.outputDepth());
        put(v, "batches", p.batches());
        put(v, "inputHeight", p.inputHeight());
        put(v, "inputWidth", p.inputWidth());
        put(v, "inputDepth", p.inputDepth());
        put(v, "filterHeight", p.filterHeight());
        put(v, "filterWidth", p.filterWidth());
        // Grouped convolutions read fewer input channels per filter than the input has.
        put(v, "filterDepth", graph.tensor(op.input(1)).dim(3));
        put(v, "outputHeight", p.outputHeight());
        put(v, "outputWidth", p.outputWidth());
        put(v, "outputDepth", p.outputDepth());
        geometry(
                v,
                p.strideHeight(),
                p.strideWidth(),
                p.dilationHeight(),
                p.dilationWidth(),
                p.padHeight(),
                p.padWidth());
        put(v, "inputOffset", p.inputOffset());
        put(v, "outputOffset", p.outputOffset());
        put(v, "activationMin", p.activationMin());
        put(v, "activationMax", p.activationMax());
        return v;
    }

    private Map<String, String> depthwise(String name, String description, DepthwiseConvParams p) {
        Map<String, String> v = start(name, description);
        multipliers(v, name, p.outputMultiplier(), p.outputShift(), p.outputDepth());
        put(v, "batches", p.batches());
        put(v, "inputHeight", p.inputHeight());
        put(v, "inputWidth", p.inputWidth());
        put(v, "inputDepth", p.inputDepth());
        put(v, "filterHeight", p.filterHeight());
        put(v, "filterWidth", p.filterWidth());
        put(v, "depthMultiplier", p.depthMultiplier());
        put(v, "outputHeight", p.outputHeight());
        put(v, "outputWidth", p.outputWidth());
        put(v, "outputDepth", p.outputDepth());
        geometry(
                v,
                p.strideHeight(),
                p.strideWidth(),
                p.dilationHeight(),
                p.dilationWidth(),
                p.padHeight(),
                p.padWidth());
        put(v, "inputOffset", p.inputOffset());
        put(v, "outputOffset", p.outputOffset());
        put(v, "activationMin", p.activationMin());
        put(v, "activationMax", p.activationMax());
        return v;
    }

    private Map<String, String> fullyConnected(String name, String description, FullyConnectedParams p) {
        Map<String, String> v = start(name, description);
        // The C kernel always reads one multiplier per output channel: a per-tensor one is repeated.
        int[] multiplier = p.outputMultiplier();
        int[] shift = p.outputShift();
        if (!p.perChannel()) {
            multiplier = repeat(multiplier[0], p.outputDepth());
            shift = repeat(shift[0], p.outputDepth());
        }
        multipliers(v, name, multiplier, shift, p.outputDepth());
        put(v, "batches", p.batches());
        put(v, "accumDepth", p.accumDepth());
        put(v, "outputDepth", p.outputDepth());
        put(v, "inputOffset", p.inputOffset());
        put(v, "weightsOffset", p.weightsOffset());
        put(v, "outputOffset", p.outputOffset());
        put(v, "activationMin", p.activationMin());
        put(v, "activationMax", p.activationMax());
        return v;
    }

    private Map<String, String> pool(String name, String description, PoolParams p) {
        Map<String, String> v = start(name, description);
        put(v, "batches", p.batches());
        put(v, "inputHeight", p.inputHeight());
        put(v, "inputWidth", p.inputWidth());
        put(v, "depth", p.depth());
        put(v, "outputHeight", p.outputHeight());
        put(v, "outputWidth", p.outputWidth());
        put(v, "filterHeight", p.filterHeight());
        put(v, "filterWidth", p.filterWidth());
        put(v, "strideHeight", p.strideHeight());
        put(v, "strideWidth", p.strideWidth());
        put(v, "padHeight", p.padHeight());
        put(v, "padWidth", p.padWidth());
        put(v, "activationMin", p.activationMin());
        put(v, "activationMax", p.activationMax());
        return v;
    }

    private Map<String, String> add(String name, String description, AddParams p) {
        Map<String, String> v = start(name, description);
        put(v, "input1Offset", p.input1Offset());
        put(v, "input2Offset", p.input2Offset());
        put(v, "outputOffset", p.outputOffset());
        put(v, "leftShift", p.leftShift());
        put(v, "input1Multiplier", p.input1Multiplier());
        put(v, "input1Shift", p.input1Shift());
        put(v, "input2Multiplier", p.input2Multiplier());
        put(v, "input2Shift", p.input2Shift());
        put(v, "outputMultiplier", p.outputMultiplier());
        put(v, "outputShift", p.outputShift());
        put(v, "activationMin", p.activationMin());
        put(v, "activationMax", p.activationMax());
        if (!p.broadcast()) {
            v.put("broadcast", "");
            return v;
        }
        int[] shape = p.outputShape();
        if (shape.length > MAX_ADD_DIMS) {
            throw new UnsupportedModelException(description + ": ADD broadcasts over " + shape.length
                    + " dimensions; the C kernel handles up to " + MAX_ADD_DIMS);
        }
        v.put(
                "broadcast",
                addBroadcast
                        .render(Map.of(
                                "op",
                                name,
                                "outputDims",
                                joined(padLeft(shape, 1)),
                                "input1Strides",
                                joined(padLeft(p.input1Strides(), 0)),
                                "input2Strides",
                                joined(padLeft(p.input2Strides(), 0))))
                        .stripTrailing());
        return v;
    }

    private static int[] padLeft(int[] values, int fill) {
        int[] padded = new int[MAX_ADD_DIMS];
        Arrays.fill(padded, fill);
        System.arraycopy(values, 0, padded, MAX_ADD_DIMS - values.length, values.length);
        return padded;
    }

    private static String joined(int[] values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return out.toString();
    }

    private static int[] repeat(int value, int count) {
        int[] values = new int[count];
        Arrays.fill(values, value);
        return values;
    }

    private static Map<String, String> start(String name, String description) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("op", name);
        v.put("description", description);
        return v;
    }

    private static void multipliers(Map<String, String> v, String name, int[] multiplier, int[] shift, int channels) {
        if (multiplier.length != channels || shift.length != channels) {
            throw new IllegalStateException(
                    name + ": " + multiplier.length + " multipliers for " + channels + " output channels");
        }
        v.put(
                "multipliers",
                CSyntax.table(
                        "static const", "int32_t", name + "_multiplier", channels, CSyntax.int32Values(multiplier)));
        v.put(
                "shifts",
                CSyntax.table("static const", "int32_t", name + "_shift", channels, CSyntax.int32Values(shift)));
    }

    private static void geometry(
            Map<String, String> v,
            int strideHeight,
            int strideWidth,
            int dilationHeight,
            int dilationWidth,
            int padHeight,
            int padWidth) {
        put(v, "strideHeight", strideHeight);
        put(v, "strideWidth", strideWidth);
        put(v, "dilationHeight", dilationHeight);
        put(v, "dilationWidth", dilationWidth);
        put(v, "padHeight", padHeight);
        put(v, "padWidth", padWidth);
    }

    private static void put(Map<String, String> v, String key, int value) {
        v.put(key, int32Literal(value));
    }
}
