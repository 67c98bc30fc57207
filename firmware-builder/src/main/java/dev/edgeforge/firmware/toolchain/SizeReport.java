package dev.edgeforge.firmware.toolchain;

/**
 * Section totals of an executable as {@code size} (Berkeley format) reports them.
 *
 * @param text code and read-only data (flash)
 * @param data initialized data (in flash, copied to RAM at reset)
 * @param bss zero-initialized data and, for EdgeForge images, the reserved stack (RAM)
 */
public record SizeReport(long text, long data, long bss) {

    /** Bytes the image occupies in flash. */
    public long flashBytes() {
        return text + data;
    }

    /** Bytes of RAM the image reserves statically (including the stack reservation). */
    public long ramBytes() {
        return data + bss;
    }

    /**
     * Parses the output of {@code size <file>}: a header line then {@code text data bss dec hex filename}.
     *
     * @throws IllegalArgumentException naming the line that does not have that form
     */
    public static SizeReport parseBerkeley(String output) {
        String[] lines = output.strip().split("\\R");
        if (lines.length < 2 || !lines[0].trim().startsWith("text")) {
            throw new IllegalArgumentException(
                    "not Berkeley size output (expected a 'text data bss' header): " + output.strip());
        }
        String[] fields = lines[1].trim().split("\\s+");
        if (fields.length < 3) {
            throw new IllegalArgumentException("size output line 2 has fewer than 3 numbers: " + lines[1]);
        }
        try {
            return new SizeReport(Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size output line 2 is not 'text data bss …': " + lines[1], e);
        }
    }
}
