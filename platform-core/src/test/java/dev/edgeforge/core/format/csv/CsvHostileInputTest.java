package dev.edgeforge.core.format.csv;

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
import java.nio.charset.StandardCharsets;
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
 * Hostile CSV: 10,000 damaged and malicious files through {@link SampleParsers} (the upload entry point) must each
 * be read or refused with a {@link SampleFormatException}, within a second of CPU and a bounded allocation. Besides
 * byte-level mutations of valid files: very long numbers and blank runs (regular expressions that backtrack
 * quadratically hang on them), thousands of columns, one giant line, invalid UTF-8, NUL bytes, stray quotes.
 */
class CsvHostileInputTest {

    private static final ParseGuard GUARD = ParseGuard.forParser(SampleFormatException.class);
    private static final SampleParseOptions OPTIONS = SampleParseOptions.defaults();

    @Property(tries = 10_000)
    void everyHostileCsvIsReadOrRefusedWithinBounds(@ForAll("hostileCsv") Mutant csv) {
        ParseGuard.Outcome outcome = GUARD.run(csv, bytes -> SampleParsers.parse("hostile.csv", bytes, OPTIONS));
        if (outcome.accepted()) {
            SampleData data = ((ParsedSample) outcome.value()).data();
            assertThat(data.length()).isPositive();
            assertThat(data.intervalMs()).isPositive().isFinite();
        } else {
            assertThat(outcome.rejection().getMessage()).startsWith("hostile.csv: ");
        }
        Statistics.label("outcome").collect(outcome.kind());
        Statistics.label("outcome").coverage(coverage -> {
            coverage.check("accepted").count(n -> n > 0);
        });
    }

    @Provide
    Arbitrary<Mutant> hostileCsv() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Mutations.of(seeds())),
                Tuple.of(1, Arbitraries.randomValue(CsvHostileInputTest::malicious)));
    }

    private static List<Mutant> seeds() {
        List<Mutant> seeds = new ArrayList<>();
        SampleData acc = SampleData.timeSeries(
                List.of(new Sensor("accX", "m/s2"), new Sensor("accY", "m/s2"), Sensor.of("raw (v1)")),
                10,
                new float[][] {{1, 2.5f, -3}, {0.25f, 1e-7f, 3e38f}, {7, 8, 9}});
        seeds.add(new Mutant("written by CsvSampleWriter", CsvSampleWriter.write(acc)));
        seeds.add(text(
                "semicolons and decimal commas",
                "time (s);accX (m/s2);gyr [dps]\n0,00;1,5;2\n" + "0,01;1,6;3\n0,02;-1,7e3;4\n"));
        seeds.add(text(
                "tabs, CRLF and a byte order mark",
                "\uFEFFtimestamp\tx\ty\r\n0\t1\t2\r\n10\t3\t4\r\n" + "\r\n20\t5\t6\r\n"));
        seeds.add(text(
                "ISO-8601 timestamps",
                "datetime,temp\n2024-05-01T12:00:00.000Z,20.5\n"
                        + "2024-05-01 12:00:00.098,20.6\n2024-05-01T12:00:00.201+02:00,20.7\n"));
        seeds.add(text(
                "quoted cells and a trailing delimiter",
                "\"time_ms\",\"a \"\"q\"\" (u)\",b,\n\"0\",\"1\",2,\n" + "5,\"3\",4,\n"));
        seeds.add(text("epoch microseconds", "time,x\n1714567890000000,1\n1714567890001000,2\n"));
        return seeds;
    }

    /** A malicious file built for one weakness, at a size a parser that is not linear cannot handle. */
    private static Mutant malicious(Random random) {
        int n = 4_000 + random.nextInt(20_000);
        return switch (random.nextInt(8)) {
            case 0 -> text(n + " digits and a letter in a value", "timestamp,x\n0," + "7".repeat(n) + "z\n");
            case 1 ->
                text(
                        n + " digits, a dot, digits and a letter in a timestamp",
                        "t,x\n" + "1".repeat(n) + "." + "2".repeat(n) + "e+x,1\n1,2\n");
            case 2 -> text(n + " blanks inside a header cell", "timestamp,a" + " ".repeat(n) + "b\n0,1\n1,2\n");
            case 3 ->
                text(
                        n + " separators and letters in a header cell",
                        "timestamp,t" + "_a -".repeat(n / 4) + "\n0,1\n1,2\n");
            case 4 -> {
                StringBuilder header = new StringBuilder("timestamp");
                StringBuilder row = new StringBuilder("0");
                int columns = n / 4;
                for (int c = 0; c < columns; c++) {
                    header.append(",c").append(c);
                    row.append(",1");
                }
                yield text(columns + " columns", header + "\n" + row + "\n" + row.replace(0, 1, "1") + "\n");
            }
            case 5 -> text("one line of " + n + " cells and no newline", "timestamp" + ",1".repeat(n));
            case 6 -> {
                byte[] utf8 = ("timestamp,xé\n0,1\n1,2\n").getBytes(StandardCharsets.UTF_8);
                byte[][] invalid = {
                    {(byte) 0xC3, '('},
                    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    {(byte) 0xF8},
                    {(byte) 0xC0, (byte) 0xAF},
                    {(byte) 0xE2, (byte) 0x82},
                    {(byte) 0xFF, (byte) 0xFE}
                };
                byte[] bad = invalid[random.nextInt(invalid.length)];
                int at = random.nextInt(utf8.length);
                yield new Mutant("invalid UTF-8 at " + at, Mutations.splice(utf8, at, 0, bad));
            }
            default -> text(n + " quotes in a row", "timestamp,x\n0,\"" + "\"".repeat(n) + "\n1,2\n");
        };
    }

    private static Mutant text(String how, String text) {
        return new Mutant(how, text.getBytes(StandardCharsets.UTF_8));
    }
}
