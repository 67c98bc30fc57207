package dev.edgeforge.core.device;

/**
 * The type one raw-window value has on the device: what its sensor gives, so the image keeps the window as small as
 * the samples are. Audio is int16 PCM counts (what a microphone and a 16-bit WAV give, and what the audio DSP blocks
 * read as full scale over 32768); camera frames are bytes; other sensor series are float32 (Edge Impulse's
 * acquisition format carries them as numbers of any precision).
 */
public enum WindowSample {
    FLOAT32("float", 4),
    INT16("int16_t", 2),
    UINT8("uint8_t", 1);

    private final String cType;
    private final int bytes;

    WindowSample(String cType, int bytes) {
        this.cType = cType;
        this.bytes = bytes;
    }

    /** The C type of one value. */
    public String cType() {
        return cType;
    }

    /** Bytes of one value, on the device and on the serial line. */
    public int bytes() {
        return bytes;
    }

    /**
     * The int16 a window value becomes on the device: rounded to the nearest count (ties to even), saturated to
     * −32768..32767, as a 16-bit converter would give it (resampled audio carries fractions).
     *
     * @throws IllegalArgumentException for NaN
     */
    public static short int16(float value) {
        if (Float.isNaN(value)) {
            throw new IllegalArgumentException("an audio sample must be a number, got NaN");
        }
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.rint(value)));
    }
}
