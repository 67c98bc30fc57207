package dev.edgeforge.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.format.csv.CsvReadOptions;
import dev.edgeforge.core.format.csv.CsvSample;
import dev.edgeforge.core.format.csv.CsvSampleReader;
import dev.edgeforge.core.format.csv.CsvTimestamps;
import dev.edgeforge.core.format.wav.WavWriter;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files read from disk in passes (CSV, WAV) give exactly what the same bytes give in memory, across the readers'
 * 64 KiB chunk boundaries, and their errors still name the right row or offset.
 */
class SampleInputParsingTest {

    @TempDir
    Path dir;

    private SampleInput file(String name, byte[] bytes) throws IOException {
        Path path = dir.resolve(name);
        Files.write(path, bytes);
        return SampleInput.of(path, bytes.length);
    }

    private static byte[] csv(int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder("timestamp,accX,accY,accZ\r\n");
        for (int i = 0; i < rows; i++) {
            if (i % 1000 == 7) {
                text.append("\r\n"); // blank lines shift line numbers away from row numbers
            }
            text.append(i * 10)
                    .append(',')
                    .append(random.nextGaussian())
                    .append(',')
                    .append((float) random.nextGaussian())
                    .append(',')
                    .append(9.81 + random.nextGaussian())
                    .append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCsvFileReadsLikeItsBytes() throws IOException {
        byte[] bytes = csv(20_000, 1);
        assertThat(bytes.length).isGreaterThan(5 * 64 * 1024);
        CsvSample fromFile = CsvSampleReader.read(file("walk.csv", bytes), CsvReadOptions.defaults());
        CsvSample fromText = CsvSampleReader.read(new String(bytes, StandardCharsets.UTF_8), CsvReadOptions.defaults());
        assertThat(fromFile).isEqualTo(fromText);
        assertThat(fromFile.data().length()).isEqualTo(20_000);
        ParsedSample parsed = SampleParsers.parse("walk.csv", file("walk2.csv", bytes), SampleParseOptions.defaults());
        assertThat(parsed.data()).isEqualTo(fromText.data());
    }

    @Test
    void aUtf8CharacterCutByAChunkBoundaryStaysUtf8() throws IOException {
        StringBuilder base = new StringBuilder("timestamp");
        int columns = 0;
        while (base.length() < 64 * 1024 - 64) {
            base.append(",c").append(columns++);
        }
        String rows = "\n0" + ",1".repeat(columns + 1) + "\n10" + ",2".repeat(columns + 1) + "\n";
        // 'µ' is two bytes in UTF-8; move it across where the reader's first 64 KiB read ends
        for (int at = 64 * 1024 - 8; at <= 64 * 1024 + 16; at++) {
            String header = base + "," + "x".repeat(at - base.length() - 3) + " (µT)";
            byte[] bytes = (header + rows).getBytes(StandardCharsets.UTF_8);
            assertThat(bytes[at] & 0xFF).isEqualTo(0xC2);
            CsvSample read = CsvSampleReader.read(file("wide" + at + ".csv", bytes), CsvReadOptions.defaults());
            List<Sensor> sensors = read.data().sensors();
            assertThat(sensors.get(sensors.size() - 1).units())
                    .as("µ at byte " + at)
                    .isEqualTo("µT");
        }
    }

    @Test
    void errorsNameTheRowAndTheOffsetFromAFile() throws IOException {
        byte[] good = csv(5000, 2);
        byte[] withNul = good.clone();
        withNul[200_000] = 0;
        assertThatThrownBy(() -> CsvSampleReader.read(file("nul.csv", withNul), CsvReadOptions.defaults()))
                .hasMessageContaining("NUL byte at offset 200000");
        // the unit comes from the median step of every row, so this error is found after the last row is read
        byte[] backwards = "time,x\n0,1\n\n10,2\n10,3\n20,4\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> CsvSampleReader.read(file("back.csv", backwards), CsvReadOptions.defaults()))
                .hasMessage("row 5: timestamp 10 is not after the previous one (10)");
        byte[] laterBad = "time,x\n0,1\n1e308,2\nsoon,3\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> CsvSampleReader.read(
                        file("bad.csv", laterBad), CsvReadOptions.defaults().withTimestamps(CsvTimestamps.SECONDS)))
                .hasMessage("row 3, column 'time': 1e308 is out of range");
    }

    @Test
    void aWavFileReadsLikeItsBytesWhateverTheChunkOrder() throws IOException {
        Random random = new Random(3);
        float[][] values = new float[2][100_000];
        for (int i = 0; i < values[0].length; i++) {
            values[0][i] = random.nextInt(65536) - 32768;
            values[1][i] = random.nextInt(65536) - 32768;
        }
        SampleData stereo = SampleData.timeSeries(
                List.of(new Sensor("audio1", "wav"), new Sensor("audio2", "wav")), 1000.0 / 16000, values);
        byte[] wav = WavWriter.writePcm16(stereo);
        ParsedSample fromFile = SampleParsers.parse("s.wav", file("s.wav", wav), SampleParseOptions.defaults());
        assertThat(fromFile.data().values()).isEqualTo(values);

        // data before fmt: the audio is read in a second pass, once the format is known
        byte[] fmt = Arrays.copyOfRange(wav, 12, 12 + 8 + 16);
        byte[] data = Arrays.copyOfRange(wav, 12 + 8 + 16, wav.length);
        ByteArrayOutputStream swapped = new ByteArrayOutputStream();
        swapped.writeBytes(Arrays.copyOf(wav, 12));
        swapped.writeBytes(data);
        swapped.writeBytes(fmt);
        ParsedSample dataFirst =
                SampleParsers.parse("d.wav", file("d.wav", swapped.toByteArray()), SampleParseOptions.defaults());
        assertThat(dataFirst.data().values()).isEqualTo(values);
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
        SampleInput input = file("big.csv", csv(100, 4));
        assertThatThrownBy(() -> SampleParsers.parse(
                        "big.csv", input, SampleParseOptions.defaults().withMaxBytes(10)))
                .isInstanceOfSatisfying(SampleFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SampleFormatException.Reason.TOO_LARGE);
                    assertThat(e.getMessage()).startsWith("big.csv: larger than the limit of 10 bytes");
                });
    }
}
