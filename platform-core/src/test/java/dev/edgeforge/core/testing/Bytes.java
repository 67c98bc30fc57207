package dev.edgeforge.core.testing;

/** Byte-array searches the format tests use to find a known run (a tensor's data, a field) inside encoded bytes. */
public final class Bytes {

    private Bytes() {}

    /** The first position of {@code needle} in {@code haystack}, -1 when it does not occur. */
    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
