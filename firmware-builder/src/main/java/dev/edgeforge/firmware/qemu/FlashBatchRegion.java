package dev.edgeforge.firmware.qemu;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The flash a linked image leaves free for a {@link FlashBatch}: from {@code __ef_batch_start} to
 * {@code __ef_batch_end}, symbols the boards' shared linker script ({@code cortex_m_sections.ld}) defines after the
 * image's last byte in flash. Read from the ELF's symbol table, the same symbols the image's {@code batch} command
 * reads, so host and device cannot disagree on the address.
 *
 * @param address where the batch goes (QEMU's generic loader writes it there before the image boots)
 * @param bytes   how many bytes it may have, header included
 */
public record FlashBatchRegion(long address, long bytes) {

    static final String START = "__ef_batch_start";
    static final String END = "__ef_batch_end";

    private static final int SHT_SYMTAB = 2;
    private static final int SECTION_HEADER_BYTES = 40;
    private static final int SYMBOL_BYTES = 16;

    /** How many items of {@code itemBytes} fit after the header. */
    public int capacity(int itemBytes) {
        if (itemBytes <= 0 || bytes <= FlashBatch.HEADER_BYTES) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, (bytes - FlashBatch.HEADER_BYTES) / itemBytes);
    }

    /**
     * @return the region, empty when the image has no such symbols (linked by an older script), no room after its
     *     last byte, or is not a readable 32-bit little-endian ELF
     */
    public static Optional<FlashBatchRegion> of(Path elf) {
        try {
            return of(Files.readAllBytes(elf));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<FlashBatchRegion> of(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        // \x7fELF, ELFCLASS32, ELFDATA2LSB
        if (file.length < 52 || b.getInt(0) != 0x464c457f || file[4] != 1 || file[5] != 1) {
            return Optional.empty();
        }
        long sectionHeaders = Integer.toUnsignedLong(b.getInt(0x20));
        int entrySize = Short.toUnsignedInt(b.getShort(0x2e));
        int count = Short.toUnsignedInt(b.getShort(0x30));
        if (entrySize < SECTION_HEADER_BYTES || sectionHeaders + (long) entrySize * count > file.length) {
            return Optional.empty();
        }
        Long start = null;
        Long end = null;
        for (int i = 0; i < count; i++) {
            int header = (int) (sectionHeaders + (long) entrySize * i);
            if (b.getInt(header + 4) != SHT_SYMTAB) {
                continue;
            }
            long offset = Integer.toUnsignedLong(b.getInt(header + 16));
            long size = Integer.toUnsignedLong(b.getInt(header + 20));
            long link = Integer.toUnsignedLong(b.getInt(header + 24));
            if (link >= count || offset + size > file.length) {
                return Optional.empty();
            }
            long names = Integer.toUnsignedLong(b.getInt((int) (sectionHeaders + (long) entrySize * link) + 16));
            for (long symbol = offset; symbol + SYMBOL_BYTES <= offset + size; symbol += SYMBOL_BYTES) {
                String name = name(file, names + Integer.toUnsignedLong(b.getInt((int) symbol)));
                long value = Integer.toUnsignedLong(b.getInt((int) symbol + 4));
                if (START.equals(name)) {
                    start = value;
                } else if (END.equals(name)) {
                    end = value;
                }
            }
        }
        if (start == null || end == null || end - start <= FlashBatch.HEADER_BYTES) {
            return Optional.empty();
        }
        return Optional.of(new FlashBatchRegion(start, end - start));
    }

    private static String name(byte[] file, long offset) {
        if (offset >= file.length) {
            return "";
        }
        int end = (int) offset;
        while (end < file.length && file[end] != 0) {
            end++;
        }
        return new String(file, (int) offset, end - (int) offset, StandardCharsets.US_ASCII);
    }
}
