package dev.edgeforge.core.interpreter;

import dev.edgeforge.core.memory.MemoryPlan;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.Operator;
import dev.edgeforge.core.model.Tensor;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link ModelGraph} with TFLite Micro's reference kernel math (int8 bit-exact, float32 as TFLite's reference
 * kernels), from one byte arena laid out by the {@link MemoryPlan}, so every run also proves the plan valid.
 *
 * <p>Not thread-safe: one interpreter holds one arena; use one per thread. Typical use:
 * <pre>{@code
 * Interpreter interpreter = new Interpreter(graph);
 * byte[] scores = interpreter.runInt8(features);   // single int8 input and output
 * }</pre>
 */
public final class Interpreter {

    /** Largest arena the interpreter allocates. */
    public static final int MAX_ARENA_BYTES = 512 << 20;

    private static final VarHandle FLOATS =
            MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

    private final PreparedModel prepared;
    private final ModelGraph graph;
    private final MemoryPlan plan;
    private final byte[] arena;
    private final List<Runnable> steps = new ArrayList<>();
    private ActivationObserver observer;

    public Interpreter(ModelGraph graph) {
        this(PreparedModel.prepare(graph));
    }

    public Interpreter(PreparedModel prepared) {
        this.prepared = prepared;
        this.graph = prepared.graph();
        this.plan = prepared.memoryPlan();
        if (plan.arenaBytes() > MAX_ARENA_BYTES) {
            throw new IllegalArgumentException("the model needs an arena of " + plan.arenaBytes()
                    + " bytes, more than the interpreter's limit of " + MAX_ARENA_BYTES);
        }
        this.arena = new byte[plan.arenaBytes()];
        for (PreparedOperator op : prepared.operators()) {
            steps.add(step(op));
        }
    }

    public PreparedModel prepared() {
        return prepared;
    }

    public MemoryPlan memoryPlan() {
        return plan;
    }

    /** Sets graph input {@code index} from its raw little-endian bytes (int8 values, or float32 bytes). */
    public void setInput(int index, byte[] bytes) {
        Tensor tensor = graph.inputTensor(index);
        if (bytes.length != tensor.byteSize()) {
            throw new IllegalArgumentException("input " + index + " (" + tensor.describe() + ") needs "
                    + tensor.byteSize() + " bytes, got " + bytes.length);
        }
        System.arraycopy(bytes, 0, arena, plan.offset(tensor.id()), bytes.length);
    }

    /** Sets float32 graph input {@code index}. */
    public void setInput(int index, float[] values) {
        Tensor tensor = graph.inputTensor(index);
        if (tensor.type() != DataType.FLOAT32 || values.length != tensor.elementCount()) {
            throw new IllegalArgumentException("input " + index + " (" + tensor.describe() + ") needs "
                    + tensor.elementCount() + " float32 values, got " + values.length + " floats");
        }
        writeFloats(values, plan.offset(tensor.id()));
    }

    /** Runs all operators. */
    public void invoke() {
        if (observer != null) {
            for (int id : graph.inputs()) {
                observe(id);
            }
        }
        for (Runnable step : steps) {
            step.run();
        }
    }

    /** Runs all operators, showing every activation to {@code activationObserver}. */
    public void invoke(ActivationObserver activationObserver) {
        this.observer = activationObserver;
        try {
            invoke();
        } finally {
            this.observer = null;
        }
    }

    /** The raw bytes of graph output {@code index}. */
    public byte[] outputBytes(int index) {
        Tensor tensor = graph.outputTensor(index);
        byte[] bytes = new byte[tensor.byteSize()];
        System.arraycopy(arena, plan.offset(tensor.id()), bytes, 0, bytes.length);
        return bytes;
    }

    /** Graph output {@code index} as real values (float32 as is, int8 dequantized). */
    public float[] outputValues(int index) {
        return values(graph.outputTensor(index));
    }

    /** Runs a graph with one int8 input and one int8 output. */
    public byte[] runInt8(byte[] input) {
        setInput(0, input);
        invoke();
        return outputBytes(0);
    }

    /** Runs a graph with one float32 input; returns output 0 as real values. */
    public float[] runFloat(float[] input) {
        setInput(0, input);
        invoke();
        return outputValues(0);
    }

