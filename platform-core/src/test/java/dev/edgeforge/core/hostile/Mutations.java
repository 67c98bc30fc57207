package dev.edgeforge.core.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Damaged variants of valid files, as a fuzzer makes them: one to three stacked byte-level mutations of a seed
 * (truncation, bit flips, inserted, removed and repeated bytes, giant 16/32/64-bit length fields in either byte
 * order, bytes that matter to text formats, long runs of one byte). Format tests add structural mutations of their
 * own (deep nesting, giant declared sizes at the right place) beside these.
 *
 * <p>The values come from jqwik's {@link Random}, so a run is reproducible from the seed jqwik reports.
 */
public final class Mutations {

    /** Values a length or offset field may be set to: the boundaries parsers get wrong. */
    private static final long[] GIANT = {
        0x7FFFFFFFL,
        0xFFFFFFFFL,
        0x80000000L,
        0x7FFFFFFEL,
        0x10000000L,
        0xFFFFL,
        0x7FFFL,
        0x8000L,
        0,
        1,
        -1,
        Long.MAX_VALUE,
        Long.MIN_VALUE,
        1L << 32
    };
    /** Bytes with a meaning in JSON, CSV, CBOR or UTF-8. */
    private static final byte[] SPECIAL = {
        0,
        (byte) 0xFF,
        (byte) 0xC0,
        (byte) 0xED,
        (byte) 0xF8,
        (byte) 0x80,
        '"',
        '\\',
        '{',
        '}',
        '[',
        ']',
        ',',
        ';',
        '\t',
        '\n',
        '\r',
        ':',
        '-',
        '.',
        'e',
        '0',
        '9',
        (byte) 0x9F,
        (byte) 0xBF,
        (byte) 0x7B,
        (byte) 0x5B,
        (byte) 0xFB
    };

    private Mutations() {}

    /** Mutants of the seeds (chosen evenly); each is one to three stacked mutations. */
    public static Arbitrary<Mutant> of(List<Mutant> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seeds");
        }
        return Arbitraries.randomValue(random -> mutate(seeds.get(random.nextInt(seeds.size())), random));
    }

    /** One to three stacked mutations of {@code seed}. */
    public static Mutant mutate(Mutant seed, Random random) {
        Mutant mutant = seed;
        int steps = 1 + random.nextInt(3);
        for (int i = 0; i < steps; i++) {
            mutant = once(mutant, random);
        }
        return mutant;
    }

    private static Mutant once(Mutant m, Random random) {
        byte[] b = m.bytes();
        if (b.length == 0) {
            byte[] noise = new byte[1 + random.nextInt(16)];
            random.nextBytes(noise);
            return m.then("random bytes", noise);
        }
        int at = random.nextInt(b.length);
        return switch (random.nextInt(9)) {
            case 0 -> m.then("truncated at " + at, Arrays.copyOf(b, at));
            case 1 -> {
                byte[] c = b.clone();
                int flips = 1 + random.nextInt(4);
                StringBuilder where = new StringBuilder();
                for (int f = 0; f < flips; f++) {
                    int p = random.nextInt(c.length);
                    int bit = random.nextInt(8);
                    c[p] ^= (byte) (1 << bit);
                    where.append(f == 0 ? "" : ",").append(p).append('.').append(bit);
                }
                yield m.then("bits flipped at " + where, c);
            }
            case 2 -> {
                byte[] noise = new byte[1 + random.nextInt(16)];
                random.nextBytes(noise);
                yield m.then(noise.length + " random bytes inserted at " + at, splice(b, at, 0, noise));
            }
            case 3 -> {
                int n = 1 + random.nextInt(Math.min(64, b.length - at));
                yield m.then(n + " bytes removed at " + at, splice(b, at, n, new byte[0]));
            }
            case 4 -> giantField(m, at, random);
            case 5 -> {
                int n = 1 + random.nextInt(Math.min(256, b.length - at));
                int times = 1 + random.nextInt(8);
                byte[] range = Arrays.copyOfRange(b, at, at + n);
                ByteArrayOutputStream repeated = new ByteArrayOutputStream();
                for (int t = 0; t < times; t++) {
                    repeated.writeBytes(range);
                }
                yield m.then(
                        n + " bytes at " + at + " repeated " + times + " times",
                        splice(b, at, 0, repeated.toByteArray()));
            }
            case 6 -> {
                byte[] c = b.clone();
                byte s = SPECIAL[random.nextInt(SPECIAL.length)];
                c[at] = s;
                yield m.then(String.format("byte %d set to 0x%02X", at, s & 0xFF), c);
            }
            case 7 -> {
                byte s = random.nextBoolean() ? SPECIAL[random.nextInt(SPECIAL.length)] : b[at];
                int n = 500 + random.nextInt(16_000);
                byte[] run = new byte[n];
                Arrays.fill(run, s);
                yield m.then(
                        String.format("a run of %d × 0x%02X inserted at %d", n, s & 0xFF, at), splice(b, at, 0, run));
            }
            default -> {
                int n = 1 + random.nextInt(Math.min(32, b.length - at));
                int to = random.nextInt(b.length);
                byte[] moved = Arrays.copyOfRange(b, at, at + n);
                yield m.then(n + " bytes from " + at + " copied over " + to, overwrite(b, to, moved));
            }
        };
    }

    /** A 2, 4 or 8 byte field at {@code at} set to a boundary value, little- or big-endian. */
    private static Mutant giantField(Mutant m, int at, Random random) {
        int width = new int[] {2, 4, 4, 8}[random.nextInt(4)];
        long value = random.nextInt(4) == 0 ? random.nextLong() : GIANT[random.nextInt(GIANT.length)];
        ByteOrder order = random.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer field = ByteBuffer.allocate(8).order(order);
        switch (width) {
            case 2 -> field.putShort((short) value);
            case 4 -> field.putInt((int) value);
            default -> field.putLong(value);
        }
        byte[] bytes = Arrays.copyOf(field.array(), width);
        return m.then(
                String.format(
                        "%d-byte %s field at %d set to 0x%X",
                        width, order == ByteOrder.LITTLE_ENDIAN ? "LE" : "BE", at, value),
                overwrite(m.bytes(), at, bytes));
    }

    /** {@code b} with {@code remove} bytes at {@code at} replaced by {@code insert}. */
    public static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }

    /** {@code b} with {@code bytes} written over it at {@code at} (cut at the end of {@code b}). */
    public static byte[] overwrite(byte[] b, int at, byte[] bytes) {
        byte[] out = b.clone();
        System.arraycopy(bytes, 0, out, at, Math.min(bytes.length, out.length - at));
        return out;
    }
}
