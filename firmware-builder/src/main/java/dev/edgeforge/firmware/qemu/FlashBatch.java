package dev.edgeforge.firmware.qemu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A batch of inputs or windows for the {@code batch} command ({@code boards/PROTOCOL.md}, "Batches in flash"): QEMU's
 * generic loader writes it into the flash the image leaves free ({@link FlashBatchRegion}) before the image boots, so
 * the windows never cross the emulated serial line, whose input costs QEMU far more CPU time than the inference. The
 * layout, little-endian: {@code "EFB1"}, count (uint32), item size (uint32), kind ({@code 'r'} input tensor or
 * {@code 'w'} raw window), a zero byte, the CRC-16/CCITT-FALSE of the header's first 14 bytes and the items, then the
 * items one after the other.
 *
 * @param kind  {@link BinaryFrame#INPUT} or {@link BinaryFrame#WINDOW}
 * @param items every item the same size
 */
public record FlashBatch(char kind, List<byte[]> items) {

    /** Bytes before the first item. */
    public static final int HEADER_BYTES = 16;

    public FlashBatch {
        if (kind != BinaryFrame.INPUT && kind != BinaryFrame.WINDOW) {
            throw new IllegalArgumentException("a batch holds input tensors or raw windows, not '" + kind + "'");
        }
        items = List.copyOf(items);
        if (items.isEmpty() || items.get(0).length == 0) {
            throw new IllegalArgumentException("a batch needs at least one item of at least one byte");
        }
        int size = items.get(0).length;
        if (items.stream().anyMatch(item -> item.length != size)) {
            throw new IllegalArgumentException("every item of a batch must have the same size");
        }
    }

    /** The bytes the loader writes at the region's address. */
    public byte[] bytes() {
        int size = items.get(0).length;
        ByteBuffer b = ByteBuffer.allocate(Math.addExact(HEADER_BYTES, Math.multiplyExact(size, items.size())))
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'E').put((byte) 'F').put((byte) 'B').put((byte) '1');
        b.putInt(items.size()).putInt(size).put((byte) kind).put((byte) 0);
        b.position(HEADER_BYTES);
        for (byte[] item : items) {
            b.put(item);
        }
        byte[] bytes = b.array();
        int crc = BinaryFrame.crc16(bytes, 0, 14);
        crc = BinaryFrame.crc16(crc, bytes, HEADER_BYTES, bytes.length - HEADER_BYTES);
        bytes[14] = (byte) crc;
        bytes[15] = (byte) (crc >>> 8);
        return bytes;
    }
}