    private Runnable step(PreparedOperator prepared) {
        Operator op = prepared.operator();
        OpParams params = prepared.params();
        Operand in0 = operand(op.input(0));
        int out = plan.offset(op.output(0));
        int outId = op.output(0);
        // Constants are decoded once here, not on every run.
        boolean weighted = params instanceof ConvParams
                || params instanceof DepthwiseConvParams
                || params instanceof FullyConnectedParams;
        boolean floatWeights = weighted && graph.tensor(op.input(1)).type() == DataType.FLOAT32;
        byte[] w8 = weighted && !floatWeights ? int8(op, 1) : null;
        int[] b32 = weighted && !floatWeights ? int32(op, 2) : null;
        float[] wf = floatWeights ? floats(op, 1) : null;
        float[] bf = floatWeights ? floats(op, 2) : null;
        Runnable kernel;
        if (params instanceof ConvParams p) {
            kernel = p.quantized()
                    ? () -> ConvKernel.int8(p, in0.bytes, in0.offset, w8, b32, arena, out)
                    : floatStep(op, (x, y) -> ConvKernel.float32(p, x, wf, bf, y));
        } else if (params instanceof DepthwiseConvParams p) {
            kernel = p.quantized()
                    ? () -> DepthwiseConvKernel.int8(p, in0.bytes, in0.offset, w8, b32, arena, out)
                    : floatStep(op, (x, y) -> DepthwiseConvKernel.float32(p, x, wf, bf, y));
        } else if (params instanceof FullyConnectedParams p) {
            kernel = p.quantized()
                    ? () -> FullyConnectedKernel.int8(p, in0.bytes, in0.offset, w8, b32, arena, out)
                    : floatStep(op, (x, y) -> FullyConnectedKernel.float32(p, x, wf, bf, y));
        } else if (params instanceof PoolParams p) {
            kernel = p.quantized()
                    ? () -> PoolKernel.int8(p, in0.bytes, in0.offset, arena, out)
                    : floatStep(op, (x, y) -> PoolKernel.float32(p, x, y));
        } else if (params instanceof AddParams p) {
            kernel = addStep(op, p, in0, out);
        } else if (params instanceof SoftmaxParams p) {
            kernel = p.quantized()
                    ? () -> SoftmaxKernel.int8(p, in0.bytes, in0.offset, arena, out)
                    : floatStep(op, (x, y) -> SoftmaxKernel.float32(p, x, y));
        } else if (params instanceof QuantizeParams p) {
            kernel = p.requantize()
                    ? () -> QuantizeKernel.requantize(p, in0.bytes, in0.offset, arena, out)
                    : () -> QuantizeKernel.fromFloat(p, readFloats(in0, p.elementCount()), arena, out);
        } else if (params instanceof DequantizeParams p) {
            kernel = () -> {
                float[] y = new float[p.elementCount()];
                QuantizeKernel.dequantize(p, in0.bytes, in0.offset, y);
                writeFloats(y, out);
            };
        } else {
            ReshapeParams p = (ReshapeParams) params;
            kernel = () -> System.arraycopy(in0.bytes, in0.offset, arena, out, p.byteCount());
        }
        return () -> {
            kernel.run();
            if (observer != null) {
                observe(outId);
            }
        };
    }

    private Runnable addStep(Operator op, AddParams p, Operand a, int out) {
        Operand b = operand(op.input(1));
        if (p.quantized()) {
            return () -> AddKernel.int8(p, a.bytes, a.offset, b.bytes, b.offset, arena, out);
        }
        Tensor ta = graph.tensor(op.input(0));
        Tensor tb = graph.tensor(op.input(1));
        return () -> {
            float[] y = new float[p.elementCount()];
            AddKernel.float32(p, readFloats(a, ta.elementCount()), readFloats(b, tb.elementCount()), y);
            writeFloats(y, out);
        };
    }

    /** A float kernel: decodes input 0 from the arena, runs, encodes the output into the arena. */
    private Runnable floatStep(Operator op, FloatKernel kernel) {
        Tensor input = graph.tensor(op.input(0));
        Tensor output = graph.tensor(op.output(0));
        Operand in = operand(input.id());
        int out = plan.offset(output.id());
        return () -> {
            float[] y = new float[output.elementCount()];
            kernel.run(readFloats(in, input.elementCount()), y);
            writeFloats(y, out);
        };
    }

    @FunctionalInterface
    private interface FloatKernel {
        void run(float[] input, float[] output);
    }

    /** Where a tensor's bytes are: the arena for activations, the constant's own array for constants. */
    private record Operand(byte[] bytes, int offset) {}

    private Operand operand(int id) {
        Tensor tensor = graph.tensor(id);
        return tensor.isConstant() ? new Operand(tensor.copyData(), 0) : new Operand(arena, plan.offset(id));
    }

    private byte[] int8(Operator op, int index) {
        return graph.tensor(op.input(index)).int8Data();
    }

    private int[] int32(Operator op, int index) {
        return op.hasInput(index) ? graph.tensor(op.input(index)).int32Data() : null;
    }

    private float[] floats(Operator op, int index) {
        return op.hasInput(index) ? graph.tensor(op.input(index)).floatData() : null;
    }

    private float[] readFloats(Operand operand, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) FLOATS.get(operand.bytes, operand.offset + 4 * i);
        }
        return values;
    }

    private void writeFloats(float[] values, int offset) {
        for (int i = 0; i < values.length; i++) {
            FLOATS.set(arena, offset + 4 * i, values[i]);
        }
    }

    private float[] values(Tensor tensor) {
        int offset = plan.offset(tensor.id());
        if (tensor.type() == DataType.FLOAT32) {
            return readFloats(new Operand(arena, offset), tensor.elementCount());
        }
        float[] values = new float[tensor.elementCount()];
        double scale = tensor.quantization().scale();
        int zeroPoint = tensor.quantization().zeroPoint();
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (scale * (arena[offset + i] - zeroPoint));
        }
        return values;
    }

    private void observe(int tensorId) {
        Tensor tensor = graph.tensor(tensorId);
        observer.written(tensor, values(tensor));
    }
}
