package dev.edgeforge.firmware.verification;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * RAM a linked 32-bit little-endian ARM image occupies before it runs, read from its ELF section headers: every
 * allocated, writable section ({@code .data}, {@code .bss} and any other the linker placed in RAM) except
 * {@code .stack}, the stack's reservation, whose used part the image measures itself by stack painting. The images
 * have no heap: the firmware links no {@code _sbrk} (so nothing that allocates could link) and the TFLM build's
 * {@code _sbrk} always fails, so static RAM plus the stack's high-water mark is all the RAM the image uses.
 */
public final class ElfStaticRam {

    /** The stack's reservation in {@code cortex_m_sections.ld}: measured by painting, not counted here. */
    static final String STACK_SECTION = ".stack";

    private static final int SHF_WRITE = 0x1;
    private static final int SHF_ALLOC = 0x2;
    private static final int SECTION_HEADER_BYTES = 40;

    private ElfStaticRam() {}

    /**
     * @return the bytes of {@code .data}, {@code .bss} and every other allocated writable section but the stack's;
     *     empty when the file is not a 32-bit little-endian ELF or cannot be read
     */
    public static OptionalLong bytes(Path elf) {
        try {
            return bytes(Files.readAllBytes(elf));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    static OptionalLong bytes(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        // \x7fELF, ELFCLASS32, ELFDATA2LSB
        if (file.length < 52 || b.getInt(0) != 0x464c457f || file[4] != 1 || file[5] != 1) {
            return OptionalLong.empty();
        }
        long sectionHeaders = Integer.toUnsignedLong(b.getInt(0x20));
        int entrySize = Short.toUnsignedInt(b.getShort(0x2e));
        int count = Short.toUnsignedInt(b.getShort(0x30));
        int names = Short.toUnsignedInt(b.getShort(0x32));
        if (entrySize < SECTION_HEADER_BYTES
                || count == 0
                || names >= count
                || sectionHeaders + (long) entrySize * count > file.length) {
            return OptionalLong.empty();
        }
        long nameTable = Integer.toUnsignedLong(b.getInt((int) (sectionHeaders + (long) entrySize * names) + 16));
        long total = 0;
        for (int i = 0; i < count; i++) {
            int header = (int) (sectionHeaders + (long) entrySize * i);
            int flags = b.getInt(header + 8);
            if ((flags & (SHF_WRITE | SHF_ALLOC)) != (SHF_WRITE | SHF_ALLOC)) {
                continue;
            }
            long name = nameTable + Integer.toUnsignedLong(b.getInt(header));
            if (!STACK_SECTION.equals(name(file, name))) {
                total += Integer.toUnsignedLong(b.getInt(header + 20));
            }
        }
        return OptionalLong.of(total);
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
