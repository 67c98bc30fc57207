package dev.edgeforge.core.dsp;

import java.util.List;

/**
 * Flatten block: per axis, the chosen {@link FlattenStat}s of the scaled samples, axis after axis. Output shape
 * {@code [axes × stats]}. C twin: {@code ef_dsp_flatten.c}.
 */
public final class FlattenBlock extends ParamsBlock<FlattenParams> {

    private final List<FlattenStat> stats;

    public FlattenBlock(FlattenParams params) {
        super(params, FlattenParams.TYPE);
        this.stats = params.orderedStats();
    }

    @Override
    public List<ParameterError> check(SignalShape input) {
        return new Checks(type())
                .timeSeries(input)
                .finite(params.scale(), "scale")
                .require(!stats.isEmpty(), "stats", "choose at least one statistic")
                .errors();
    }

    @Override
    public FeatureShape outputShape(SignalShape input) {
        validate(input);
        return FeatureShape.of(input.axisCount() * stats.size());
    }

    @Override
    public float[] compute(float[][] window, double frequencyHz) {
        SignalShape shape = DspBlock.shapeOf(window, frequencyHz);
        validate(shape);
        float[] out = new float[window.length * stats.size()];
        int o = 0;
        for (float[] axis : window) {
            Moments m = Moments.of(axis, (float) params.scale());
            for (FlattenStat stat : stats) {
                out[o++] = switch (stat) {
                    case AVERAGE -> m.mean();
                    case MINIMUM -> m.min();
                    case MAXIMUM -> m.max();
                    case RMS -> m.rms();
                    case STDEV -> m.stdev();
                    case SKEWNESS -> m.skewness();
                    case KURTOSIS -> m.kurtosis();
                };
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
        // pass 1: sum, sum of squares, min, max (6 ops/sample); pass 2: three central moments (7 ops/sample)
        long ops = 13 * n + input.axisCount() * 3L * CostEstimate.TRANSCENDENTAL_OPERATIONS;
        return new CostEstimate(4L * input.axisCount() * stats.size(), 0, ops);
    }
}
