package dev.edgeforge.core.format.wav;

import dev.edgeforge.core.format.BoundedBytes;
import dev.edgeforge.core.format.SampleFormatException;
import dev.edgeforge.core.format.SampleInput;
import dev.edgeforge.core.sample.AudioInfo;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads RIFF/WAVE audio: integer PCM of 8 (unsigned), 16, 24 or 32 bits, IEEE float of 32 or 64 bits, plain or
 * WAVE_FORMAT_EXTENSIBLE, any channel count and sample rate.
 *
 * <p><b>Values are on the 16-bit integer scale</b>, because Edge Impulse keeps 16-bit audio as its raw int16 values
 * and its DSP blocks (MFCC, MFE, spectrogram) expect that scale: 16-bit samples are kept as they are; 8-bit
 * unsigned {@code u} becomes {@code (u - 128) * 256}; 24-bit {@code s} becomes {@code s / 256}; 32-bit integer
 * {@code s} becomes {@code s / 65536}; floats {@code f} become {@code f * 32768}. So full scale is about &plusmn;32768
 * whatever the file's depth, and 16-bit files give exactly the values Edge Impulse uses.
 *
 * <p>Each channel becomes a sensor with units {@code wav}: {@code audio} for mono, {@code audio1}, {@code audio2},
 * … otherwise. The interval is {@code 1000 / sampleRate} ms.
 *
 * <p>Chunks other than {@code fmt } and {@code data} are skipped (with their pad byte when their size is odd). No
 * declared size is trusted: a chunk that claims more bytes than the file holds is an error (a truncated file),
 * except an unknown chunk after both {@code fmt } and {@code data}, which is ignored; the RIFF size is only used to
 * ignore trailing bytes after the RIFF chunk.
 *
 * <p>A {@link SampleInput} is read in two passes (chunk headers, then the audio straight into the values) and never
 * held whole: memory is the values, 4 bytes a sample.
 */
public final class WavReader {

    private static final int TAG_PCM = 1;
    private static final int TAG_FLOAT = 3;
    private static final int TAG_EXTENSIBLE = 0xFFFE;
    /** The last 14 bytes of KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT, after the 2-byte format tag. */
    private static final byte[] SUBTYPE_TAIL = {
        0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71
    };

    /** Bytes of the {@code fmt } chunk that are read; its fields lie in the first 40. */
    private static final int FMT_READ_BYTES = 64;
    /** Audio is converted this many bytes at a time (rounded down to whole frames). */
    private static final int BLOCK_BYTES = 64 * 1024;

    private WavReader() {}

    /**
     * Reads a stream (not closed), buffering at most {@code maxBytes}.
     *
     * @throws SampleFormatException as {@link #read(byte[])}, or {@code TOO_LARGE}
     */
    public static WavAudio read(InputStream in, long maxBytes) {
        return read(BoundedBytes.readAll(in, maxBytes));
    }

    /**
     * Reads a whole file.
     *
     * @throws SampleFormatException for anything that is not a readable PCM/float WAV, naming the chunk or field
     */
    public static WavAudio read(byte[] bytes) {
        return read(SampleInput.of(bytes));
    }

