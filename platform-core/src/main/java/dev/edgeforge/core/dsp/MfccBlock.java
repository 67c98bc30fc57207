package dev.edgeforge.core.dsp;

import java.util.List;

/**
 * MFCC block: per frame (see {@link FrameSpectra}: full-scale audio, pre-emphasis, taper) the mel energies
 * ({@link MelFilterbank}), their natural log floored at {@code max(E_max·}{@value #RELATIVE_FLOOR}{@code ,
 * }{@value #LOG_FLOOR}{@code )} — 80 dB under the frame's strongest band, and −100 dB full scale for silence — then an
 * orthonormal DCT-II
 * ({@code c_k = s_k Σ_m ln(E_m)·cos(πk(2m+1)/(2M))}, {@code s_0 = √(1/M)}, {@code s_k = √(2/M)}) keeping the first
 * {@code coefficientCount} coefficients, and the sinusoidal lifter {@code c_k·(1 + (L/2)·sin(πk/L))}.
 * Output shape {@code [frames, coefficients]}. C twin: {@code ef_dsp_mfcc.c}, which gets the liftered DCT matrix as
 * a table.
 */
public final class MfccBlock extends ParamsBlock<MfccParams> {

    /** Mel energies below this count as this before the log (silence gives a finite value). */
    public static final double LOG_FLOOR = 1e-10;
    /**
     * Mel energies more than 80 dB under the frame's strongest band count as that level: further down a float32 FFT
     * on the device sees its own round-off rather than the signal (measured around −110 dB), and the log would
     * magnify that difference into the coefficients.
     */
    public static final double RELATIVE_FLOOR = 1e-8;

    private final PowerSpectrum spectrum;
    private final double[][] dct;
    private final PlanCache<Plan> plans = new PlanCache<>(this::plan);

    private record Plan(MelFrames frames, double[] window) {}

    public MfccBlock(MfccParams params) {
        super(params, MfccParams.TYPE);
        this.spectrum = FrameSpectra.spectrum(params.fftLength());
        this.dct = params.coefficientCount() >= 1 && params.filterCount() >= params.coefficientCount()
                ? liftedDct(params.coefficientCount(), params.filterCount(), params.lifter())
                : null;
    }

    /** The DCT-II matrix with the lifter folded in: {@code [coefficient][filter]}. */
    public static double[][] liftedDct(int coefficients, int filters, int lifter) {
        double[][] m = new double[coefficients][filters];
        for (int k = 0; k < coefficients; k++) {
            double s = Math.sqrt((k == 0 ? 1.0 : 2.0) / filters);
            double lift = lifter > 0 ? 1 + (lifter / 2.0) * Math.sin(Math.PI * k / lifter) : 1;
            for (int i = 0; i < filters; i++) {
                m[k][i] = lift * s * Math.cos(Math.PI * k * (2 * i + 1) / (2.0 * filters));
            }
        }
        return m;
    }

    @Override
    public List<ParameterError> check(SignalShape input) {
        Checks checks = new Checks(type()).timeSeries(input).oneAudioAxis(input);
        checks.require(
                params.coefficientCount() >= 1,
                "coefficientCount",
                "needs at least one coefficient, got " + params.coefficientCount());
        checks.require(
                params.coefficientCount() <= params.filterCount(),
                "coefficientCount",
                params.coefficientCount() + " coefficients is more than the " + params.filterCount() + " filters");
        checks.finite(params.preEmphasis(), "preEmphasis")
                .require(
                        params.preEmphasis() >= 0 && params.preEmphasis() < 1,
                        "preEmphasis",
                        "must be in [0, 1), got " + params.preEmphasis());
        checks.require(params.lifter() >= 0, "lifter", "must be 0 (none) or positive, got " + params.lifter());
        checks.require(params.window() != null, "window", "must be rectangular, hamming or hann");
        MelFrames.check(checks, params, input);
        return checks.errors();
    }

    private Plan plan(SignalShape input) {
        validate(input);
        MelFrames frames = MelFrames.of(type(), params, input);
        double[] window = params.window() == WindowFunction.RECTANGULAR
                ? null
                : params.window().coefficients(frames.layout().fftInputLength());
        return new Plan(frames, window);
    }

    /** The frame layout for windows of {@code input}. */
    public FrameLayout layout(SignalShape input) {
        return plans.get(input).frames().layout();
    }

    /** The mel filterbank for windows of {@code input}. */
    public MelFilterbank filterbank(SignalShape input) {
        return plans.get(input).frames().filterbank();
    }

    /** The frame taper ({@code fftInputLength} coefficients), or null for rectangular. */
    public double[] window(SignalShape input) {
        double[] w = plans.get(input).window();
        return w == null ? null : w.clone();
    }

    @Override
    public FeatureShape outputShape(SignalShape input) {
        return FeatureShape.of(layout(input).frameCount(), params.coefficientCount());
    }

    @Override
    public float[] compute(float[][] window, double frequencyHz) {
        Plan p = plans.get(DspBlock.shapeOf(window, frequencyHz));
        int filters = params.filterCount();
        int coefficients = params.coefficientCount();
        float[] out = new float[p.frames().layout().frameCount() * coefficients];
        double[] energies = new double[filters];
        FrameSpectra.forEachFrame(
                window[0], p.frames().layout(), params.preEmphasis(), p.window(), spectrum, (frame, power) -> {
                    p.frames().filterbank().apply(power, energies);
                    double strongest = 0;
                    for (double e : energies) {
                        strongest = Math.max(strongest, e);
                    }
                    double floor = Math.max(strongest * RELATIVE_FLOOR, LOG_FLOOR);
                    for (int i = 0; i < filters; i++) {
                        energies[i] = Math.log(Math.max(energies[i], floor));
                    }
                    for (int k = 0; k < coefficients; k++) {
                        double sum = 0;
                        for (int i = 0; i < filters; i++) {
                            sum += dct[k][i] * energies[i];
                        }
                        out[frame * coefficients + k] = (float) sum;
                    }
                });
        return out;
    }

    @Override
    public int scratchFloats(SignalShape input) {
        return params.fftLength() + params.filterCount();
    }

    @Override
    public CostEstimate estimateCost(SignalShape input) {
        Plan p = plans.get(input);
        long frames = p.frames().layout().frameCount();
        long ops = FrameSpectra.operations(p.frames().layout(), params.preEmphasis() != 0, p.window() != null)
                + frames
                        * (2L * p.frames().filterbank().weightCount()
                                + (long) params.filterCount() * (CostEstimate.TRANSCENDENTAL_OPERATIONS + 2)
                                + 2L * params.filterCount() * params.coefficientCount());
        long rom = FrameSpectra.fftTableBytes(params.fftLength())
                + 4L * p.frames().filterbank().weightCount()
                + 4L * params.filterCount()
                + 4L * params.filterCount() * params.coefficientCount()
                + (p.window() == null ? 0 : 4L * p.window().length);
        return new CostEstimate(4L * (scratchFloats(input) + frames * params.coefficientCount()), rom, ops);
    }
}
