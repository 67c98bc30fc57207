package dev.edgeforge.core.tflite;

import com.google.flatbuffers.FlatBufferBuilder;
import dev.edgeforge.core.model.AddOptions;
import dev.edgeforge.core.model.Conv2DOptions;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.DepthwiseConv2DOptions;
import dev.edgeforge.core.model.FullyConnectedOptions;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.Operator;
import dev.edgeforge.core.model.Pool2DOptions;
import dev.edgeforge.core.model.Quantization;
import dev.edgeforge.core.model.ReshapeOptions;
import dev.edgeforge.core.model.SoftmaxOptions;
import dev.edgeforge.core.model.Tensor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link ModelGraph} as a {@code .tflite} flatbuffer that TFLite and TFLite Micro load: identifier
 * {@code TFL3}, schema version 3, one subgraph, buffer 0 empty (activations point to it), constant data 16-byte
 * aligned, an options table for every operator, both {@code builtin_code} and {@code deprecated_builtin_code}
 * (the latter {@code min(code, 127)}), operator versions as TFLite's converter assigns them for the tensor types.
 * Labels and metadata go into model metadata entries named {@code edgeforge:labels} and {@code edgeforge:<key>}
 * (UTF-8 buffers), which {@link TfliteReader} reads back.
 */
public final class TfliteWriter {

