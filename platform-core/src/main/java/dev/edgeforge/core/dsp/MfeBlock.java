package dev.edgeforge.core.dsp;

import java.util.List;

/**
 * MFE block: mel filterbank energies of every frame (see {@link FrameSpectra}: full-scale audio, pre-emphasis
 * {@value #PRE_EMPHASIS} as Edge Impulse's MFE does, rectangular frames; {@link MelFilterbank}), then
 * {@code clip((10·log10(max(e, 1e-30)) − floor) / (12 − floor), 0, 1)}. Output shape {@code [frames, filters]}.
 * C twin: {@code ef_dsp_mfe.c}.
 */
public final class MfeBlock extends ParamsBlock<MfeParams> {

    /** Fixed pre-emphasis of the MFE block (not a user parameter in Edge Impulse either). */
    public static final double PRE_EMPHASIS = 0.98;

    private final PowerSpectrum spectrum;
    private final PlanCache<MelFrames> plans = new PlanCache<>(this::plan);

    public MfeBlock(MfeParams params) {
        super(params, MfeParams.TYPE);
        this.spectrum = FrameSpectra.spectrum(params.fftLength());
    }

    @Override
    public List<ParameterError> check(SignalShape input) {
        Checks checks = new Checks(type()).timeSeries(input).oneAudioAxis(input).noiseFloor(params.noiseFloorDb());
        MelFrames.check(checks, params, input);
        return checks.errors();
    }

    /** The filterbank for windows of {@code input} (what the C code generator emits). */
    public MelFilterbank filterbank(SignalShape input) {
        return plans.get(input).filterbank();
    }

    /** The frame layout for windows of {@code input}. */
    public FrameLayout layout(SignalShape input) {
        return plans.get(input).layout();
    }

    private MelFrames plan(SignalShape input) {
        validate(input);
        return MelFrames.of(type(), params, input);
    }

    @Override
    public FeatureShape outputShape(SignalShape input) {
        return FeatureShape.of(layout(input).frameCount(), params.filterCount());
    }

    @Override
    public float[] compute(float[][] window, double frequencyHz) {
        MelFrames p = plans.get(DspBlock.shapeOf(window, frequencyHz));
        int filters = params.filterCount();
        float[] out = new float[p.layout().frameCount() * filters];
        double floor = params.noiseFloorDb();
        double[] energies = new double[filters];
        FrameSpectra.forEachFrame(window[0], p.layout(), PRE_EMPHASIS, null, spectrum, (frame, power) -> {
            p.filterbank().apply(power, energies);
            for (int i = 0; i < filters; i++) {
                out[frame * filters + i] = (float) FrameSpectra.normalisedDb(energies[i], floor);
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
        MelFrames p = plans.get(input);
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
