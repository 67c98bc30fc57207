package dev.edgeforge.core.format.image;

import dev.edgeforge.core.format.SampleFormatException;
import java.io.IOException;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An in-memory image stream that stops a decoder reading on and on past the end. TwelveMonkeys' WebP bit reader
 * catches the {@code EOFException} a normal stream gives there and goes on decoding zeros, which loops for as long as
 * a truncated file's header claims (found by {@code ImageHostileInputTest}). The bit reader reads a few bytes ahead
 * of what it decodes, so the first {@value #READS_PAST_END} single-byte reads past the end answer -1 as usual; the
 * next throws unchecked, which the bit reader does not catch. Bulk reads keep the usual contract.
 */
final class StrictImageInput extends ImageInputStreamImpl {

    /** Single-byte reads past the end answered -1 before the stream throws; a bit reader's look-ahead is 8. */
    static final int READS_PAST_END = 64;

    private final byte[] bytes;
    private int pastEnd;
    private final String type;

    StrictImageInput(byte[] bytes, ImageType type) {
        this.bytes = bytes;
        this.type = type.name();
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        if (streamPos >= bytes.length) {
            if (pastEnd++ < READS_PAST_END) {
                return -1;
            }
            throw SampleFormatException.malformed(type + " ends inside its image data (truncated file)");
        }
        bitOffset = 0;
        return bytes[(int) streamPos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkClosed();
        if (len == 0) {
            return 0;
        }
        if (streamPos >= bytes.length) {
            return -1;
        }
        bitOffset = 0;
        int n = (int) Math.min(len, bytes.length - streamPos);
        System.arraycopy(bytes, (int) streamPos, b, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return bytes.length;
    }
}