    /** Serialises a (valid) graph. */
    public byte[] write(ModelGraph graph) {
        graph.validate();
        FlatBufferBuilder fb = new FlatBufferBuilder(1024 + estimateSize(graph));

        List<byte[]> buffers = new ArrayList<>();
        buffers.add(null); // buffer 0: the empty sentinel
        int[] tensorBuffer = new int[graph.tensors().size()];
        for (Tensor tensor : graph.tensors()) {
            if (tensor.isConstant()) {
                tensorBuffer[tensor.id()] = buffers.size();
                buffers.add(tensor.copyData());
            }
        }
        Map<String, Integer> metadataBuffers = new LinkedHashMap<>();
        if (!graph.labels().isEmpty()) {
            metadataBuffers.put(TfliteReader.LABELS_METADATA, buffers.size());
            buffers.add(String.join("\n", graph.labels()).getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, String> entry : graph.metadata().entrySet()) {
            metadataBuffers.put(TfliteReader.METADATA_PREFIX + entry.getKey(), buffers.size());
            buffers.add(entry.getValue().getBytes(StandardCharsets.UTF_8));
        }

        // Opcodes in order of first use.
        List<OpType> opcodes = new ArrayList<>();
        for (Operator op : graph.operators()) {
            if (!opcodes.contains(op.type())) {
                opcodes.add(op.type());
            }
        }
        int[] opcodeOffsets = new int[opcodes.size()];
        for (int i = 0; i < opcodes.size(); i++) {
            OpType type = opcodes.get(i);
            int code = TfliteSchema.builtinCode(type);
            fb.startTable(4);
            fb.addByte(0, (byte) Math.min(code, TfliteSchema.PLACEHOLDER_FOR_GREATER_OP_CODES), 0);
            fb.addInt(2, version(graph, type), 1);
            fb.addInt(3, code, 0);
            opcodeOffsets[i] = fb.endTable();
        }

        int[] tensorOffsets = new int[graph.tensors().size()];
        for (Tensor tensor : graph.tensors()) {
            tensorOffsets[tensor.id()] = tensor(fb, tensor, tensorBuffer[tensor.id()]);
        }
        int[] operatorOffsets = new int[graph.operators().size()];
        for (int i = 0; i < graph.operators().size(); i++) {
            Operator op = graph.operators().get(i);
            operatorOffsets[i] = operator(fb, graph, op, opcodes.indexOf(op.type()));
        }
        int tensorsVector = fb.createVectorOfTables(tensorOffsets);
        int inputsVector = intVector(fb, graph.inputs());
        int outputsVector = intVector(fb, graph.outputs());
        int operatorsVector = fb.createVectorOfTables(operatorOffsets);
        int subgraphName = fb.createString("main");
        fb.startTable(5);
        fb.addOffset(0, tensorsVector, 0);
        fb.addOffset(1, inputsVector, 0);
        fb.addOffset(2, outputsVector, 0);
        fb.addOffset(3, operatorsVector, 0);
        fb.addOffset(4, subgraphName, 0);
        int subgraph = fb.endTable();

        int[] bufferOffsets = new int[buffers.size()];
        for (int i = 0; i < buffers.size(); i++) {
            byte[] data = buffers.get(i);
            int dataVector = 0;
            if (data != null && data.length > 0) {
                ByteBuffer target = fb.createUnintializedVector(1, data.length, 16);
                target.put(data);
                dataVector = fb.endVector();
            }
            fb.startTable(1);
            if (dataVector != 0) {
                fb.addOffset(0, dataVector, 0);
            }
            bufferOffsets[i] = fb.endTable();
        }
        int[] metadataOffsets = new int[metadataBuffers.size()];
        int m = 0;
        for (Map.Entry<String, Integer> entry : metadataBuffers.entrySet()) {
            int name = fb.createString(entry.getKey());
            fb.startTable(2);
            fb.addOffset(0, name, 0);
            fb.addInt(1, entry.getValue(), 0);
            metadataOffsets[m++] = fb.endTable();
        }

        int opcodesVector = fb.createVectorOfTables(opcodeOffsets);
        int subgraphsVector = fb.createVectorOfTables(new int[] {subgraph});
        int description = fb.createString(graph.description());
        int buffersVector = fb.createVectorOfTables(bufferOffsets);
        int metadataVector = fb.createVectorOfTables(metadataOffsets);
        fb.startTable(7);
        fb.addInt(0, TfliteSchema.SCHEMA_VERSION, 0);
        fb.addOffset(1, opcodesVector, 0);
        fb.addOffset(2, subgraphsVector, 0);
        fb.addOffset(3, description, 0);
        fb.addOffset(4, buffersVector, 0);
        fb.addOffset(6, metadataVector, 0);
        int model = fb.endTable();
        fb.finish(model, TfliteSchema.FILE_IDENTIFIER);
        return fb.sizedByteArray();
    }

    private static int tensor(FlatBufferBuilder fb, Tensor tensor, int buffer) {
        int name = fb.createString(tensor.name());
        int shape = intVector(fb, tensor.shape());
        int quantization = tensor.isQuantized() ? quantization(fb, tensor.quantization()) : 0;
        fb.startTable(5);
        fb.addOffset(0, shape, 0);
        fb.addByte(1, (byte) TfliteSchema.tensorTypeCode(tensor.type()), 0);
        fb.addInt(2, buffer, 0);
        fb.addOffset(3, name, 0);
        if (quantization != 0) {
            fb.addOffset(4, quantization, 0);
        }
        return fb.endTable();
    }

    private static int quantization(FlatBufferBuilder fb, Quantization q) {
        float[] scales = q.scales();
        fb.startVector(4, scales.length, 4);
        for (int i = scales.length - 1; i >= 0; i--) {
            fb.addFloat(scales[i]);
        }
        int scaleVector = fb.endVector();
        long[] zeroPoints = q.zeroPoints();
        fb.startVector(8, zeroPoints.length, 8);
        for (int i = zeroPoints.length - 1; i >= 0; i--) {
            fb.addLong(zeroPoints[i]);
        }
        int zeroPointVector = fb.endVector();
        fb.startTable(7);
        fb.addOffset(2, scaleVector, 0);
        fb.addOffset(3, zeroPointVector, 0);
        fb.addInt(6, q.quantizedDimension(), 0);
        return fb.endTable();
    }

    private static int operator(FlatBufferBuilder fb, ModelGraph graph, Operator op, int opcodeIndex) {
        int options = options(fb, graph, op);
        int inputs = intVector(fb, op.inputs());
        int outputs = intVector(fb, op.outputs());
        fb.startTable(5);
        fb.addInt(0, opcodeIndex, 0);
        fb.addOffset(1, inputs, 0);
        fb.addOffset(2, outputs, 0);
        fb.addByte(3, (byte) TfliteSchema.optionsType(op.type()), 0);
        fb.addOffset(4, options, 0);
        return fb.endTable();
    }

    private static int options(FlatBufferBuilder fb, ModelGraph graph, Operator op) {
        switch (op.type()) {
            case CONV_2D -> {
                Conv2DOptions o = op.options(Conv2DOptions.class);
                fb.startTable(6);
                fb.addByte(0, (byte) TfliteSchema.paddingCode(o.padding()), 0);
                fb.addInt(1, o.strideWidth(), 0);
                fb.addInt(2, o.strideHeight(), 0);
                fb.addByte(3, (byte) TfliteSchema.activationCode(o.activation()), 0);
                fb.addInt(4, o.dilationWidth(), 1);
                fb.addInt(5, o.dilationHeight(), 1);
                return fb.endTable();
            }
            case DEPTHWISE_CONV_2D -> {
                DepthwiseConv2DOptions o = op.options(DepthwiseConv2DOptions.class);
                fb.startTable(7);
                fb.addByte(0, (byte) TfliteSchema.paddingCode(o.padding()), 0);
                fb.addInt(1, o.strideWidth(), 0);
                fb.addInt(2, o.strideHeight(), 0);
                fb.addInt(3, o.depthMultiplier(), 0);
                fb.addByte(4, (byte) TfliteSchema.activationCode(o.activation()), 0);
                fb.addInt(5, o.dilationWidth(), 1);
                fb.addInt(6, o.dilationHeight(), 1);
                return fb.endTable();
            }
            case AVERAGE_POOL_2D, MAX_POOL_2D -> {
                Pool2DOptions o = op.options(Pool2DOptions.class);
                fb.startTable(6);
                fb.addByte(0, (byte) TfliteSchema.paddingCode(o.padding()), 0);
                fb.addInt(1, o.strideWidth(), 0);
                fb.addInt(2, o.strideHeight(), 0);
                fb.addInt(3, o.filterWidth(), 0);
                fb.addInt(4, o.filterHeight(), 0);
                fb.addByte(5, (byte) TfliteSchema.activationCode(o.activation()), 0);
                return fb.endTable();
            }
            case FULLY_CONNECTED -> {
                FullyConnectedOptions o = op.options(FullyConnectedOptions.class);
                fb.startTable(4);
                fb.addByte(0, (byte) TfliteSchema.activationCode(o.activation()), 0);
                fb.addByte(1, (byte) 0, 0);
                fb.addBoolean(2, o.keepNumDims(), false);
                return fb.endTable();
            }
            case SOFTMAX -> {
                fb.startTable(1);
                fb.addFloat(0, op.options(SoftmaxOptions.class).beta(), 0.0);
                return fb.endTable();
            }
            case ADD -> {
                fb.startTable(2);
                fb.addByte(
                        0,
                        (byte) TfliteSchema.activationCode(
                                op.options(AddOptions.class).activation()),
                        0);
                return fb.endTable();
            }
            case RESHAPE -> {
                int[] newShape = op.options(ReshapeOptions.class).newShape();
                if (newShape.length == 0 && !op.hasInput(1)) {
                    // Without a shape input TFLite takes the shape from the options.
                    newShape = graph.tensor(op.output(0)).shape();
                }
                int vector = intVector(fb, newShape);
                fb.startTable(1);
                fb.addOffset(0, vector, 0);
                return fb.endTable();
            }
            case QUANTIZE, DEQUANTIZE -> {
                fb.startTable(0);
                return fb.endTable();
            }
            default -> throw new IllegalStateException("no options writer for " + op.type());
        }
    }

    /** The operator version TFLite's converter writes for these tensor types (its op-version rules). */
    static int version(ModelGraph graph, OpType type) {
        boolean int8 = false;
        boolean perChannelFc = false;
        for (Operator op : graph.operators()) {
            if (op.type() == type) {
                Tensor input = graph.tensor(op.input(0));
                int8 |= input.type() == DataType.INT8
                        || graph.tensor(op.output(0)).type() == DataType.INT8;
                if (type == OpType.FULLY_CONNECTED && graph.tensor(op.input(1)).isQuantized()) {
                    perChannelFc |= graph.tensor(op.input(1)).quantization().isPerChannel();
                }
            }
        }
        if (!int8) {
            return 1;
        }
        return switch (type) {
            case CONV_2D, DEPTHWISE_CONV_2D -> 3;
            case FULLY_CONNECTED -> perChannelFc ? 12 : 4;
            case AVERAGE_POOL_2D, MAX_POOL_2D, SOFTMAX, ADD, QUANTIZE, DEQUANTIZE -> 2;
            case RESHAPE -> 1;
        };
    }

    private static int intVector(FlatBufferBuilder fb, int[] values) {
        fb.startVector(4, values.length, 4);
        for (int i = values.length - 1; i >= 0; i--) {
            fb.addInt(values[i]);
        }
        return fb.endVector();
    }

    private static int estimateSize(ModelGraph graph) {
        long bytes = 0;
        for (Tensor tensor : graph.tensors()) {
            bytes += 256 + tensor.name().length() + (tensor.isConstant() ? tensor.byteSize() + 16 : 0);
        }
        return (int) Math.min(bytes, Integer.MAX_VALUE - 1024);
    }
}
