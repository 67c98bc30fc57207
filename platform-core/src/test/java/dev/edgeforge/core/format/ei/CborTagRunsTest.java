package dev.edgeforge.core.format.ei;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import dev.edgeforge.core.format.SampleFormatException;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CborTagRunsTest {

    private static final byte[] MAP = {(byte) 0xA1, 0x61, 'a', 0x01}; // {"a": 1}

    @Test
    void aLongChainOfTagsIsRefusedBeforeJacksonSpendsQuadraticMemoryOnIt() {
        // found by EiHostileInputTest: 16,477 × 0xC0 made Jackson allocate 74 MB for a 17 KB message
        byte[] key = {(byte) 0xA1, 0x61, 'a'};
        byte[] chain = concat(key, withTags(16_477, new byte[] {0x01})); // {"a": tag(tag(...(1)))}
        long before = allocated();
        assertThatThrownBy(() -> EiAcquisitionReader.read(chain, Optional.empty()))
                .isInstanceOf(SampleFormatException.class)
                .hasMessageContaining("more than 8 CBOR tags on one item (at byte 11)");
        assertThat(allocated() - before).isLessThan(1 << 20);
    }

    @Test
    void eightTagsOnAnItemAndTagsSpreadOverManyItemsPass() {
        assertThatCode(() -> CborTagRuns.check(withTags(8, MAP))).doesNotThrowAnyException();
        ByteArrayOutputStream spread = new ByteArrayOutputStream();
        spread.write(0x9F); // an indefinite array of 10,000 tagged ones
        for (int k = 0; k < 10_000; k++) {
            spread.write(0xC0);
            spread.write(0x01);
        }
        spread.write(0xFF);
        assertThatCode(() -> CborTagRuns.check(spread.toByteArray())).doesNotThrowAnyException();
    }

    @Test
    void bytesAfterTheTopLevelItemAreNotReadAsCbor() {
        // an Edge Impulse binary message: raw little-endian values follow the CBOR map; 0xC0 bytes there are data
        byte[] message = new byte[MAP.length + 64];
        System.arraycopy(MAP, 0, message, 0, MAP.length);
        Arrays.fill(message, MAP.length, message.length, (byte) 0xC0);
        assertThatCode(() -> CborTagRuns.check(message)).doesNotThrowAnyException();

        SampleData mono = SampleData.builder()
                .setSensors(List.of(new Sensor("audio", "wav")))
                .setIntervalMs(0.0625)
                .setValues(new float[][] {{-16192, -16192, -16192, -16192, -16192, -16192, -16192, -16192, -16192, 1}})
                .build(); // -16192 is 0xC0C0 in i16
        byte[] binary = EiAcquisitionWriter.writeCborBinary(mono, EiBinaryType.I16, EiSigning.none());
        assertThat(EiAcquisitionReader.read(binary, Optional.empty()).data().length())
                .isEqualTo(10);
    }

    @Test
    void stringPayloadsAreSkippedNotScannedForTags() {
        byte[] text = new byte[2 + 20 + 1];
        text[0] = (byte) 0x82; // [ "20 × 0xC0 bytes", 1 ]
        text[1] = 0x54; // a byte string of 20
        Arrays.fill(text, 2, 22, (byte) 0xC0);
        text[22] = 0x01;
        assertThatCode(() -> CborTagRuns.check(text)).doesNotThrowAnyException();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] withTags(int tags, byte[] item) {
        byte[] bytes = new byte[tags + item.length];
        Arrays.fill(bytes, 0, tags, (byte) 0xC0);
        System.arraycopy(item, 0, bytes, tags, item.length);
        return bytes;
    }

    private static long allocated() {
        return ((ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
