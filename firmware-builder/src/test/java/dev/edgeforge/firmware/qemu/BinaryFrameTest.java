package dev.edgeforge.firmware.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BinaryFrameTest {

    @Test
    void crcIsCcittFalseWithItsPublishedCheckValue() {
        assertThat(BinaryFrame.crc16("123456789".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(0x29B1);
        assertThat(BinaryFrame.crc16(new byte[0])).isEqualTo(0xFFFF);
    }

    @Test
    void aChangedByteChangesTheCrc() {
        byte[] payload = new byte[6912];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31);
        }
        int crc = BinaryFrame.crc16(payload);
        for (int i : new int[] {0, 255, 256, 6911}) {
            byte[] damaged = payload.clone();
            damaged[i] ^= 1;
            assertThat(BinaryFrame.crc16(damaged)).as("bit flip at %d", i).isNotEqualTo(crc);
        }
    }

    @Test
    void headerIsSyncKindAndLittleEndianLength() {
        assertThat(BinaryFrame.header(BinaryFrame.WINDOW, 0x01020304))
                .containsExactly(0xEF, 'w', 0x04, 0x03, 0x02, 0x01);
        assertThat(BinaryFrame.trailer("123456789".getBytes(StandardCharsets.US_ASCII)))
                .containsExactly(0xB1, 0x29);
        assertThatThrownBy(() -> BinaryFrame.header(BinaryFrame.INPUT, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
