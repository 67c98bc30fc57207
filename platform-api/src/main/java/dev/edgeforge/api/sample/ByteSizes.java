package dev.edgeforge.api.sample;

import java.util.Locale;

/** Byte counts as people read them in problem details: {@code 8 MB}, {@code 1 GB}, {@code 3.4 MB (3565158 bytes)}. */
public final class ByteSizes {

    private static final long KB = 1024;
    private static final long MB = KB * 1024;
    private static final long GB = MB * 1024;

    private ByteSizes() {}

    /** Whole units exactly; anything else rounded to one decimal with the exact count beside it. */
    public static String describe(long bytes) {
        if (bytes >= GB && bytes % GB == 0) {
            return (bytes / GB) + " GB";
        }
        if (bytes >= MB && bytes % MB == 0) {
            return (bytes / MB) + " MB";
        }
        if (bytes >= KB && bytes % KB == 0 && bytes < MB) {
            return (bytes / KB) + " KB";
        }
        if (bytes < KB) {
            return bytes + " bytes";
        }
        String rounded = bytes >= GB
                ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) GB)
                : bytes >= MB
                        ? String.format(Locale.ROOT, "%.1f MB", bytes / (double) MB)
                        : String.format(Locale.ROOT, "%.1f KB", bytes / (double) KB);
        return rounded + " (" + bytes + " bytes)";
    }
}
