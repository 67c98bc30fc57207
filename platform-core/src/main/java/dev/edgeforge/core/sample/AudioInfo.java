package dev.edgeforge.core.sample;

/**
 * What an audio sample was recorded as, before it became values on the 16-bit integer scale (see
 * {@code dev.edgeforge.core.format.wav}).
 *
 * @param sampleRateHz  original sample rate, &ge; 1
 * @param bitsPerSample original bits per sample (8, 16, 24, 32 or 64)
 * @param floatingPoint whether the original samples were IEEE floats rather than integers
 */
public record AudioInfo(int sampleRateHz, int bitsPerSample, boolean floatingPoint) {

    public AudioInfo {
        if (sampleRateHz < 1) {
            throw new SampleDataViolation("sample rate " + sampleRateHz + " Hz is not positive");
        }
        if (bitsPerSample < 1) {
            throw new SampleDataViolation("bits per sample " + bitsPerSample + " is not positive");
        }
    }
}
