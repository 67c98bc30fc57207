package dev.edgeforge.core.dsp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Spectral analysis block, a documented subset of Edge Impulse's. For each axis:
 * <ol>
 *   <li>multiply by {@code scale}; apply the optional {@link ButterworthFilter} (float32, zero initial state);
 *       subtract the mean (float32 sum / n). These time-domain steps run in float on both sides so the C twin
 *       agrees to the bit;</li>
 *   <li>time-domain statistics of the centred signal: RMS, skewness, excess kurtosis (0 when the variance is under
 * 1e-30);</li>
 *   <li>spectrum: Hann-tapered segments of {@code min(fftLength, samples)} samples, zero-padded to
 *       {@code fftLength}, hop {@code fftLength/2} with overlap or {@code fftLength} without (segments that do not
 *       fit entirely are dropped); the power {@code |X[k]|²/fftLength} of bins 1..fftLength/2 (DC is dropped: the
 *       mean is gone), max-held over the segments as Edge Impulse does. With log on, each bin is
 *       {@code log10(max(p, floor))} where {@code floor = max(pmax·10^-6, 1e-30)}: 60 dB under the axis' strongest
 *       bin, deep enough for vibration features and far above float32 round-off, so server and device agree;</li>
 *   <li>optionally the {@code spectralPeakCount} highest local maxima of that spectrum reaching
 *       {@code spectralPeakThreshold × pmax} (a bin is a local maximum when above its lower neighbour and not below
 *       its upper one; an end bin compares with its only neighbour), reported in increasing frequency as
 *       {@code (frequency Hz, power)} pairs, with power in the same unit as the bins; missing peaks are
 *       {@code (0, floor)}.</li>
 * </ol>
 * Output per axis: {@code [rms, skewness, kurtosis, fftLength/2 powers, 2·peakCount peak figures]}, axis after axis.
 * C twin: {@code ef_dsp_spectral.c}.
 */
public final class SpectralAnalysisBlock extends ParamsBlock<SpectralAnalysisParams> {

    /** The log floor sits this factor under the strongest bin (−60 dB). */
    public static final double RELATIVE_FLOOR = 1e-6;
    /** The log floor never goes under this (an all-zero axis). */
    public static final double ABSOLUTE_FLOOR = 1e-30;

    private final PowerSpectrum spectrum;
    private final PlanCache<Plan> plans = new PlanCache<>(this::plan);

    private record Plan(ButterworthFilter filter, double[] taper, int segmentLength, int hop, int segmentCount) {}

    public SpectralAnalysisBlock(SpectralAnalysisParams params) {
        super(params, SpectralAnalysisParams.TYPE);
        this.spectrum =
                Integer.bitCount(params.fftLength()) == 1 && params.fftLength() >= 8 && params.fftLength() <= 4096
                        ? new PowerSpectrum(params.fftLength())
                        : null;
    }

    @Override
    public List<ParameterError> check(SignalShape input) {
        Checks checks = new Checks(type()).timeSeries(input);
        checks.finite(params.scale(), "scale");
        checks.powerOfTwo(params.fftLength(), "fftLength", 8, 4096);
        checks.require(params.filterType() != null, "filterType", "must be none, low or high");
        if (params.filterType() != null && params.filterType() != FilterType.NONE) {
            checks.require(
                    params.filterOrder() >= 1 && params.filterOrder() <= 8,
                    "filterOrder",
                    "must be between 1 and 8, got " + params.filterOrder());
            checks.require(
                    params.filterCutoffHz() > 0,
                    "filterCutoffHz",
                    "must be above 0 Hz, got " + params.filterCutoffHz());
            if (input.frequencyHz() > 0) {
                checks.require(
                        params.filterCutoffHz() < input.nyquistHz(),
                        "filterCutoffHz",
                        params.filterCutoffHz() + " Hz is not below Nyquist (" + input.nyquistHz() + " Hz at "
                                + input.frequencyHz() + " Hz sampling)");
            }
        }
        checks.require(
                params.spectralPeakCount() >= 0 && params.spectralPeakCount() <= params.fftLength() / 2,
                "spectralPeakCount",
                "must be between 0 and fftLength/2 (" + params.fftLength() / 2 + "), got "
                        + params.spectralPeakCount());
        checks.require(
                params.spectralPeakThreshold() >= 0 && params.spectralPeakThreshold() <= 1,
                "spectralPeakThreshold",
                "must be a fraction between 0 and 1, got " + params.spectralPeakThreshold());
        checks.require(input.sampleCount() >= 2, "input", "needs at least two samples per window");
        return checks.errors();
    }

    private Plan plan(SignalShape input) {
        validate(input);
        ButterworthFilter filter = params.filterType() == FilterType.NONE
                ? null
                : ButterworthFilter.design(
                        params.filterType(), params.filterOrder(), params.filterCutoffHz(), input.frequencyHz());
        int n = input.sampleCount();
        int fft = params.fftLength();
        int segmentLength = Math.min(fft, n);
        int hop = params.overlapFfts() ? fft / 2 : fft;
        int segments = n <= fft ? 1 : 1 + (n - fft) / hop;
        return new Plan(filter, WindowFunction.HANN.coefficients(segmentLength), segmentLength, hop, segments);
    }

    /** The designed filter for windows of {@code input}, or null without one. */
    public ButterworthFilter filter(SignalShape input) {
        return plans.get(input).filter();
    }

    /** Hann taper of each FFT segment ({@link #segmentLength} coefficients). */
    public double[] taper(SignalShape input) {
        return plans.get(input).taper().clone();
    }

    /** Samples per FFT segment, {@code min(fftLength, samples)}. */
    public int segmentLength(SignalShape input) {
        return plans.get(input).segmentLength();
    }

