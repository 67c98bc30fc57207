package dev.edgeforge.firmware.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlashBatchTest {

    @Test
    void headerCountSizeKindAndTheCrcOfHeaderAndItems() {
        byte[] bytes = new FlashBatch('w', List.of(new byte[] {1, 2, 3}, new byte[] {4, 5, 6})).bytes();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes).hasSize(FlashBatch.HEADER_BYTES + 6);
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("EFB1");
        assertThat(b.getInt(4)).isEqualTo(2);
        assertThat(b.getInt(8)).isEqualTo(3);
        assertThat(bytes[12]).isEqualTo((byte) 'w');
        assertThat(bytes[13]).isZero();
        assertThat(Arrays.copyOfRange(bytes, 16, 22)).containsExactly(1, 2, 3, 4, 5, 6);
        byte[] covered = new byte[14 + 6];
        System.arraycopy(bytes, 0, covered, 0, 14);
        System.arraycopy(bytes, 16, covered, 14, 6);
        assertThat(Short.toUnsignedInt(b.getShort(14))).isEqualTo(BinaryFrame.crc16(covered));
    }

    @Test
    void itemsOfOneSizeAndAKnownKindOnly() {
        assertThatThrownBy(() -> new FlashBatch('w', List.of(new byte[2], new byte[3])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlashBatch('x', List.of(new byte[2])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlashBatch('r', List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRegionHoldsWhatFitsAfterTheHeader() {
        FlashBatchRegion region = new FlashBatchRegion(0x0804_0000L, FlashBatch.HEADER_BYTES + 100);
        assertThat(region.capacity(10)).isEqualTo(10);
        assertThat(region.capacity(11)).isEqualTo(9);
        assertThat(region.capacity(101)).isZero();
        assertThat(FlashBatchRegion.of(new byte[] {1, 2, 3})).isEmpty();
    }
}
