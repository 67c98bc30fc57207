package dev.edgeforge.firmware.codegen;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.dsp.ImageBlock;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.firmware.dsp.DspCodeGenerator;
import dev.edgeforge.firmware.dsp.GeneratedDspSource;

/** The C twin of an impulse's DSP part ({@link ImpulseDsp}): the block's params and entry point. */
public final class ImpulseDspSource {

    /** The C symbol prefix of the generated DSP source. */
    public static final String SYMBOL = "ef_impulse_dsp";

    private ImpulseDspSource() {}

    /** The C twin's params and entry point for the impulse's block. */
    public static GeneratedDspSource generate(ImpulseDsp dsp, DspCodeGenerator generator, String origin) {
        if (dsp.image()) {
            ImageInput input = (ImageInput) dsp.impulse().input();
            return generator.generateImage(
                    (ImageBlock) dsp.block(), input, input.width(), input.height(), SYMBOL, origin);
        }
        return generator.generate(dsp.block(), dsp.shape(), SYMBOL, origin);
    }
}