    /**
     * Reads a file in two passes, never holding its bytes: the chunk headers first, then the audio of the
     * {@code data} chunk straight into the values (so the {@code fmt } chunk may come before or after it).
     *
     * @throws SampleFormatException for anything that is not a readable PCM/float WAV, naming the chunk or field
     */
    public static WavAudio read(SampleInput input) {
        long length = input.size();
        if (length < 12) {
            throw SampleFormatException.malformed("too short for a WAV file (" + length + " bytes)");
        }
        WavFormat format = null;
        long dataStart = -1;
        long dataSize = -1;
        try (Positioned in = new Positioned(input.open())) {
            byte[] head = in.read(12);
            String riff = ascii(head, 0);
            if (riff.equals("RIFX") || riff.equals("RF64")) {
                throw new SampleFormatException(
                        SampleFormatException.Reason.UNSUPPORTED,
                        riff + " WAV files are not supported (RIFF little-endian only)");
            }
            if (!riff.equals("RIFF") || !ascii(head, 8).equals("WAVE")) {
                throw SampleFormatException.malformed("not a RIFF/WAVE file");
            }
            long riffSize = Integer.toUnsignedLong(
                    ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt(4));
            long end = 8 + riffSize >= 12 && 8 + riffSize <= length ? 8 + riffSize : length;
            long pos = 12;
            while (pos + 8 <= end) {
                in.skipTo(pos);
                byte[] chunk = in.read(8);
                String id = ascii(chunk, 0);
                long size = Integer.toUnsignedLong(
                        ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN).getInt(4));
                long body = pos + 8;
                long available = end - body;
                if (size > available) {
                    if (id.equals("data") || id.equals("fmt ")) {
                        throw SampleFormatException.malformed("'" + id.strip() + "' chunk at offset " + pos
                                + " declares " + size + " bytes but only " + available + " remain (truncated file)");
                    }
                    if (format != null && dataStart >= 0) {
                        break; // a damaged trailing chunk cannot spoil audio we already have
                    }
                    throw SampleFormatException.malformed("chunk '" + printable(id) + "' at offset " + pos
                            + " declares " + size + " bytes but only " + available + " remain (truncated file)");
                }
                if (id.equals("fmt ")) {
                    if (format != null) {
                        throw SampleFormatException.malformed("a second 'fmt' chunk at offset " + pos);
                    }
                    // every field we read lies in the first 40 bytes; the declared size still decides the checks
                    byte[] fmt = in.read((int) Math.min(size, FMT_READ_BYTES));
                    format = format(ByteBuffer.wrap(fmt).order(ByteOrder.LITTLE_ENDIAN), (int)
                            Math.min(size, Integer.MAX_VALUE));
                } else if (id.equals("data")) {
                    if (dataStart >= 0) {
                        throw SampleFormatException.malformed("a second 'data' chunk at offset " + pos);
                    }
                    dataStart = body;
                    dataSize = size;
                }
                pos = body + size + (size & 1);
            }
        }
        if (format == null) {
            throw SampleFormatException.malformed("no 'fmt' chunk");
        }
        if (dataStart < 0) {
            throw SampleFormatException.malformed("no 'data' chunk");
        }
        try (Positioned in = new Positioned(input.open())) {
            in.skipTo(dataStart);
            return new WavAudio(format, samples(in, dataSize, format));
        }
    }

    private static WavFormat format(ByteBuffer fmt, int size) {
        if (size < 16) {
            throw SampleFormatException.malformed("'fmt' chunk of " + size + " bytes is shorter than 16");
        }
        int tag = Short.toUnsignedInt(fmt.getShort(0));
        int channels = Short.toUnsignedInt(fmt.getShort(2));
        long sampleRate = Integer.toUnsignedLong(fmt.getInt(4));
        int blockAlign = Short.toUnsignedInt(fmt.getShort(12));
        int bits = Short.toUnsignedInt(fmt.getShort(14));
        int validBits = bits;
        boolean extensible = tag == TAG_EXTENSIBLE;
        if (extensible) {
            if (size < 40 || Short.toUnsignedInt(fmt.getShort(16)) < 22) {
                throw SampleFormatException.malformed("WAVE_FORMAT_EXTENSIBLE 'fmt' chunk of " + size
                        + " bytes is too short for its extension (40 bytes)");
            }
            int declaredValid = Short.toUnsignedInt(fmt.getShort(18));
            validBits = declaredValid == 0 ? bits : declaredValid;
            byte[] tail = new byte[SUBTYPE_TAIL.length];
            fmt.get(26, tail);
            if (!Arrays.equals(tail, SUBTYPE_TAIL)) {
                throw new SampleFormatException(
                        SampleFormatException.Reason.UNSUPPORTED,
                        "WAVE_FORMAT_EXTENSIBLE sub-format is not a standard format GUID");
            }
            tag = Short.toUnsignedInt(fmt.getShort(24));
        }
        if (tag != TAG_PCM && tag != TAG_FLOAT) {
            throw new SampleFormatException(
                    SampleFormatException.Reason.UNSUPPORTED,
                    String.format(
                            Locale.ROOT, "format tag 0x%04X is not supported (integer PCM and IEEE float are)", tag));
        }
        boolean floating = tag == TAG_FLOAT;
        if (channels == 0) {
            throw SampleFormatException.malformed("the 'fmt' chunk declares zero channels");
        }
        if (sampleRate == 0 || sampleRate > Integer.MAX_VALUE) {
            throw SampleFormatException.malformed("sample rate " + sampleRate + " Hz is not usable");
        }
        boolean supportedBits =
                floating ? bits == 32 || bits == 64 : bits == 8 || bits == 16 || bits == 24 || bits == 32;
        if (!supportedBits) {
            throw new SampleFormatException(
                    SampleFormatException.Reason.UNSUPPORTED,
                    bits + "-bit " + (floating ? "float" : "integer PCM") + " is not supported");
        }
        if (validBits > bits) {
            throw SampleFormatException.malformed(validBits + " valid bits in a " + bits + "-bit container");
        }
        int expectedAlign = channels * (bits / 8);
        if (blockAlign != expectedAlign) {
            throw SampleFormatException.malformed("block align " + blockAlign + " does not match " + channels
                    + " channels of " + bits + " bits (expected " + expectedAlign + ")");
        }
        return new WavFormat(floating, extensible, channels, (int) sampleRate, bits, validBits, blockAlign);
    }

    private static SampleData samples(Positioned in, long size, WavFormat f) {
        if (size % f.blockAlign() != 0) {
            throw SampleFormatException.malformed("'data' chunk of " + size + " bytes is not a whole number of "
                    + f.blockAlign() + "-byte frames (truncated file)");
        }
        int frames = (int) (size / f.blockAlign());
        if (frames == 0) {
            throw SampleFormatException.malformed("the 'data' chunk holds no audio frames");
        }
        int channels = f.channels();
        float[][] values = new float[channels][frames];
        int framesPerBlock = Math.max(1, BLOCK_BYTES / f.blockAlign());
        for (int first = 0; first < frames; first += framesPerBlock) {
            int count = Math.min(framesPerBlock, frames - first);
            ByteBuffer block = ByteBuffer.wrap(in.read(count * f.blockAlign())).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = first; i < first + count; i++) {
                for (int c = 0; c < channels; c++) {
                    float v = f.floatingPoint()
                            ? floatSample(block, f.bitsPerSample())
                            : intSample(block, f.bitsPerSample());
                    if (!Float.isFinite(v)) {
                        throw SampleFormatException.malformed(
                                "sample " + i + " of channel " + (c + 1) + " is " + v + " (or out of range)");
                    }
                    values[c][i] = v;
                }
            }
        }
        List<Sensor> sensors = new ArrayList<>(channels);
        for (int c = 0; c < channels; c++) {
            sensors.add(new Sensor(channels == 1 ? "audio" : "audio" + (c + 1), "wav"));
        }
        return SampleData.builder()
                .setSensors(sensors)
                .setIntervalMs(1000.0 / f.sampleRateHz())
                .setValues(values)
                .optAudio(new AudioInfo(f.sampleRateHz(), f.bitsPerSample(), f.floatingPoint()))
                .build();
    }

    private static float intSample(ByteBuffer in, int bits) {
        return switch (bits) {
            case 8 -> ((in.get() & 0xFF) - 128) * 256f;
            case 16 -> in.getShort();
            case 24 -> {
                int lo = in.get() & 0xFF;
                int mid = in.get() & 0xFF;
                int hi = in.get(); // sign-extends
                yield ((hi << 16) | (mid << 8) | lo) / 256f;
            }
            default -> (float) (in.getInt() / 65536.0);
        };
    }

    private static float floatSample(ByteBuffer in, int bits) {
        return bits == 32 ? in.getFloat() * 32768f : (float) (in.getDouble() * 32768.0);
    }

    private static String ascii(byte[] bytes, int offset) {
        return new String(bytes, offset, 4, StandardCharsets.ISO_8859_1);
    }

    private static String printable(String id) {
        return id.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? id : "?";
    }

    /** A stream that knows how far it has read, so chunks are found by offset and skipped without reading them. */
    private static final class Positioned implements AutoCloseable {
        private final InputStream in;
        private long position;

        Positioned(InputStream in) {
            this.in = in;
        }

        void skipTo(long offset) {
            try {
                in.skipNBytes(offset - position);
            } catch (EOFException e) {
                throw SampleFormatException.malformed("the file ends before offset " + offset + " (truncated file)");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            position = offset;
        }

        byte[] read(int n) {
            try {
                byte[] bytes = in.readNBytes(n);
                if (bytes.length < n) {
                    throw SampleFormatException.malformed(
                            "the file ends at offset " + (position + bytes.length) + " (truncated file)");
                }
                position += n;
                return bytes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // read-only
            }
        }
    }
}
