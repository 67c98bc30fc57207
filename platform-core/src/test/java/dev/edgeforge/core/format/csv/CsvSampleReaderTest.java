package dev.edgeforge.core.format.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.edgeforge.core.format.SampleFormatException;
import dev.edgeforge.core.sample.Sensor;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvSampleReaderTest {

    private static CsvSample read(String text) {
        return CsvSampleReader.read(text, CsvReadOptions.defaults());
    }

    private static String error(String text) {
        return error(text, CsvReadOptions.defaults());
    }

    private static String error(String text, CsvReadOptions options) {
        try {
            CsvSampleReader.read(text, options);
        } catch (SampleFormatException e) {
            assertThat(e.reason()).isEqualTo(SampleFormatException.Reason.MALFORMED);
            return e.getMessage();
        }
        throw new AssertionError("expected a SampleFormatException");
    }

    @Test
    void readsEdgeImpulseStyleCsvInMilliseconds() {
        CsvSample csv = read("timestamp,accX,accY,accZ\n0,-9.81,0.03,1.21\n10,-9.83,0.04,1.27\n20,-9.12,0.03,1.23\n");
        assertThat(csv.timestamps()).isEqualTo(CsvTimestamps.MILLISECONDS);
        assertThat(csv.timestampColumn()).contains("timestamp");
        assertThat(csv.dialect()).isEqualTo(new CsvDialect(',', '.'));
        assertThat(csv.data().intervalMs()).isEqualTo(10.0);
        assertThat(csv.data().sensors()).extracting(Sensor::name).containsExactly("accX", "accY", "accZ");
        assertThat(csv.data().axis(0)).containsExactly(-9.81f, -9.83f, -9.12f);
        assertThat(csv.maxJitter()).isZero();
    }

    @Test
    void headerUnitsAndTimestampUnits() {
        CsvSample s = read("time (s),accX (m/s2),gyr [dps]\n0.00,1,2\n0.01,3,4\n0.02,5,6\n");
        assertThat(s.timestamps()).isEqualTo(CsvTimestamps.SECONDS);
        assertThat(s.data().intervalMs()).isCloseTo(10.0, within(1e-9));
        assertThat(s.data().sensors()).containsExactly(new Sensor("accX", "m/s2"), new Sensor("gyr", "dps"));
        assertThat(read("time_ms,x\n0,1\n0.5,2\n").data().intervalMs()).isEqualTo(0.5);
        assertThat(read("t [us],x\n0,1\n250,2\n").data().intervalMs()).isEqualTo(0.25);
        assertThat(read("seconds,x\n0,1\n2,2\n").data().intervalMs()).isEqualTo(2000.0);
    }

    @Test
    void unitHeuristicsWithoutAUnitInTheHeader() {
        // "t" with sub-1 steps: seconds; with whole steps: milliseconds
        assertThat(read("t,x\n0,1\n0.02,2\n0.04,3\n").timestamps()).isEqualTo(CsvTimestamps.SECONDS);
        assertThat(read("t,x\n0,1\n20,2\n40,3\n").timestamps()).isEqualTo(CsvTimestamps.MILLISECONDS);
        // "timestamp" is always milliseconds, even at 2 kHz
        assertThat(read("timestamp,x\n0,1\n0.5,2\n").data().intervalMs()).isEqualTo(0.5);
        // epoch times by magnitude
        assertThat(read("time,x\n1714567890123,1\n1714567890133,2\n").timestamps())
                .isEqualTo(CsvTimestamps.MILLISECONDS);
        assertThat(read("time,x\n1714567890.5,1\n1714567890.6,2\n").timestamps())
                .isEqualTo(CsvTimestamps.SECONDS);
        assertThat(read("time,x\n1714567890000000,1\n1714567890001000,2\n")
                        .data()
                        .intervalMs())
                .isEqualTo(1.0);
        // an explicit option wins
        assertThat(CsvSampleReader.read(
                                "t,x\n0,1\n20,2\n", CsvReadOptions.defaults().withTimestamps(CsvTimestamps.SECONDS))
                        .data()
                        .intervalMs())
                .isEqualTo(20000.0);
    }

    @Test
    void isoTimestampsWithJitterGiveTheMeanInterval() {
        CsvSample s = read("""
                datetime,temp
                2024-05-01T12:00:00.000Z,20.5
                2024-05-01T12:00:00.098Z,20.6
                2024-05-01T12:00:00.201Z,20.7
                2024-05-01T12:00:00.300Z,20.8
                """);
        assertThat(s.timestamps()).isEqualTo(CsvTimestamps.ISO_8601);
        assertThat(s.data().intervalMs()).isCloseTo(100.0, within(1e-9));
        assertThat(s.maxJitter()).isCloseTo(0.03, within(1e-9)); // steps 98, 103, 99 around a mean of 100
        // a space instead of T, no offset (UTC), and an offset
        assertThat(read("time,x\n2024-05-01 12:00:00,1\n2024-05-01 12:00:01,2\n")
                        .data()
                        .intervalMs())
                .isEqualTo(1000.0);
        assertThat(read("time,x\n2024-05-01T12:00:00+02:00,1\n2024-05-01T10:00:00.5Z,2\n")
                        .data()
                        .intervalMs())
                .isEqualTo(500.0);
    }

    @Test
    void semicolonAndTabDelimitersWithDecimalComma() {
        CsvSample s = read("time;accX;accY\n0,00;1,5;-2\n0,01;2,25;3e2\n");
        assertThat(s.dialect()).isEqualTo(new CsvDialect(';', ','));
        assertThat(s.data().axis(0)).containsExactly(1.5f, 2.25f);
        assertThat(s.data().axis(1)).containsExactly(-2f, 300f);
        assertThat(s.data().intervalMs()).isCloseTo(10.0, within(1e-9));
        CsvSample tab = read("timestamp\tx\ty\n0\t1.5\t2\n5\t3\t4\n");
        assertThat(tab.dialect()).isEqualTo(new CsvDialect('\t', '.'));
        assertThat(tab.data().axis(1)).containsExactly(2f, 4f);
        assertThat(read("timestamp;x\n0;1.5\n5;3\n").dialect()).isEqualTo(new CsvDialect(';', '.'));
    }

    @Test
    void givenIntervalWithoutTimestampColumn() {
        CsvSample s = CsvSampleReader.read(
                "accX,accY\n1,2\n3,4\n5,6\n", CsvReadOptions.defaults().withIntervalMs(4));
        assertThat(s.timestamps()).isEqualTo(CsvTimestamps.NONE);
        assertThat(s.timestampColumn()).isEmpty();
        assertThat(s.data().intervalMs()).isEqualTo(4.0);
        assertThat(s.data().axis(1)).containsExactly(2f, 4f, 6f);
        // a given interval wins over timestamps
        assertThat(CsvSampleReader.read(
                                "timestamp,x\n0,1\n10,2\n",
                                CsvReadOptions.defaults().withIntervalMs(4))
                        .data()
                        .intervalMs())
                .isEqualTo(4.0);
        assertThat(error("accX,accY\n1,2\n")).contains("no timestamp column").contains("no interval given");
    }

    @Test
    void toleratesBomCrlfBlankLinesQuotesAndTrailingDelimiters() {
        byte[] bytes = ("\uFEFFtimestamp,\"acc, X\",y,\r\n\r\n0,\"1.5\",2,\r\n10, 3 ,4,\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        CsvSample s = CsvSampleReader.read(bytes, CsvReadOptions.defaults());
        assertThat(s.data().sensors()).extracting(Sensor::name).containsExactly("acc, X", "y");
        assertThat(s.data().axis(0)).containsExactly(1.5f, 3f);
        assertThat(s.data().intervalMs()).isEqualTo(10.0);
    }

    @Test
    void windows1252TextIsAccepted() {
        byte[] bytes = "timestamp,mag (µT)\n0,1\n1,2\n".getBytes(Charset.forName("windows-1252"));
        assertThat(CsvSampleReader.read(bytes, CsvReadOptions.defaults()).data().sensors())
                .containsExactly(new Sensor("mag", "µT"));
    }

    @Test
    void rowErrorsNameRowAndColumn() {
        StringBuilder text = new StringBuilder("timestamp,a,b,c\n");
        for (int i = 0; i < 15; i++) {
            text.append(i * 10).append(",1,2,3\n");
        }
        assertThat(error(text + "150,1,2\n")).isEqualTo("row 17: 3 values, header has 4");
        assertThat(error(text + "150,1,2,3,4\n")).isEqualTo("row 17: 5 values, header has 4");
        assertThat(error("timestamp,accX,accY\n0,1,2\n10,1,2\n20,1,2\n30,1,abc\n"))
                .isEqualTo("row 5, column 'accY': 'abc' is not a number");
        assertThat(error("timestamp,accX\n0,\n")).isEqualTo("row 2, column 'accX': empty value");
        for (String bad : new String[] {"NaN", "Infinity", "0x10", "1f", "1d", "--1", "1e", "1.2.3"}) {
            assertThat(error("timestamp,x\n0," + bad + "\n10,1\n")).contains("'" + bad + "' is not a number");
        }
        assertThat(error("timestamp,x\n0,1e39\n10,1\n")).contains("outside the 32-bit float range");
        assertThat(error("time;x\n0,0;1.5\n0,1;2,5\n"))
                .contains("'1.5' is not a number (the decimal separator is ',')");
    }

    @Test
    void timestampErrors() {
        assertThat(error("timestamp,x\n0,1\n10,2\n10,3\n"))
                .isEqualTo("row 4: timestamp 10 is not after the previous" + " one (10)");
        assertThat(error("timestamp,x\n0,1\n10,2\n5,3\n")).contains("row 4: timestamp 5 is not after");
        assertThat(error("timestamp,x\n0,1\nsoon,2\n")).isEqualTo("row 3, column 'timestamp': 'soon' is not a number");
        assertThat(error("time,x\nyesterday,1\n")).contains("neither a number nor an ISO-8601 date-time");
        assertThat(error("time,x\n2024-05-01T12:00:00Z,1\n2024-13-01T12:00:00Z,2\n"))
                .contains("row 3, column 'time': '2024-13-01T12:00:00Z' is not an ISO-8601 date-time");
        assertThat(error("timestamp,x\n0,1\n")).contains("one data row is not enough");
        assertThat(CsvSampleReader.read(
                                "timestamp,x\n0,1\n", CsvReadOptions.defaults().withIntervalMs(2))
                        .data()
                        .length())
                .isEqualTo(1);
        assertThat(error("timestamp,x\n,1\n1,2\n")).contains("empty timestamp");
    }

    @Test
    void headerAndFileErrors() {
        assertThat(error("")).isEqualTo("the file is empty");
        assertThat(error("\n \n")).isEqualTo("the file is empty");
        assertThat(error("timestamp,x\n")).isEqualTo("no data rows after the header");
        assertThat(error("timestamp\n0\n1\n")).isEqualTo("no value columns besides the timestamp");
        assertThat(error("timestamp,x,x\n0,1,2\n1,1,2\n")).contains("header column 'x' appears twice");
        assertThat(error("timestamp,,x\n0,1,2\n1,1,2\n")).contains("header column 2 has no name");
        assertThat(error("timestamp,x\n0,\"1\n1,2\n")).contains("row 2: unterminated quote");
        assertThat(error("timestamp,x\n0,\"1\"2\n")).contains("row 2: text after a closing quote");
        assertThatThrownBy(
                        () -> CsvSampleReader.read(new byte[] {'t', ',', 'x', '\n', 0, 1}, CsvReadOptions.defaults()))
                .isInstanceOf(SampleFormatException.class)
                .hasMessageContaining("NUL byte at offset 4");
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> CsvReadOptions.defaults().withIntervalMs(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsvReadOptions.defaults().withTimestamps(CsvTimestamps.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
