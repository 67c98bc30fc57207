package dev.edgeforge.core.tflite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.interpreter.Interpreter;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.SmallFloatModels;
import dev.edgeforge.core.model.Tensor;
import dev.edgeforge.core.quantization.CalibrationMethod;
import dev.edgeforge.core.quantization.PostTrainingQuantizer;
import dev.edgeforge.core.quantization.QuantizationOptions;
import dev.edgeforge.core.testing.Bytes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** write → read → interpret is the identity: the same graph and the same outputs. */
class TfliteWriterTest {

    @ForEachMlperfTinyModel
    void mlperfModelsSurviveWriteThenRead(String name) {
        ModelGraph original = new TfliteReader().read(MlperfTinyModels.tflite(name));
        byte[] written = new TfliteWriter().write(original);
        ModelGraph reread = new TfliteReader().read(written);

        assertThat(reread).isEqualTo(original);
        checkFileLayout(written, reread);
        Interpreter interpreter = new Interpreter(reread);
        for (MlperfTinyModels.GoldenCase golden : MlperfTinyModels.golden(name).subList(0, 2)) {
            assertThat(interpreter.runInt8(golden.input())).isEqualTo(golden.output());
        }
    }

    @Test
    void floatAndQuantizedSmallModelsSurviveWriteThenRead() {
        ModelGraph floatGraph = SmallFloatModels.convNet(3).toBuilder()
                .optMetadata("impulse", "v1")
                .build();
        Random random = new Random(2);
        List<float[]> calibration = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calibration.add(SmallFloatModels.randomInput(random, 128));
        }
        ModelGraph int8Graph = new PostTrainingQuantizer().quantize(floatGraph, calibration);
        ModelGraph int8PerChannelFc = new PostTrainingQuantizer(
                        new QuantizationOptions(CalibrationMethod.MIN_MAX, 100, true))
                .quantize(SmallFloatModels.denseNet(4, 10, 3), List.of(SmallFloatModels.randomInput(random, 10)));

        for (ModelGraph graph : List.of(floatGraph, int8Graph, int8PerChannelFc)) {
            byte[] written = new TfliteWriter().write(graph);
            ModelGraph reread = new TfliteReader().read(written);
            assertThat(reread).isEqualTo(graph);
            assertThat(reread.labels()).isEqualTo(graph.labels());
            assertThat(reread.metadata()).isEqualTo(graph.metadata());
            checkFileLayout(written, reread);
        }
        Interpreter before = new Interpreter(floatGraph);
        Interpreter after = new Interpreter(new TfliteReader().read(new TfliteWriter().write(floatGraph)));
        float[] x = SmallFloatModels.randomInput(random, 128);
        assertThat(after.runFloat(x)).containsExactly(before.runFloat(x));
        Interpreter int8Before = new Interpreter(int8Graph);
        Interpreter int8After = new Interpreter(new TfliteReader().read(new TfliteWriter().write(int8Graph)));
        byte[] q = new byte[128];
        random.nextBytes(q);
        assertThat(int8After.runInt8(q)).containsExactly(int8Before.runInt8(q));
    }

    /** Identifier, version, empty buffer 0, 16-byte aligned constant data, both builtin codes set. */
    private static void checkFileLayout(byte[] file, ModelGraph graph) {
        assertThat(new String(file, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("TFL3");
        ByteBuffer bb = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int model = bb.getInt(0);
        int vtable = model - bb.getInt(model);
        assertThat(bb.getInt(model + bb.getShort(vtable + 4)))
                .as("schema version")
                .isEqualTo(3);
        int buffersRef = model + bb.getShort(vtable + 4 + 2 * 4);
        int buffers = buffersRef + bb.getInt(buffersRef);
        int buffer0Ref = buffers + 4;
        int buffer0 = buffer0Ref + bb.getInt(buffer0Ref);
        int buffer0Vtable = buffer0 - bb.getInt(buffer0);
        int buffer0Data = field(bb, buffer0Vtable, 0);
        assertThat(buffer0Data).as("buffer 0 has no data").isZero();
        for (Tensor tensor : graph.tensors()) {
            if (tensor.isConstant() && tensor.byteSize() >= 64) {
                int at = Bytes.indexOf(file, tensor.copyData());
                assertThat(at % 16).as("alignment of %s", tensor.describe()).isZero();
            }
        }
        int codesRef = model + bb.getShort(vtable + 4 + 2);
        int codes = codesRef + bb.getInt(codesRef);
        for (int i = 0; i < bb.getInt(codes); i++) {
            int codeRef = codes + 4 + 4 * i;
            int code = codeRef + bb.getInt(codeRef);
            int codeVtable = code - bb.getInt(code);
            int deprecatedAt = field(bb, codeVtable, 0);
            int builtinAt = field(bb, codeVtable, 3);
            int deprecated = deprecatedAt == 0 ? 0 : bb.get(code + deprecatedAt);
            int builtin = builtinAt == 0 ? 0 : bb.getInt(code + builtinAt);
            assertThat(deprecated).isEqualTo(Math.min(builtin, 127));
        }
    }

    /** Offset of field {@code index} in its table, 0 when absent. */
    private static int field(ByteBuffer bb, int vtable, int index) {
        return 4 + 2 * index < bb.getShort(vtable) ? bb.getShort(vtable + 4 + 2 * index) : 0;
    }
}
