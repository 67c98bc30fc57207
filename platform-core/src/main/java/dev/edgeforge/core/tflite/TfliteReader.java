package dev.edgeforge.core.tflite;

import dev.edgeforge.core.model.Activation;
import dev.edgeforge.core.model.AddOptions;
import dev.edgeforge.core.model.Conv2DOptions;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.DepthwiseConv2DOptions;
import dev.edgeforge.core.model.FullyConnectedOptions;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.ModelGraphViolation;
import dev.edgeforge.core.model.NoOptions;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.OperatorOptions;
import dev.edgeforge.core.model.Padding;
import dev.edgeforge.core.model.Pool2DOptions;
import dev.edgeforge.core.model.Quantization;
import dev.edgeforge.core.model.ReshapeOptions;
import dev.edgeforge.core.model.Shapes;
import dev.edgeforge.core.model.SoftmaxOptions;
import dev.edgeforge.core.model.Tensor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a {@code .tflite} flatbuffer (schema version 3, one subgraph) into a validated {@link ModelGraph}.
 *
 * <p>Safe on hostile input: every offset, vtable, vector length, string, buffer range, tensor index and shape is
 * checked before use, the work done is bounded by the file size, and any problem is a
 * {@link TfliteFormatException} naming it, e.g. {@code tensor 7 'conv1/weights': buffer 12 holds 1024 bytes,
 * shape [8,3,3,1] int8 needs 72}, or {@code operator 3 (index 3) is TANH (builtin code 28), which EdgeForge does
 * not support}. Labels and metadata written by {@link TfliteWriter} (metadata entries named {@code edgeforge:…})
 * come back into the graph; other metadata entries are ignored.
 */
public final class TfliteReader {

    /** Largest rank a tensor may have. */
    public static final int MAX_RANK = 8;
    /** Largest activation (non-constant) tensor accepted, in bytes; tiny models are far below it. */
    public static final long MAX_ACTIVATION_BYTES = 256L << 20;

    static final String METADATA_PREFIX = "edgeforge:";
    static final String LABELS_METADATA = METADATA_PREFIX + "labels";

    /** Reads a model; throws {@link TfliteFormatException} naming the problem when it cannot. */
    public ModelGraph read(byte[] file) {
        if (file == null) {
            throw new TfliteFormatException("no file");
        }
        try {
            return new Parse(file).model();
        } catch (TfliteFormatException e) {
            throw e;
        } catch (ModelGraphViolation e) {
            throw new TfliteFormatException(e.getMessage(), e);
        } catch (RuntimeException e) {
            // Every read above is checked; this is the last line of defence, so that a bug surfaces as a rejected
            // file rather than a stack trace at the API.
            throw new TfliteFormatException("malformed TFLite file (" + e + ")", e);
        }
    }

    /** One reading of one file. */
    private static final class Parse {
        private final FlatBufferInput in;
        private final byte[] file;
        private final ModelGraph.Builder graph = ModelGraph.builder();
        private int[] bufferStart;
        private int[] bufferSize;

        Parse(byte[] file) {
            this.file = file;
            // Legitimate files read each byte about once; allow generous slack for shared buffers and names.
            this.in = new FlatBufferInput(file, 4L * file.length + (1 << 20));
        }

        ModelGraph model() {
            if (file.length < 8) {
                throw new TfliteFormatException("not a TFLite file: " + file.length + " bytes is too short");
            }
            String identifier = new String(file, 4, 4, StandardCharsets.ISO_8859_1);
            if (!TfliteSchema.FILE_IDENTIFIER.equals(identifier)) {
                throw new TfliteFormatException("not a TFLite file: identifier is '" + printable(identifier)
                        + "', expected '" + TfliteSchema.FILE_IDENTIFIER + "'");
            }
            FlatBufferInput.Table model = in.tableAt(0, "model");
            long version = model.uint32(0, 0);
            if (version != TfliteSchema.SCHEMA_VERSION) {
                throw new TfliteFormatException("schema version " + version + " is not supported (expected "
                        + TfliteSchema.SCHEMA_VERSION + ")");
            }
            int[] opcodes = operatorCodes(model);
            buffers(model);
            FlatBufferInput.Vector subgraphs = model.vector(2, 4, "subgraphs");
            if (subgraphs.count() != 1) {
                throw new TfliteFormatException(
                        "the model has " + subgraphs.count() + " subgraphs; EdgeForge supports exactly one");
            }
            FlatBufferInput.Table subgraph = in.tableAt(subgraphs.position(0), "subgraph 0");
            int tensorCount = tensors(subgraph);
            operators(subgraph, opcodes, tensorCount);
            graph.setInputs(tensorIds(subgraph, 1, "subgraph inputs", tensorCount));
            graph.setOutputs(tensorIds(subgraph, 2, "subgraph outputs", tensorCount));
            graph.optDescription(model.string(3, "model description", ""));
            metadata(model);
            return graph.build();
        }

