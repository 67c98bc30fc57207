package dev.edgeforge.core.tflite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.hostile.Mutant;
import dev.edgeforge.core.hostile.Mutations;
import dev.edgeforge.core.hostile.ParseGuard;
import dev.edgeforge.core.model.Activation;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.FullyConnectedOptions;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.SoftmaxOptions;
import dev.edgeforge.core.model.stats.ModelStats;
import dev.edgeforge.core.quantization.PostTrainingQuantizer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile {@code .tflite} files, as {@code POST .../models/import} receives them: 10,000 damaged and malicious files
 * are each read into a valid graph or refused with a {@link TfliteFormatException} found by an explicit check (never
 * by the reader's last-resort catch), within a second of CPU and a bounded allocation; a graph that is read can also
 * be measured ({@link ModelStats}, which the import runs next) within the same bounds. Besides byte-level mutations of
 * a real MLPerf Tiny model and of small int8 and float32 models: cyclic graphs (an operator reading its own output or
 * a later one's), tensor indexes out of range, giant and overflowing shapes, buffers and offsets pointing outside the
 * file or back at themselves, broken vtables.
 */
class TfliteHostileInputTest {

    private static final ParseGuard READER = ParseGuard.forParser(TfliteFormatException.class);
    private static final ParseGuard STATS = ParseGuard.forParser(RuntimeException.class);
    private static final List<Seed> SEEDS = List.of(
            new Seed("kws_ref_model.tflite", MlperfTinyModels.tflite("kws_ref_model")),
            new Seed("int8 dense classifier", new TfliteWriter().write(int8Classifier())),
            new Seed("float32 dense classifier", new TfliteWriter().write(floatClassifier())));

    @Property(tries = 10_000)
    void everyHostileModelIsReadOrRefusedWithinBounds(@ForAll("hostileModels") Mutant model) {
        ParseGuard.Outcome outcome = READER.run(model, bytes -> new TfliteReader().read(bytes));
        if (outcome.accepted()) {
            ModelGraph graph = (ModelGraph) outcome.value();
            assertThat(graph.operators()).isNotEmpty();
            STATS.run(model.then("measured", model.bytes()), bytes -> ModelStats.of(graph));
        } else {
            assertThat(outcome.rejection().getMessage())
                    .as("found by an explicit check, not the last-resort catch")
                    .doesNotStartWith("malformed TFLite file (");
        }
        Statistics.label("outcome").collect(outcome.kind());
        Statistics.label("outcome")
                .coverage(coverage -> coverage.check("accepted").count(n -> n > 0));
    }

    @Provide
    Arbitrary<Mutant> hostileModels() {
        List<Mutant> plain =
                SEEDS.stream().map(s -> new Mutant(s.name(), s.bytes())).toList();
        return Arbitraries.frequencyOf(
                Tuple.of(1, Mutations.of(plain)),
                Tuple.of(1, Arbitraries.randomValue(TfliteHostileInputTest::malicious)));
    }

    private record Seed(String name, byte[] bytes, TfliteLayout layout) {
        Seed(String name, byte[] bytes) {
            this(name, bytes, new TfliteLayout(bytes));
        }
    }

    /** A structural change to one of the seeds, at a place the layout walk found. */
    private static Mutant malicious(Random random) {
        Seed seed = SEEDS.get(random.nextInt(SEEDS.size()));
        TfliteLayout layout = seed.layout();
        byte[] bytes = seed.bytes().clone();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        Mutant m = new Mutant(seed.name(), bytes);
        switch (random.nextInt(6)) {
            case 0 -> {
                // a cycle: an operator reads its own output, or the output of an operator that runs after it
                TfliteLayout.Operator op = layout.operators.get(random.nextInt(layout.operators.size()));
                TfliteLayout.Operator writer =
                        layout.operators.get(op.index() + random.nextInt(layout.operators.size() - op.index()));
                int input = op.inputs().get(random.nextInt(op.inputs().size()));
                int output = b.getInt(writer.outputs().get(0));
                b.putInt(input, output);
                return m.then(
                        "operator " + op.index() + " reads tensor " + output + ", written by operator "
                                + writer.index(),
                        bytes);
            }
            case 1 -> {
                TfliteLayout.Operator op = layout.operators.get(random.nextInt(layout.operators.size()));
                List<Integer> ends = random.nextBoolean() ? op.inputs() : op.outputs();
                int at = ends.get(random.nextInt(ends.size()));
                int index = new int[] {layout.tensorCount, 0x7FFFFFFF, -2, -1, Integer.MIN_VALUE}[random.nextInt(5)];
                b.putInt(at, index);
                return m.then("operator " + op.index() + " refers to tensor " + index, bytes);
            }
            case 2 -> {
                List<List<Integer>> shaped =
                        layout.shapes.stream().filter(s -> !s.isEmpty()).toList();
                List<Integer> shape = shaped.get(random.nextInt(shaped.size()));
                int[] giant = {0x7FFFFFFF, 65536, 65535, 0, -1, 1 << 20, Integer.MIN_VALUE};
                boolean all = random.nextBoolean();
                int value = giant[random.nextInt(giant.length)];
                for (int i = 0; i < shape.size(); i++) {
                    if (all || i == shape.size() - 1) {
                        b.putInt(shape.get(i), value);
                    }
                }
                return m.then((all ? "every dimension" : "the last dimension") + " of a shape set to " + value, bytes);
            }
            case 3 -> {
                int at = layout.bufferLengths.get(random.nextInt(layout.bufferLengths.size()));
                int length = new int[] {0x7FFFFFFF, -1, bytes.length, bytes.length - at, 0x10000000}[random.nextInt(5)];
                b.putInt(at, length);
                return m.then("a buffer's length set to " + Integer.toUnsignedString(length), bytes);
            }
            case 4 -> {
                int at = layout.offsets.get(random.nextInt(layout.offsets.size()));
                int[] targets = {-1, 0x7FFFFFFF, bytes.length - at, bytes.length - at - 2, 0, -at, 4};
                int offset = targets[random.nextInt(targets.length)];
                b.putInt(at, offset);
                return m.then("the offset at " + at + " set to " + Integer.toUnsignedString(offset), bytes);
            }
            default -> {
                int table = layout.vtables.get(random.nextInt(layout.vtables.size()));
                int vtable = table - b.getInt(table);
                boolean size = random.nextBoolean();
                short value = (short) new int[] {0xFFFF, 3, 0, 0x7FFF, 2}[random.nextInt(5)];
                b.putShort(vtable + (size ? 0 : 2), value);
                return m.then(
                        "the vtable of the table at " + table + " given " + (size ? "vtable" : "object") + " size "
                                + Short.toUnsignedInt(value),
                        bytes);
            }
        }
    }

    /** Eight features → 3 classes, FULLY_CONNECTED then SOFTMAX, float32. */
    private static ModelGraph floatClassifier() {
        Random random = new Random(7);
        float[] weights = new float[3 * 8];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextGaussian();
        }
        ModelGraph.Builder g = ModelGraph.builder();
        int in = g.addTensor("features", DataType.FLOAT32, new int[] {1, 8});
        int w = g.addFloatConstant("weights", new int[] {3, 8}, weights);
        int c = g.addFloatConstant("bias", new int[] {3}, new float[] {0.1f, -0.2f, 0.3f});
        int logits = g.addTensor("logits", DataType.FLOAT32, new int[] {1, 3});
        int out = g.addTensor("probabilities", DataType.FLOAT32, new int[] {1, 3});
        g.addOperator(
                OpType.FULLY_CONNECTED, FullyConnectedOptions.of(Activation.RELU), new int[] {in, w, c}, new int[] {
                    logits
                });
        g.addOperator(OpType.SOFTMAX, new SoftmaxOptions(1f), new int[] {logits}, new int[] {out});
        return g.setInputs(in)
                .setOutputs(out)
                .optLabels(List.of("idle", "wave", "shake"))
                .build();
    }

    private static ModelGraph int8Classifier() {
        Random random = new Random(11);
        List<float[]> calibration = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            float[] window = new float[8];
            for (int f = 0; f < window.length; f++) {
                window[f] = (float) random.nextGaussian() * 2;
            }
            calibration.add(window);
        }
        return new PostTrainingQuantizer().quantize(floatClassifier(), calibration);
    }
}
