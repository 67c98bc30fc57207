package dev.edgeforge.core.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Reads a stream into memory up to a limit. The buffer grows with the bytes that actually arrive, never with a
 * length some header declares, so a small file claiming to be 4 GB costs only its real size.
 */
public final class BoundedBytes {

    private BoundedBytes() {}

    /**
     * All bytes of {@code in}, which is not closed.
     *
     * @throws SampleFormatException with {@link SampleFormatException.Reason#TOO_LARGE} once more than
     *                               {@code maxBytes} bytes arrive
     * @throws UncheckedIOException  when the stream itself fails (not the file's fault)
     */
    public static byte[] readAll(InputStream in, long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes " + maxBytes + " is negative");
        }
        long cap = Math.min(maxBytes, Integer.MAX_VALUE - 16L);
        byte[] buf = new byte[(int) Math.min(cap + 1, 64 * 1024)];
        int size = 0;
        try {
            while (true) {
                if (size == buf.length) {
                    if (size > cap) {
                        break;
                    }
                    buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, cap + 1));
                }
                int read = in.read(buf, size, buf.length - size);
                if (read < 0) {
                    break;
                }
                size += read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (size > cap) {
            throw new SampleFormatException(
                    SampleFormatException.Reason.TOO_LARGE, "larger than the limit of " + maxBytes + " bytes");
        }
        return size == buf.length ? buf : Arrays.copyOf(buf, size);
    }
}