        private int[] operatorCodes(FlatBufferInput.Table model) {
            FlatBufferInput.Vector codes = model.vector(1, 4, "operator codes");
            int[] result = new int[codes.count()];
            for (int i = 0; i < codes.count(); i++) {
                FlatBufferInput.Table code = in.tableAt(codes.position(i), "operator code " + i);
                int deprecated = code.int8(0, 0);
                int builtin = code.int32(3, 0);
                // Files from before builtin_code existed only set the deprecated byte; newer ones set both.
                result[i] = Math.max(deprecated, builtin);
                if (result[i] == TfliteSchema.CUSTOM) {
                    String name = code.string(1, "operator code " + i + " custom code", "");
                    result[i] = -1 - i;
                    customNames.add(name);
                } else {
                    customNames.add(null);
                }
            }
            return result;
        }

        private final List<String> customNames = new ArrayList<>();

        /** Locates every buffer's bytes without copying them; tensors copy the ones they use. */
        private void buffers(FlatBufferInput.Table model) {
            FlatBufferInput.Vector vector = model.vector(4, 4, "buffers");
            bufferStart = new int[vector.count()];
            bufferSize = new int[vector.count()];
            for (int i = 0; i < vector.count(); i++) {
                FlatBufferInput.Table buffer = in.tableAt(vector.position(i), "buffer " + i);
                FlatBufferInput.Vector data = buffer.vector(0, 1, "buffer " + i + " data");
                long offset = buffer.int64(1, 0);
                long size = buffer.int64(2, 0);
                if (offset > 1) {
                    // Large models keep buffer data after the flatbuffer, addressed from the start of the file.
                    if (size < 0 || size > file.length || offset > file.length - size) {
                        throw new TfliteFormatException("buffer " + i + ": external data at offset " + offset + " of "
                                + size + " bytes lies outside the file (" + file.length + " bytes)");
                    }
                    bufferStart[i] = (int) offset;
                    bufferSize[i] = (int) size;
                } else {
                    bufferStart[i] = data.start();
                    bufferSize[i] = data.count();
                }
            }
        }

        /** The bytes of buffer {@code index}, or null when it is empty (an activation). */
        private byte[] bufferData(int index, String where) {
            if (bufferSize[index] == 0) {
                return null;
            }
            return in.copy(bufferStart[index], bufferSize[index], where + ": buffer " + index);
        }

        private int tensors(FlatBufferInput.Table subgraph) {
            FlatBufferInput.Vector vector = subgraph.vector(0, 4, "tensors");
            for (int i = 0; i < vector.count(); i++) {
                FlatBufferInput.Table table = in.tableAt(vector.position(i), "tensor " + i);
                String name = table.string(3, "tensor " + i + " name", "");
                String where = "tensor " + i + " '" + printable(name) + "'";
                int[] shape = table.ints(0, where + " shape", MAX_RANK);
                int typeCode = table.int8(1, 0);
                DataType type = TfliteSchema.dataType(typeCode);
                if (type == null) {
                    throw new TfliteFormatException(
                            where + ": type " + TfliteSchema.tensorTypeName(typeCode) + " is not supported");
                }
                long elements = Shapes.elementCountOrMinusOne(shape);
                if (elements < 0 || elements * type.byteSize() > Integer.MAX_VALUE) {
                    throw new TfliteFormatException(where + ": shape " + Shapes.format(shape)
                            + " needs positive dimensions and fewer than 2 GiB of data");
                }
                if (table.has(6)) {
                    throw new TfliteFormatException(where + ": sparse tensors are not supported");
                }
                Quantization quantization = quantization(table, where, shape);
                long bufferIndex = table.uint32(2, 0);
                if (bufferIndex >= bufferStart.length) {
                    throw new TfliteFormatException(where + ": buffer " + bufferIndex + " does not exist (the file has "
                            + bufferStart.length + " buffers)");
                }
                long needed = elements * type.byteSize();
                byte[] data = bufferIndex == 0 ? null : bufferData((int) bufferIndex, where);
                if (data != null && data.length != needed) {
                    throw new TfliteFormatException(where + ": buffer " + bufferIndex + " holds " + data.length
                            + " bytes, shape " + Shapes.format(shape) + " " + type.displayName() + " needs " + needed);
                }
                if (data == null && needed > MAX_ACTIVATION_BYTES) {
                    throw new TfliteFormatException(where + ": activation of " + needed + " bytes exceeds the limit of "
                            + MAX_ACTIVATION_BYTES + " bytes");
                }
                graph.addTensor(new Tensor(i, name, type, shape, quantization, data));
            }
            return vector.count();
        }

