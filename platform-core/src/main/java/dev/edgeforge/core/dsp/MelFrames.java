package dev.edgeforge.core.dsp;

/**
 * How a mel block (MFE, MFCC) cuts one input shape into frames and which filterbank it applies to each frame's
 * power spectrum.
 */
record MelFrames(FrameLayout layout, MelFilterbank filterbank) {

    /** Checks the framing and mel settings against the input, after the block's own checks. */
    static void check(Checks checks, MelParams params, SignalShape input) {
        FrameSpectra.checkMelRange(
                checks, params.filterCount(), params.fftLength(), params.lowFrequency(), params.highFrequency(), input);
        FrameLayout.check(checks, params.frameLength(), params.frameStride(), params.fftLength(), input);
    }

    /** The frames and filterbank for a validated input. */
    static MelFrames of(String type, MelParams params, SignalShape input) {
        FrameLayout layout =
                FrameLayout.of(type, params.frameLength(), params.frameStride(), params.fftLength(), input);
        MelFilterbank bank = MelFilterbank.create(
                params.filterCount(),
                params.fftLength(),
                input.frequencyHz(),
                params.lowFrequency(),
                FrameSpectra.effectiveHigh(params.highFrequency(), input));
        return new MelFrames(layout, bank);
    }
}
