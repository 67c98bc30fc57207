package dev.edgeforge.core.format.wav;

/**
 * The {@code fmt } chunk of a WAV file, after resolving WAVE_FORMAT_EXTENSIBLE to its sub-format.
 *
 * @param floatingPoint      IEEE float samples (format tag 3) rather than integer PCM (format tag 1)
 * @param extensible         whether the file used WAVE_FORMAT_EXTENSIBLE (tag 0xFFFE)
 * @param channels           channels (each becomes a sensor axis)
 * @param sampleRateHz       frames per second
 * @param bitsPerSample      container size of one sample: 8, 16, 24 or 32 (integer), 32 or 64 (float)
 * @param validBitsPerSample meaningful bits (equal to {@code bitsPerSample} unless the extensible header says fewer)
 * @param blockAlign         bytes per frame, {@code channels * bitsPerSample / 8}
 */
public record WavFormat(
        boolean floatingPoint,
        boolean extensible,
        int channels,
        int sampleRateHz,
        int bitsPerSample,
        int validBitsPerSample,
        int blockAlign) {}
