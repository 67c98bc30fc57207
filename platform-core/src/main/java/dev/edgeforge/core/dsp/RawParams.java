package dev.edgeforge.core.dsp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Raw block: the window's samples multiplied by {@code scale}, interleaved sample by sample
 * ({@code s0.ax0, s0.ax1, …, s1.ax0, …}) as Edge Impulse lays them out.
 *
 * @param scale factor applied to every sample (Edge Impulse's "scale axes"; default 1)
 */
public record RawParams(double scale) implements DspParams {

    public static final String TYPE = "raw";

    @JsonCreator
    static RawParams fromJson(@JsonProperty("scale") Double scale) {
        return new RawParams(Defaults.or(scale, 1.0));
    }

    public static RawParams defaults() {
        return new RawParams(1.0);
    }

    @Override
    public DspBlock createBlock() {
        return new RawBlock(this);
    }
}
