package dev.edgeforge.infra.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read from a caller's stream and, when the length was declared, fails the read that proves the
 * stream shorter or longer than declared. Failing inside the read (rather than checking afterwards) matters: the
 * store is still in the middle of its write and aborts it, so a wrong-length object never becomes visible.
 *
 * <p>Closing this stream does not close the caller's stream: the caller owns it.
 */
final class MeasuredInputStream extends InputStream {

    /** Thrown from a read when the stream's length disagrees with the declared one. */
    static final class LengthMismatch extends IOException {
        LengthMismatch(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private final long declared;
    private long count;

    MeasuredInputStream(InputStream in, long declaredLength) {
        this.in = in;
        this.declared = declaredLength;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (declared >= 0) {
            long remaining = declared - count;
            if (remaining == 0) {
                requireEnd();
                return -1;
            }
            len = (int) Math.min(len, remaining);
        }
        int n = in.read(b, off, len);
        if (n == -1) {
            if (declared >= 0 && count < declared) {
                throw new LengthMismatch(
                        "declared length " + declared + " bytes but the stream ended after " + count + " bytes");
            }
            return -1;
        }
        count += n;
        if (declared >= 0 && count == declared) {
            // A reader that stops after `declared` bytes never asks again, so look for surplus bytes now.
            requireEnd();
        }
        return n;
    }

    private void requireEnd() throws IOException {
        if (in.read() != -1) {
            throw new LengthMismatch("declared length " + declared + " bytes but the stream holds more");
        }
    }

    @Override
    public void close() {
        // the caller's stream stays open: the caller owns it
    }

    /** The length problem carried anywhere in the cause chain of {@code failure}, if any. */
    static LengthMismatch findLengthMismatch(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LengthMismatch mismatch) {
                return mismatch;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
