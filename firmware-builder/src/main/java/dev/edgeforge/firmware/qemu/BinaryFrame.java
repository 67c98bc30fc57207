package dev.edgeforge.firmware.qemu;

/**
 * The binary frame of the serial line protocol ({@code boards/PROTOCOL.md}, "Binary frames"): a sync byte no text
 * command starts with, the kind, the payload's length, the payload in acknowledged chunks, its CRC-16. One byte per
 * byte instead of hex's two, and a checksum the text lines never had.
 */
public final class BinaryFrame {

    /** First byte of a frame; text commands are ASCII. */
    public static final int SYNC = 0xEF;
    /** An int8 input tensor, as {@code run} carries it. */
    public static final char INPUT = 'r';
    /** A raw window, as {@code window} carries it. */
    public static final char WINDOW = 'w';

    private BinaryFrame() {}

    /** Sync byte, kind and the payload's length (uint32 little-endian): what is sent before the first {@code ack}. */
    public static byte[] header(char kind, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("a frame's length cannot be negative");
        }
        return new byte[] {
            (byte) SYNC,
            (byte) kind,
            (byte) length,
            (byte) (length >>> 8),
            (byte) (length >>> 16),
            (byte) (length >>> 24)
        };
    }

    /** The payload's CRC-16 as sent after it, little-endian. */
    public static byte[] trailer(byte[] payload) {
        int crc = crc16(payload);
        return new byte[] {(byte) crc, (byte) (crc >>> 8)};
    }

    /**
     * CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR (check value of
     * {@code "123456789"}: 0x29B1), as {@code ef_serial_protocol.c} computes it.
     */
    public static int crc16(byte[] data) {
        return crc16(data, 0, data.length);
    }

    /** {@link #crc16(byte[])} of {@code length} bytes from {@code offset}. */
    static int crc16(byte[] data, int offset, int length) {
        return crc16(0xFFFF, data, offset, length);
    }

    /** Goes on from {@code crc} (the CRC of the bytes before) over {@code length} more bytes. */
    static int crc16(int crc, byte[] data, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = data[i];
            crc ^= (b & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return crc;
    }
}
