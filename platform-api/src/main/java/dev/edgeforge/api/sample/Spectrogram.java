package dev.edgeforge.api.sample;

import dev.edgeforge.core.sample.SampleData;
import java.util.Base64;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * A spectrogram of one axis for display: Hann-windowed FFT frames of about 32 ms, magnitudes in dB, scaled to
 * 0..255 over the top {@value #RANGE_DB} dB and sent as base64 bytes ({@code frames} rows of {@code bins}, low
 * frequencies first), which a canvas turns into an image without the browser doing any FFT.
 *
 * @param frameMs length of one FFT frame
 * @param hopMs   time between the starts of two frames
 * @param bins    frequency bins per frame, from 0 to {@code maxHz}
 * @param maxHz   the Nyquist frequency
 * @param frames  number of frames
 * @param dbMax   the loudest magnitude, in dB (full scale 255)
 * @param data    base64 of {@code frames * bins} bytes
 */
public record Spectrogram(
        int axis,
        double frameMs,
        double hopMs,
        int bins,
        double maxHz,
        int frames,
        double dbMax,
        double dbMin,
        String data) {

    static final double RANGE_DB = 80;
    static final int MAX_FRAMES = 4000;

    static Spectrogram of(SampleData sample, int axis, int maxFrames) {
        double rate = sample.frequencyHz();
        int fftSize = Integer.highestOneBit((int) Math.max(64, Math.min(2048, Math.round(rate * 0.032))));
        int n = sample.length();
        float[] values = sample.axis(axis);
        int hop = Math.max(fftSize / 2, (int) Math.ceil((n - fftSize) / (double) Math.max(1, maxFrames - 1)));
        int frames = n <= fftSize ? 1 : 1 + (n - fftSize) / hop;
        int bins = fftSize / 2;
        double[] window = new double[fftSize];
        for (int i = 0; i < fftSize; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (fftSize - 1));
        }
        DoubleFFT_1D fft = new DoubleFFT_1D(fftSize);
        double[] buffer = new double[fftSize];
        double[] db = new double[frames * bins];
        double max = -Double.MAX_VALUE;
        for (int f = 0; f < frames; f++) {
            int start = f * hop;
            for (int i = 0; i < fftSize; i++) {
                int index = start + i;
                buffer[i] = index < n ? values[index] * window[i] : 0;
            }
            fft.realForward(buffer);
            for (int k = 0; k < bins; k++) {
                // realForward packs Re[0], Re[n/2], then (Re[k], Im[k]) pairs
                double re = k == 0 ? buffer[0] : buffer[2 * k];
                double im = k == 0 ? 0 : buffer[2 * k + 1];
                double magnitude = 20 * Math.log10(Math.sqrt(re * re + im * im) + 1e-9);
                db[f * bins + k] = magnitude;
                max = Math.max(max, magnitude);
            }
        }
        double min = max - RANGE_DB;
        byte[] scaled = new byte[db.length];
        for (int i = 0; i < db.length; i++) {
            double level = (db[i] - min) / RANGE_DB;
            scaled[i] = (byte) Math.round(255 * Math.max(0, Math.min(1, level)));
        }
        double intervalMs = sample.intervalMs();
        return new Spectrogram(
                axis,
                fftSize * intervalMs,
                hop * intervalMs,
                bins,
                rate / 2,
                frames,
                max,
                min,
                Base64.getEncoder().encodeToString(scaled));
    }
}
