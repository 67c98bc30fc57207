package dev.edgeforge.core.dsp;

/**
 * How a window is cut into overlapping frames for the FFT-based audio blocks. Frame length and stride in samples are
 * {@code round(seconds × frequency)}; frames start at {@code 0, stride, 2·stride, …} as long as they fit entirely
 * ({@code frameCount = 1 + ⌊(samples − frameLength) / stride⌋}). The FFT sees the first
 * {@code fftInputLength = min(frameLength, fftLength)} samples of each frame, zero-padded to {@code fftLength}: like
 * numpy's {@code rfft(frame, n)}, which Edge Impulse's blocks use (their default 20 ms at 16 kHz is 320 samples into
 * a 256-point FFT).
 *
 * @param frameLength    samples per frame
 * @param frameStride    samples between frame starts
 * @param frameCount     frames per window
 * @param fftLength      FFT length
 * @param fftInputLength samples of each frame given to the FFT
 */
public record FrameLayout(int frameLength, int frameStride, int frameCount, int fftLength, int fftInputLength) {

    /** Number of power-spectrum bins, {@code fftLength / 2 + 1}. */
    public int binCount() {
        return fftLength / 2 + 1;
    }

    /**
     * Checks frame settings against the input; on success returns the layout, otherwise records the errors and
     * returns null.
     */
    static FrameLayout check(
            Checks checks, double frameSeconds, double strideSeconds, int fftLength, SignalShape input) {
        checks.powerOfTwo(fftLength, "fftLength", 16, 4096);
        if (!(frameSeconds > 0) || !Double.isFinite(frameSeconds)) {
            checks.fail("frameLength", "must be a positive number of seconds, got " + frameSeconds);
        }
        if (!(strideSeconds > 0) || !Double.isFinite(strideSeconds)) {
            checks.fail("frameStride", "must be a positive number of seconds, got " + strideSeconds);
        }
        if (!checks.ok() || input.isImage() || !(input.frequencyHz() > 0)) {
            return null;
        }
        int frameLength = (int) Math.round(frameSeconds * input.frequencyHz());
        int stride = (int) Math.round(strideSeconds * input.frequencyHz());
        double windowSeconds = input.sampleCount() / input.frequencyHz();
        if (frameLength < 2) {
            checks.fail("frameLength", frameSeconds + " s is under two samples at " + input.frequencyHz() + " Hz");
        }
        if (stride < 1) {
            checks.fail("frameStride", strideSeconds + " s is under one sample at " + input.frequencyHz() + " Hz");
        }
        if (frameLength > input.sampleCount()) {
            checks.fail(
                    "frameLength",
                    frameSeconds + " s (" + frameLength + " samples) is longer than the window (" + windowSeconds
                            + " s, " + input.sampleCount() + " samples)");
        }
        if (!checks.ok()) {
            return null;
        }
        int frames = 1 + (input.sampleCount() - frameLength) / stride;
        return new FrameLayout(frameLength, stride, frames, fftLength, Math.min(frameLength, fftLength));
    }

    /** The layout of valid parameters, throwing {@link DspParameterViolation} otherwise. */
    static FrameLayout of(
            String blockType, double frameSeconds, double strideSeconds, int fftLength, SignalShape input) {
        Checks checks = new Checks(blockType);
        checks.timeSeries(input);
        FrameLayout layout = check(checks, frameSeconds, strideSeconds, fftLength, input);
        if (layout == null) {
            throw new DspParameterViolation(checks.errors());
        }
        return layout;
    }
}
