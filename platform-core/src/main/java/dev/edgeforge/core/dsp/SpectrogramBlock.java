package dev.edgeforge.core.dsp;

import java.util.List;

/**
 * Spectrogram block: the power spectrum of every frame (see {@link FrameSpectra}, no pre-emphasis, rectangular
 * frames). With log scale each bin becomes {@code clip((10·log10(max(p, 1e-30)) − floor) / (12 − floor), 0, 1)}
 * (Edge Impulse's normalisation: the noise floor maps to 0 and +12 dB full scale to 1); without, the linear power.
 * Output shape {@code [frames, fftLength/2 + 1]}. C twin: {@code ef_dsp_spectrogram.c}.
 */
public final class SpectrogramBlock extends ParamsBlock<SpectrogramParams> {

    private final PowerSpectrum spectrum;

    public SpectrogramBlock(SpectrogramParams params) {
        super(params, SpectrogramParams.TYPE);
        this.spectrum = FrameSpectra.spectrum(params.fftLength());
    }

    @Override
    public List<ParameterError> check(SignalShape input) {
        Checks checks = new Checks(type())
                .timeSeries(input)
                .noiseFloor(params.noiseFloorDb())
                .oneAudioAxis(input);
        FrameLayout.check(checks, params.frameLength(), params.frameStride(), params.fftLength(), input);
        return checks.errors();
    }

    /** The frame layout for windows of {@code input}. */
    public FrameLayout layout(SignalShape input) {
        validate(input);
        return FrameLayout.of(type(), params.frameLength(), params.frameStride(), params.fftLength(), input);
    }

    @Override
    public FeatureShape outputShape(SignalShape input) {
        FrameLayout layout = layout(input);
        return FeatureShape.of(layout.frameCount(), layout.binCount());
    }

    @Override
    public float[] compute(float[][] window, double frequencyHz) {
        FrameLayout layout = layout(DspBlock.shapeOf(window, frequencyHz));
        int bins = layout.binCount();
        float[] out = new float[layout.frameCount() * bins];
        double floor = params.noiseFloorDb();
        FrameSpectra.forEachFrame(window[0], layout, 0, null, spectrum, (frame, power) -> {
            for (int k = 0; k < bins; k++) {
                double v = power[k];
                out[frame * bins + k] = (float) (params.logScale() ? FrameSpectra.normalisedDb(v, floor) : v);
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
        FrameLayout layout = layout(input);
        long out = (long) layout.frameCount() * layout.binCount();
        long ops = FrameSpectra.operations(layout, false, false)
                + out * (params.logScale() ? CostEstimate.TRANSCENDENTAL_OPERATIONS + 5 : 1);
        return new CostEstimate(4L * (scratchFloats(input) + out), FrameSpectra.fftTableBytes(params.fftLength()), ops);
    }
}
