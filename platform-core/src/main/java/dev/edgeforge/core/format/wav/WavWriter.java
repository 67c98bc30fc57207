package dev.edgeforge.core.format.wav;

import dev.edgeforge.core.sample.SampleData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a time series as a canonical WAV file (RIFF, {@code fmt }, {@code data}), one channel per axis, values on
 * the 16-bit integer scale as {@link WavReader} reads them: 16-bit PCM (values rounded to the nearest integer and
 * clamped to -32768..32767) or 32-bit IEEE float (values divided by 32768, exact for every value whose quotient is
 * a normal float).
 *
 * <p>The sample rate is the sample's {@code 1000 / intervalMs}, which must be a whole number of Hz.
 */
public final class WavWriter {

    private WavWriter() {}

    /** @throws IllegalArgumentException for an image or a sample rate that is not a whole number of Hz */
    public static byte[] writePcm16(SampleData data) {
        return write(data, false);
    }

    /** @throws IllegalArgumentException for an image or a sample rate that is not a whole number of Hz */
    public static byte[] writeFloat32(SampleData data) {
        return write(data, true);
    }

    private static byte[] write(SampleData data, boolean floating) {
        if (data.isImage()) {
            throw new IllegalArgumentException("an image sample has no audio to write");
        }
        int rate = sampleRate(data);
        int channels = data.axisCount();
        int bytesPerSample = floating ? 4 : 2;
        long dataSize = (long) data.length() * channels * bytesPerSample;
        if (dataSize + 44 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too much audio for one WAV file in memory");
        }
        ByteBuffer out = ByteBuffer.allocate((int) (44 + dataSize)).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt((int) (36 + dataSize))
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) (floating ? 3 : 1))
                .putShort((short) channels)
                .putInt(rate)
                .putInt(rate * channels * bytesPerSample)
                .putShort((short) (channels * bytesPerSample))
                .putShort((short) (bytesPerSample * 8))
                .put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt((int) dataSize);
        for (int i = 0; i < data.length(); i++) {
            for (int c = 0; c < channels; c++) {
                float v = data.value(c, i);
                if (floating) {
                    out.putFloat(v / 32768f);
                } else {
                    out.putShort((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v))));
                }
            }
        }
        return out.array();
    }

    private static int sampleRate(SampleData data) {
        double hz = 1000.0 / data.intervalMs();
        long rounded = Math.round(hz);
        if (rounded < 1 || rounded > Integer.MAX_VALUE || Math.abs(hz - rounded) > 1e-6 * hz) {
            throw new IllegalArgumentException(
                    "interval " + data.intervalMs() + " ms is not a whole-number sample" + " rate (" + hz + " Hz)");
        }
        return (int) rounded;
    }
}