        private Quantization quantization(FlatBufferInput.Table tensor, String where, int[] shape) {
            FlatBufferInput.Table q = tensor.table(4, where + " quantization");
            if (q == null) {
                return null;
            }
            if (q.uint8(4, 0) != 0) {
                throw new TfliteFormatException(where + ": custom quantization details are not supported");
            }
            FlatBufferInput.Vector scales = q.vector(2, 4, where + " scales");
            FlatBufferInput.Vector zeroPoints = q.vector(3, 8, where + " zero points");
            if (scales.count() == 0) {
                return null;
            }
            int dimension = q.int32(6, 0);
            if (scales.count() > 1) {
                if (dimension < 0 || dimension >= shape.length || shape[dimension] != scales.count()) {
                    throw new TfliteFormatException(where + ": " + scales.count()
                            + " per-channel scales on dimension " + dimension + " do not match shape "
                            + Shapes.format(shape));
                }
            } else if (dimension < 0 || (dimension >= shape.length && dimension != 0)) {
                throw new TfliteFormatException(
                        where + ": quantized dimension " + dimension + " is outside shape " + Shapes.format(shape));
            }
            if (zeroPoints.count() != scales.count()) {
                throw new TfliteFormatException(
                        where + ": " + scales.count() + " scales but " + zeroPoints.count() + " zero points");
            }
            float[] scaleValues = new float[scales.count()];
            long[] zeroPointValues = new long[scales.count()];
            for (int c = 0; c < scaleValues.length; c++) {
                scaleValues[c] = in.f32(scales.position(c));
                zeroPointValues[c] = in.i64(zeroPoints.position(c));
                if (!(scaleValues[c] > 0f) || Float.isInfinite(scaleValues[c])) {
                    throw new TfliteFormatException(
                            where + ": scale " + c + " is " + scaleValues[c] + " (must be positive and finite)");
                }
            }
            return new Quantization(scaleValues, zeroPointValues, dimension);
        }

        private void operators(FlatBufferInput.Table subgraph, int[] opcodes, int tensorCount) {
            FlatBufferInput.Vector vector = subgraph.vector(3, 4, "operators");
            for (int i = 0; i < vector.count(); i++) {
                FlatBufferInput.Table table = in.tableAt(vector.position(i), "operator " + i);
                long opcodeIndex = table.uint32(0, 0);
                if (opcodeIndex >= opcodes.length) {
                    throw new TfliteFormatException("operator " + i + ": operator code " + opcodeIndex
                            + " does not exist (the file has " + opcodes.length + ")");
                }
                int code = opcodes[(int) opcodeIndex];
                if (code < 0) {
                    throw new TfliteFormatException("operator " + i + " is the custom operator '"
                            + printable(customNames.get((int) opcodeIndex)) + "', which EdgeForge does not support");
                }
                OpType type = TfliteSchema.opType(code);
                if (type == null) {
                    throw new TfliteFormatException("operator " + i + " is " + TfliteSchema.builtinName(code)
                            + " (builtin code " + code + "), which EdgeForge does not support");
                }
                String where = "operator " + i + " " + type;
                int[] inputs = tensorIdsAllowingAbsent(table, 1, where + " inputs", tensorCount);
                int[] outputs = tensorIdsAllowingAbsent(table, 2, where + " outputs", tensorCount);
                for (int id : outputs) {
                    if (id < 0) {
                        throw new TfliteFormatException(where + ": an output is absent (-1)");
                    }
                }
                OperatorOptions options = options(table, type, where);
                graph.addOperator(type, options, inputs, outputs);
            }
        }

