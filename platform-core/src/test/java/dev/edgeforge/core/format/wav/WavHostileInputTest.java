package dev.edgeforge.core.format.wav;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.format.ParsedSample;
import dev.edgeforge.core.format.SampleFormatException;
import dev.edgeforge.core.format.SampleParseOptions;
import dev.edgeforge.core.format.SampleParsers;
import dev.edgeforge.core.hostile.Mutant;
import dev.edgeforge.core.hostile.Mutations;
import dev.edgeforge.core.hostile.ParseGuard;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
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
 * Hostile WAV: 10,000 damaged and malicious files through {@link SampleParsers} are each read or refused with a
 * {@link SampleFormatException}, within a second of CPU and a bounded allocation. Besides byte-level mutations of
 * valid files of every supported encoding: chunk sizes up to 4 GiB, 65,535 channels, block aligns and bit depths
 * that disagree, thousands of tiny chunks, and RIFF sizes that lie.
 */
class WavHostileInputTest {

    private static final ParseGuard GUARD = ParseGuard.forParser(SampleFormatException.class);
    private static final int PCM = 1;
    private static final int FLOAT = 3;

    @Property(tries = 10_000)
    void everyHostileWavIsReadOrRefusedWithinBounds(@ForAll("hostileWav") Mutant wav) {
        ParseGuard.Outcome outcome =
                GUARD.run(wav, bytes -> SampleParsers.parse("hostile.wav", bytes, SampleParseOptions.defaults()));
        if (outcome.accepted()) {
            SampleData data = ((ParsedSample) outcome.value()).data();
            assertThat(data.length()).isPositive();
            for (int a = 0; a < data.axisCount(); a++) {
                for (float v : data.axis(a)) {
                    assertThat(Float.isFinite(v)).isTrue();
                }
            }
        } else {
            assertThat(outcome.rejection().getMessage()).startsWith("hostile.wav: ");
        }
        Statistics.label("outcome").collect(outcome.kind());
        Statistics.label("outcome")
                .coverage(coverage -> coverage.check("accepted").count(n -> n > 0));
    }

    @Provide
    Arbitrary<Mutant> hostileWav() {
        SampleData stereo = SampleData.timeSeries(
                List.of(new Sensor("l", "wav"), new Sensor("r", "wav")),
                1000.0 / 8000,
                new float[][] {{0, 100, -100, 32767, -32768, 5}, {1, 2, 3, 4, 5, 6}});
        SampleData mono = SampleData.timeSeries(
                List.of(new Sensor("audio", "wav")), 1000.0 / 16000, new float[][] {{0, 1, -1, 1000, -1000, 7, 8}});
        byte[] frames24 = {1, 2, 3, 4, 5, 6, (byte) 0xFF, (byte) 0xFF, (byte) 0x7F, 0, 0, (byte) 0x80};
        List<Mutant> seeds = List.of(
                new Mutant("16-bit stereo", WavWriter.writePcm16(stereo)),
                new Mutant("32-bit float mono", WavWriter.writeFloat32(mono)),
                new Mutant(
                        "8-bit with a LIST chunk of odd size",
                        new TestWav()
                                .chunk("fmt ", TestWav.fmt(PCM, 1, 8000, 8))
                                .chunk("LIST", new byte[] {'I', 'N', 'F', 'O', 'x'})
                                .chunk("data", new byte[] {(byte) 0x80, 0, (byte) 0xFF, 1, 2})
                                .build()),
                new Mutant(
                        "24-bit, data before fmt",
                        new TestWav()
                                .chunk("data", frames24)
                                .chunk("fmt ", TestWav.fmt(PCM, 2, 44100, 24))
                                .build()),
                new Mutant(
                        "extensible 32-bit integer",
                        new TestWav()
                                .chunk("fmt ", TestWav.extensibleFmt(PCM, 1, 48000, 32, 24))
                                .chunk("data", new byte[] {0, 0, 0, 1, 0, 0, 0, (byte) 0x80})
                                .build()),
                new Mutant(
                        "64-bit float",
                        new TestWav()
                                .chunk("fmt ", TestWav.fmt(FLOAT, 1, 22050, 64))
                                .chunk("data", new byte[] {0, 0, 0, 0, 0, 0, (byte) 0xF0, 0x3F, 0, 0, 0, 0, 0, 0, 0, 0})
                                .build()));
        return Arbitraries.frequencyOf(
                Tuple.of(3, Mutations.of(seeds)), Tuple.of(1, Arbitraries.randomValue(WavHostileInputTest::malicious)));
    }

    /** A file built around one weakness of WAV readers. */
    private static Mutant malicious(Random random) {
        long[] sizes = {0xFFFFFFFFL, 0x7FFFFFFFL, 0x80000000L, 0xFFFFFFF8L, 1, 0};
        long size = sizes[random.nextInt(sizes.length)];
        return switch (random.nextInt(6)) {
            case 0 ->
                new Mutant(
                        "a data chunk declaring " + size + " bytes",
                        new TestWav()
                                .chunk("fmt ", TestWav.fmt(PCM, 1, 16000, 16))
                                .chunk("data", size, new byte[] {1, 0, 2, 0})
                                .build());
            case 1 ->
                new Mutant(
                        "a fmt chunk declaring " + size + " bytes",
                        new TestWav()
                                .chunk("fmt ", size, TestWav.fmt(PCM, 1, 16000, 16))
                                .chunk("data", new byte[] {1, 0})
                                .build());
            case 2 -> {
                int channels = new int[] {65535, 32768, 4096, 0}[random.nextInt(4)];
                int bits = new int[] {8, 16, 24, 32, 64, 0, 12, 65535}[random.nextInt(8)];
                int align = random.nextBoolean() ? channels * Math.max(1, bits / 8) : random.nextInt(65536);
                byte[] data = new byte[Math.max(2, Math.min(align, 1 << 18))];
                random.nextBytes(data);
                yield new Mutant(
                        channels + " channels of " + bits + " bits, block align " + align,
                        new TestWav()
                                .chunk(
                                        "fmt ",
                                        TestWav.fmt(random.nextBoolean() ? PCM : FLOAT, channels, 16000, bits, align))
                                .chunk("data", data)
                                .build());
            }
            case 3 -> {
                TestWav wav = new TestWav().chunk("fmt ", TestWav.fmt(PCM, 1, 16000, 16));
                int chunks = 1000 + random.nextInt(20_000);
                for (int i = 0; i < chunks; i++) {
                    wav.chunk("junk", new byte[i % 3]);
                }
                yield new Mutant(
                        chunks + " tiny chunks before the data",
                        wav.chunk("data", new byte[] {1, 0}).build());
            }
            case 4 -> {
                int riff = (int) sizes[random.nextInt(sizes.length)];
                yield new Mutant(
                        "a RIFF size of " + Integer.toUnsignedString(riff),
                        new TestWav()
                                .riffSize(riff)
                                .chunk("fmt ", TestWav.fmt(PCM, 1, 16000, 16))
                                .chunk("data", new byte[] {1, 0, 2, 0})
                                .build());
            }
            default -> {
                long rate = sizes[random.nextInt(sizes.length)];
                yield new Mutant(
                        "a sample rate of " + rate + " Hz",
                        new TestWav()
                                .chunk("fmt ", TestWav.fmt(FLOAT, 1, (int) rate, 32))
                                .chunk("data", new byte[] {0, 0, (byte) 0x80, 0x7F})
                                .build());
            }
        };
    }
}
