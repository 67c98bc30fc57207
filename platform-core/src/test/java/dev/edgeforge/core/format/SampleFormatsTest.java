package dev.edgeforge.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SampleFormatsTest {

    private static SampleFormat detect(String name, String text) {
        return SampleFormats.detect(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static SampleFormat detect(String name, int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return SampleFormats.detect(name, b);
    }

    @Test
    void contentDecidesFirst() {
        assertThat(detect("x.jpg", 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0))
                .isEqualTo(SampleFormat.PNG);
        assertThat(detect("x.png", 0xFF, 0xD8, 0xFF, 0xE0)).isEqualTo(SampleFormat.JPEG);
        assertThat(detect("upload", "RIFF\0\0\0\0WAVEfmt ")).isEqualTo(SampleFormat.WAV);
        assertThat(detect("x.json", 0xA3, 0x69)).isEqualTo(SampleFormat.CBOR_EI);
        assertThat(detect("x", 0xBF, 0x69)).isEqualTo(SampleFormat.CBOR_EI);
        assertThat(detect("x", 0xD9, 0xD9, 0xF7, 0xA3)).isEqualTo(SampleFormat.CBOR_EI);
        assertThat(detect("x.cbor", "{\"protected\":{}}")).isEqualTo(SampleFormat.JSON_EI);
        assertThat(detect("idle.1", "\uFEFF  \n{\"protected\":")).isEqualTo(SampleFormat.JSON_EI);
    }

    @Test
    void labelsByNameOrContent() {
        assertThat(detect("info.labels", "{\"version\":1,\"files\":[]}")).isEqualTo(SampleFormat.LABELS);
        assertThat(detect("dir/bounding_boxes.labels", "{\"version\":1}")).isEqualTo(SampleFormat.LABELS);
        assertThat(detect("boxes.json", "{\"version\":1,\"type\":\"bounding-box-labels\"}"))
                .isEqualTo(SampleFormat.LABELS);
        assertThat(detect("x.json", "{\"version\":1,\"files\":[{\"path\":\"a\"}]}"))
                .isEqualTo(SampleFormat.LABELS);
    }

    @Test
    void csvByContentOrExtension() {
        assertThat(detect("data.txt", "timestamp,accX\n0,1\n")).isEqualTo(SampleFormat.CSV);
        assertThat(detect("data", "time;x\n0,1;2\n")).isEqualTo(SampleFormat.CSV);
        assertThat(detect("data", "time\tx\n")).isEqualTo(SampleFormat.CSV);
        assertThat(detect("single.csv", "value\n1\n2\n")).isEqualTo(SampleFormat.CSV);
        assertThat(detect("notes.txt", "hello world\n")).isEqualTo(SampleFormat.UNKNOWN);
    }

    @Test
    void extensionIsTheFallbackAndBinaryGarbageIsUnknown() {
        assertThat(detect("broken.wav", "RIFX")).isEqualTo(SampleFormat.WAV);
        assertThat(detect("broken.PNG", 0, 1, 2)).isEqualTo(SampleFormat.PNG);
        assertThat(detect("broken.jpeg", 0, 1, 2)).isEqualTo(SampleFormat.JPEG);
        assertThat(detect("broken.cbor", 0, 1, 2)).isEqualTo(SampleFormat.CBOR_EI);
        assertThat(detect("blob.bin", 0, 1, 2, 3)).isEqualTo(SampleFormat.UNKNOWN);
        assertThat(detect("empty", new int[0])).isEqualTo(SampleFormat.UNKNOWN);
        assertThat(SampleFormats.detect(null, null)).isEqualTo(SampleFormat.UNKNOWN);
    }
}
