package dev.edgeforge.core.dsp;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The power spectrum {@code |X[k]|² / fftLength}, {@code k = 0..fftLength/2}, of a real frame, through JTransforms.
 * The frame is zero-padded to the FFT length. Thread-safe: JTransforms' power-of-two real transform only reads its
 * precomputed tables.
 */
final class PowerSpectrum {

    private final int fftLength;
    private final DoubleFFT_1D fft;

    PowerSpectrum(int fftLength) {
        this.fftLength = fftLength;
        this.fft = new DoubleFFT_1D(fftLength);
    }

    int fftLength() {
        return fftLength;
    }

    /** Transforms {@code buffer} (length {@code fftLength}, overwritten) into {@code power} (fftLength/2+1). */
    void compute(double[] buffer, double[] power) {
        fft.realForward(buffer);
        int half = fftLength / 2;
        power[0] = buffer[0] * buffer[0] / fftLength;
        power[half] = buffer[1] * buffer[1] / fftLength;
        for (int k = 1; k < half; k++) {
            double re = buffer[2 * k];
            double im = buffer[2 * k + 1];
            power[k] = (re * re + im * im) / fftLength;
        }
    }
}
