package dev.edgeforge.core.dsp;

import java.util.List;

/**
 * MFE block: mel filterbank energies of every frame (see {@link FrameSpectra}: full-scale audio, pre-emphasis
 * {@value #PRE_EMPHASIS} as Edge Impulse's MFE does, rectangular frames; {@link MelFilterbank}), then
 * {@code clip((10·log10(max(e, 1e-30)) − floor) / (12 − floor), 0, 1)}. Output shape {@code [frames, filters]}.
 * C twin: {@code ef_dsp_mfe.c}.
 */
public final class MfeBlock implements DspBlock {

    /** Fixed pre-emphasis of the MFE block (not a user parameter in Edge Impulse either). */
    public static final double PRE_EMPHASIS = 0.98;

    private final MfeParams params;
    private final PowerSpectrum spectrum;
    private volatile Plan plan;

    private record Plan(SignalShape shape, FrameLayout layout, MelFilterbank filterbank) {}

    public MfeBlock(MfeParams params) {
        this.params = params;
        this.spectrum = Integer.bitCount(params.fftLength()) == 1 && params.fftLength() >= 16
                ? new PowerSpectrum(params.fftLength())
                : null;
    }

    @Override
    public MfeParams params() {
        return params;
    }

    @Override
    public String type() {
        return MfeParams.TYPE;
    }

    @Override
    public List<ParameterError> check(SignalShape input) {
        Checks checks = new Checks(type()).timeSeries(input);
        if (input.axisCount() != 1) {
            checks.fail("axes", "works on one audio axis, got " + input.axisCount());
        }
        checks.finite(params.noiseFloorDb(), "noiseFloorDb")
                .require(
                        params.noiseFloorDb() < 12,
                        "noiseFloorDb",
                        "must be below +12 dB (the top of the scale), got " + params.noiseFloorDb());
        FrameSpectra.checkMelRange(
                checks, params.filterCount(), params.fftLength(), params.lowFrequency(), params.highFrequency(), input);
        FrameLayout.check(checks, params.frameLength(), params.frameStride(), params.fftLength(), input);
        return checks.errors();
    }

    /** The frame layout and filterbank for windows of {@code input} (what the C code generator emits). */
    public MelFilterbank filterbank(SignalShape input) {
        return plan(input).filterbank();
    }

    /** The frame layout for windows of {@code input}. */
    public FrameLayout layout(SignalShape input) {
        return plan(input).layout();
    }

    private Plan plan(SignalShape input) {
        Plan p = plan;
        if (p == null || !p.shape().equals(input)) {
            validate(input);
            FrameLayout layout =
                    FrameLayout.of(type(), params.frameLength(), params.frameStride(), params.fftLength(), input);
            MelFilterbank bank = MelFilterbank.create(
                    params.filterCount(),
                    params.fftLength(),
                    input.frequencyHz(),
                    params.lowFrequency(),
                    FrameSpectra.effectiveHigh(params.highFrequency(), input));
            p = new Plan(input, layout, bank);
            plan = p;
        }
        return p;
    }

    @Override
    public FeatureShape outputShape(SignalShape input) {
        return FeatureShape.of(layout(input).frameCount(), params.filterCount());
    }

    @Override
    public float[] compute(float[][] window, double frequencyHz) {
        Plan p = plan(DspBlock.shapeOf(window, frequencyHz));
        int filters = params.filterCount();
        float[] out = new float[p.layout().frameCount() * filters];
        double floor = params.noiseFloorDb();
        double[] energies = new double[filters];
        FrameSpectra.forEachFrame(window[0], p.layout(), PRE_EMPHASIS, null, spectrum, (frame, power) -> {
            p.filterbank().apply(power, energies);
            for (int i = 0; i < filters; i++) {
                double db = 10 * Math.log10(Math.max(energies[i], 1e-30));
                out[frame * filters + i] = (float) Math.min(1, Math.max(0, (db - floor) / (12 - floor)));
            }
        });
        return out;
    }

    @Override
    public int scratchFloats(SignalShape input) {
        return params.fftLength();
    }

    @Override
    public CostEstimate estimateCost(SignalShape input) {
        Plan p = plan(input);
        long frames = p.layout().frameCount();
        long out = frames * params.filterCount();
        long ops = FrameSpectra.operations(p.layout(), true, false)
                + frames * 2L * p.filterbank().weightCount()
                + out * (CostEstimate.TRANSCENDENTAL_OPERATIONS + 5);
        long rom = FrameSpectra.fftTableBytes(params.fftLength())
                + 4L * p.filterbank().weightCount()
                + 4L * params.filterCount();
        return new CostEstimate(4L * (scratchFloats(input) + out), rom, ops);
    }
}
