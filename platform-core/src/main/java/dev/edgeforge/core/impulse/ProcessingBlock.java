package dev.edgeforge.core.impulse;

import dev.edgeforge.core.dsp.DspBlock;
import dev.edgeforge.core.dsp.DspParams;
import java.util.List;

/**
 * One processing block of an impulse: which axes of the input it reads and its typed parameters.
 *
 * @param id     unique within the impulse, referenced by learning blocks
 * @param name   shown to users (e.g. "MFCC")
 * @param axes   names of the sample axes fed to the block, in this order (for images: ignored, the input's planes)
 * @param params the block's parameters (the JSON {@code "type"} picks the block)
 */
public record ProcessingBlock(int id, String name, List<String> axes, DspParams params) {

    public ProcessingBlock {
        axes = axes == null ? List.of() : List.copyOf(axes);
    }

    /** A new block instance for these parameters. */
    public DspBlock createBlock() {
        return params.createBlock();
    }

    /**
     * Picks this block's axes out of a window whose axes are named {@code windowAxes}.
     *
     * @throws IllegalArgumentException naming the missing axis
     */
    public float[][] selectAxes(List<String> windowAxes, float[][] window) {
        float[][] selected = new float[axes.size()][];
        for (int i = 0; i < axes.size(); i++) {
            int index = windowAxes.indexOf(axes.get(i));
            if (index < 0) {
                throw new IllegalArgumentException("processing block '" + name + "' reads axis '" + axes.get(i)
                        + "', which the sample does not have (it has " + windowAxes + ")");
            }
            selected[i] = window[index];
        }
        return selected;
    }
}