    /** Samples between segment starts. */
    public int hop(SignalShape input) {
        return plans.get(input).hop();
    }

    /** Segments per window. */
    public int segmentCount(SignalShape input) {
        return plans.get(input).segmentCount();
    }

    /** Features per axis. */
    public int featuresPerAxis() {
        return 3 + params.fftLength() / 2 + 2 * params.spectralPeakCount();
    }

    @Override
    public FeatureShape outputShape(SignalShape input) {
        validate(input);
        return FeatureShape.of(input.axisCount() * featuresPerAxis());
    }

    @Override
    public float[] compute(float[][] window, double frequencyHz) {
        SignalShape shape = DspBlock.shapeOf(window, frequencyHz);
        Plan p = plans.get(shape);
        int perAxis = featuresPerAxis();
        float[] out = new float[window.length * perAxis];
        for (int a = 0; a < window.length; a++) {
            axisFeatures(window[a], frequencyHz, p, out, a * perAxis);
        }
        return out;
    }

    private void axisFeatures(float[] axis, double frequencyHz, Plan p, float[] out, int o) {
        int n = axis.length;
        float scale = (float) params.scale();
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = axis[i] * scale;
        }
        if (p.filter() != null) {
            p.filter().filterInPlace(x);
        }
        float sum = 0f;
        for (float v : x) {
            sum += v;
        }
        float mean = sum / n;
        for (int i = 0; i < n; i++) {
            x[i] = x[i] - mean;
        }

        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (float v : x) {
            double d2 = (double) v * v;
            m2 += d2;
            m3 += d2 * v;
            m4 += d2 * d2;
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
        out[o] = (float) Math.sqrt(m2);
        // the 1e-30 guard and the division order keep float32 on the device away from underflow
        out[o + 1] = (float) (m2 > 1e-30 ? m3 / m2 / Math.sqrt(m2) : 0);
        out[o + 2] = (float) (m2 > 1e-30 ? m4 / m2 / m2 - 3 : 0);

        int fft = params.fftLength();
        int half = fft / 2;
        double[] maxHold = new double[half + 1];
        double[] buffer = new double[fft];
        double[] power = new double[half + 1];
        for (int s = 0; s < p.segmentCount(); s++) {
            Arrays.fill(buffer, 0.0);
            for (int j = 0; j < p.segmentLength(); j++) {
                buffer[j] = x[s * p.hop() + j] * p.taper()[j];
            }
            spectrum.compute(buffer, power);
            for (int k = 1; k <= half; k++) {
                maxHold[k] = s == 0 ? power[k] : Math.max(maxHold[k], power[k]);
            }
        }
        double pmax = 0;
        for (int k = 1; k <= half; k++) {
            pmax = Math.max(pmax, maxHold[k]);
        }
        double floor = Math.max(pmax * RELATIVE_FLOOR, ABSOLUTE_FLOOR);
        for (int k = 1; k <= half; k++) {
            out[o + 2 + k] = (float) value(maxHold[k], floor);
        }
        peaks(maxHold, pmax, floor, frequencyHz, out, o + 3 + half);
    }

    private double value(double power, double floor) {
        return params.log() ? Math.log10(Math.max(power, floor)) : power;
    }

    private void peaks(double[] p, double pmax, double floor, double frequencyHz, float[] out, int o) {
        int count = params.spectralPeakCount();
        if (count == 0) {
            return;
        }
        int half = p.length - 1;
        double threshold = params.spectralPeakThreshold() * pmax;
        List<Integer> candidates = new ArrayList<>();
        for (int k = 1; k <= half; k++) {
            double below = k > 1 ? p[k - 1] : Double.NEGATIVE_INFINITY;
            double above = k < half ? p[k + 1] : Double.NEGATIVE_INFINITY;
            if (p[k] > below && p[k] >= above && p[k] >= threshold && p[k] > 0) {
                candidates.add(k);
            }
        }
        List<Integer> chosen = candidates.stream()
                .sorted(Comparator.comparingDouble((Integer k) -> -p[k]).thenComparingInt(k -> k))
                .limit(count)
                .sorted()
                .toList();
        for (int i = 0; i < count; i++) {
            boolean found = i < chosen.size();
            out[o + 2 * i] = found ? (float) (chosen.get(i) * frequencyHz / params.fftLength()) : 0f;
            out[o + 2 * i + 1] = (float) (found ? value(p[chosen.get(i)], floor) : value(floor, floor));
        }
    }

    @Override
    public int scratchFloats(SignalShape input) {
        return input.sampleCount() + params.fftLength() + params.fftLength() / 2 + 1;
    }

    @Override
    public CostEstimate estimateCost(SignalShape input) {
        Plan p = plans.get(input);
        int fft = params.fftLength();
        long n = input.sampleCount();
        long sections = p.filter() == null ? 0 : p.filter().sectionCount();
        long perAxis = 2 * n
                + sections * 9 * n
                + 2 * n
                + 7 * n
                + p.segmentCount() * (p.segmentLength() + CostEstimate.realFftOperations(fft) + fft / 2)
                + (params.log() ? (fft / 2 + params.spectralPeakCount()) * CostEstimate.TRANSCENDENTAL_OPERATIONS : 0)
                + (long) params.spectralPeakCount() * (fft / 2) * 2
                + 3 * CostEstimate.TRANSCENDENTAL_OPERATIONS;
        long rom = FrameSpectra.fftTableBytes(fft) + 4L * p.segmentLength() + 20L * sections;
        return new CostEstimate(
                4L * (scratchFloats(input) + outputShape(input).length()), rom, input.axisCount() * perAxis);
    }
}
