package dev.edgeforge.core.tflite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.Tensor;
import dev.edgeforge.core.testing.Bytes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Mutates the real MLPerf Tiny files thousands of times (byte flips, huge or out-of-range offsets and lengths,
 * truncations) and checks that the reader only ever returns a valid graph or throws {@link TfliteFormatException}
 * with a message, quickly, and never through its last-resort catch (every problem is found by an explicit check).
 */
class TfliteReaderFuzzTest {

    private static final int MUTATIONS_PER_MODEL = 1000;

    @ForEachMlperfTinyModel
    void mutatedFilesAreReadOrRejectedWithAMessage(String name) {
        byte[] original = MlperfTinyModels.tflite(name);
        int[] structural = structuralPositions(original);
        Random random = new Random(name.hashCode());
        TfliteReader reader = new TfliteReader();
        int accepted = 0;
        TreeMap<String, Integer> reasons = new TreeMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < MUTATIONS_PER_MODEL; i++) {
            byte[] mutated = mutate(original, structural, random, i % 5);
            try {
                ModelGraph graph = reader.read(mutated);
                assertThat(graph.operators()).isNotEmpty();
                accepted++;
            } catch (TfliteFormatException e) {
                assertThat(e.getMessage()).isNotBlank();
                if (e.getMessage().startsWith("malformed TFLite file (")) {
                    fail("mutation " + i + " escaped the explicit checks: " + e.getMessage(), e);
                }
                String reason = e.getMessage().replaceAll("[0-9]+", "N");
                reasons.merge(reason.length() > 90 ? reason.substring(0, 90) : reason, 1, Integer::sum);
            } catch (Throwable t) {
                fail("mutation " + i + " of " + name + " threw " + t, t);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println(name + ": " + MUTATIONS_PER_MODEL + " mutations in " + millis + " ms, " + accepted
                + " accepted, " + reasons.size() + " distinct rejection messages");
        reasons.forEach((reason, count) -> System.out.println("  " + count + " × " + reason));
        assertThat(reasons.size()).isGreaterThan(10);
        assertThat(millis).isLessThan(60_000);
    }

    private static byte[] mutate(byte[] original, int[] structural, Random random, int kind) {
        byte[] bytes = original.clone();
        switch (kind) {
            case 0 -> {
                int flips = 1 + random.nextInt(4);
                for (int f = 0; f < flips; f++) {
                    int at = structural[random.nextInt(structural.length)];
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                int at = structural[random.nextInt(structural.length)] & ~3;
                int[] values = {
                    0x7FFFFFFF,
                    0xFFFFFFFF,
                    0x80000000,
                    bytes.length,
                    bytes.length - 2,
                    -4,
                    random.nextInt(),
                    random.nextInt(bytes.length),
                    1 << 20
                };
                ByteBuffer.wrap(bytes)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(Math.min(at, bytes.length - 4), values[random.nextInt(values.length)]);
            }
            case 2 -> {
                return Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            case 3 -> {
                int at = structural[random.nextInt(structural.length)] & ~1;
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(Math.min(at, bytes.length - 2), (short)
                        random.nextInt(1 << 16));
            }
            default -> {
                int at = random.nextInt(bytes.length);
                bytes[at] = (byte) random.nextInt(256);
            }
        }
        return bytes;
    }

    /** Positions outside the constant tensors' data: tables, vtables, vectors, strings. */
    private static int[] structuralPositions(byte[] file) {
        ModelGraph graph = new TfliteReader().read(file);
        boolean[] data = new boolean[file.length];
        for (Tensor tensor : graph.tensors()) {
            if (tensor.isConstant() && tensor.byteSize() >= 16) {
                int at = Bytes.indexOf(file, tensor.copyData());
                if (at >= 0) {
                    Arrays.fill(data, at, at + tensor.byteSize(), true);
                }
            }
        }
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < file.length; i++) {
            if (!data[i]) {
                positions.add(i);
            }
        }
        return positions.stream().mapToInt(Integer::intValue).toArray();
    }
}
