package dev.edgeforge.core.dsp;

/** The framing and mel filterbank settings the mel blocks (MFE, MFCC) share. */
sealed interface MelParams permits MfeParams, MfccParams {

    double frameLength();

    double frameStride();

    int filterCount();

    int fftLength();

    double lowFrequency();

    double highFrequency();
}