        private OperatorOptions options(FlatBufferInput.Table op, OpType type, String where) {
            int unionType = op.uint8(3, 0);
            int expected = TfliteSchema.optionsType(type);
            FlatBufferInput.Table o = null;
            if (unionType != TfliteSchema.OPTIONS_NONE) {
                if (unionType != expected) {
                    throw new TfliteFormatException(
                            where + ": options of union type " + unionType + ", expected " + expected);
                }
                o = op.table(4, where + " options");
            }
            // A missing options table means all-default options, as in TFLite.
            FlatBufferInput.Table opts = o;
            try {
                return switch (type) {
                    case CONV_2D ->
                        new Conv2DOptions(
                                padding(opts, 0, where),
                                int32(opts, 2, 0),
                                int32(opts, 1, 0),
                                int32(opts, 5, 1),
                                int32(opts, 4, 1),
                                activation(opts, 3, where));
                    case DEPTHWISE_CONV_2D ->
                        new DepthwiseConv2DOptions(
                                padding(opts, 0, where),
                                int32(opts, 2, 0),
                                int32(opts, 1, 0),
                                int32(opts, 3, 0),
                                int32(opts, 6, 1),
                                int32(opts, 5, 1),
                                activation(opts, 4, where));
                    case AVERAGE_POOL_2D, MAX_POOL_2D ->
                        new Pool2DOptions(
                                padding(opts, 0, where),
                                int32(opts, 2, 0),
                                int32(opts, 1, 0),
                                int32(opts, 4, 0),
                                int32(opts, 3, 0),
                                activation(opts, 5, where));
                    case FULLY_CONNECTED -> fullyConnected(opts, where);
                    case SOFTMAX -> new SoftmaxOptions(opts == null ? 0f : opts.float32(0, 0f));
                    case ADD -> new AddOptions(activation(opts, 0, where));
                    case RESHAPE ->
                        new ReshapeOptions(opts == null ? new int[0] : opts.ints(0, where + " new_shape", MAX_RANK));
                    case QUANTIZE, DEQUANTIZE -> NoOptions.INSTANCE;
                };
            } catch (IllegalArgumentException e) {
                throw new TfliteFormatException(where + ": " + e.getMessage());
            }
        }

        private FullyConnectedOptions fullyConnected(FlatBufferInput.Table opts, String where) {
            int weightsFormat = opts == null ? 0 : opts.int8(1, 0);
            if (weightsFormat != 0) {
                throw new TfliteFormatException(
                        where + ": shuffled weights format " + weightsFormat + " is not supported");
            }
            return new FullyConnectedOptions(activation(opts, 0, where), opts != null && opts.bool(2, false));
        }

        private static int int32(FlatBufferInput.Table table, int field, int defaultValue) {
            return table == null ? defaultValue : table.int32(field, defaultValue);
        }

        private static Padding padding(FlatBufferInput.Table table, int field, String where) {
            int code = table == null ? 0 : table.int8(field, 0);
            Padding padding = TfliteSchema.padding(code);
            if (padding == null) {
                throw new TfliteFormatException(where + ": unknown padding code " + code);
            }
            return padding;
        }

        private static Activation activation(FlatBufferInput.Table table, int field, String where) {
            int code = table == null ? 0 : table.int8(field, 0);
            Activation activation = TfliteSchema.activation(code);
            if (activation == null) {
                throw new TfliteFormatException(
                        where + ": fused activation " + TfliteSchema.activationName(code) + " is not supported");
            }
            return activation;
        }

        private int[] tensorIdsAllowingAbsent(FlatBufferInput.Table table, int field, String what, int tensorCount) {
            int[] ids = table.ints(field, what, 64);
            for (int id : ids) {
                if (id < -1 || id >= tensorCount) {
                    throw new TfliteFormatException(
                            what + " refer to tensor " + id + ", but the subgraph has " + tensorCount + " tensors");
                }
            }
            return ids;
        }

        private int[] tensorIds(FlatBufferInput.Table table, int field, String what, int tensorCount) {
            int[] ids = tensorIdsAllowingAbsent(table, field, what, tensorCount);
            for (int id : ids) {
                if (id < 0) {
                    throw new TfliteFormatException(what + " contain the absent tensor -1");
                }
            }
            return ids;
        }

        private void metadata(FlatBufferInput.Table model) {
            FlatBufferInput.Vector vector = model.vector(6, 4, "metadata");
            for (int i = 0; i < vector.count(); i++) {
                FlatBufferInput.Table entry = in.tableAt(vector.position(i), "metadata " + i);
                String name = entry.string(0, "metadata " + i + " name", "");
                if (!name.startsWith(METADATA_PREFIX)) {
                    continue;
                }
                long bufferIndex = entry.uint32(1, 0);
                if (bufferIndex >= bufferStart.length) {
                    throw new TfliteFormatException(
                            "metadata '" + printable(name) + "': buffer " + bufferIndex + " does not exist");
                }
                byte[] data = bufferData((int) bufferIndex, "metadata '" + printable(name) + "'");
                String value = data == null ? "" : new String(data, StandardCharsets.UTF_8);
                if (name.equals(LABELS_METADATA)) {
                    graph.optLabels(value.isEmpty() ? List.of() : Arrays.asList(value.split("\n", -1)));
                } else {
                    graph.optMetadata(name.substring(METADATA_PREFIX.length()), value);
                }
            }
        }

        private static String printable(String text) {
            if (text == null) {
                return "";
            }
            String shortened = text.length() > 200 ? text.substring(0, 200) + "…" : text;
            return shortened.replaceAll("\\p{Cntrl}", "?");
        }
    }
}
