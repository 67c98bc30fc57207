package dev.edgeforge.core.dsp;

import java.util.List;

/** Raw block: scaled samples, interleaved; output shape {@code [samples, axes]}. C twin: {@code ef_dsp_raw.c}. */
public final class RawBlock extends ParamsBlock<RawParams> {

    public RawBlock(RawParams params) {
        super(params, RawParams.TYPE);
    }

    @Override
    public List<ParameterError> check(SignalShape input) {
        return new Checks(type())
                .timeSeries(input)
                .finite(params.scale(), "scale")
                .errors();
    }

    @Override
    public FeatureShape outputShape(SignalShape input) {
        validate(input);
        return FeatureShape.of(input.sampleCount(), input.axisCount());
    }

    @Override
    public float[] compute(float[][] window, double frequencyHz) {
        SignalShape shape = DspBlock.shapeOf(window, frequencyHz);
        validate(shape);
        int axes = shape.axisCount();
        float[] out = new float[shape.sampleCount() * axes];
        for (int a = 0; a < axes; a++) {
            for (int i = 0; i < shape.sampleCount(); i++) {
                out[i * axes + a] = (float) (window[a][i] * params.scale());
            }
        }
        return out;
    }

    @Override
    public int scratchFloats(SignalShape input) {
        return 0;
    }

    @Override
    public CostEstimate estimateCost(SignalShape input) {
        long n = (long) input.axisCount() * input.sampleCount();
        return new CostEstimate(4 * n, 0, n);
    }
}
