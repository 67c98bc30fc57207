package dev.edgeforge.firmware.codegen;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.device.UnsupportedModelException;
import dev.edgeforge.core.dsp.ImageBlock;
import dev.edgeforge.core.dsp.ImageParams;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.model.Quantization;
import dev.edgeforge.firmware.dsp.DspCodeGenerator;
import dev.edgeforge.firmware.dsp.GeneratedDspSource;
import java.util.Optional;

/** The C twin of an impulse's DSP part ({@link ImpulseDsp}): the block's params and entry point. */
public final class ImpulseDspSource {

    /** The C symbol prefix of the generated DSP source. */
    public static final String SYMBOL = "ef_impulse_dsp";

    private ImpulseDspSource() {}

    /**
     * The C twin's params and entry point for the impulse's block. The image block's twin writes the int8 input
     * tensor itself ({@code input}'s quantization); the others give float features.
     */
    public static GeneratedDspSource generate(
            ImpulseDsp dsp, DspCodeGenerator generator, String origin, Quantization input) {
        if (dsp.image()) {
            ImageInput image = (ImageInput) dsp.impulse().input();
            ImageBlock block = (ImageBlock) dsp.block();
            ImageParams camera = block.params();
            return generator.generateImage(
                    block,
                    image,
                    camera.frameWidth(image.width()),
                    camera.frameHeight(image.height()),
                    camera.pixelFormat(),
                    toInput(block, input),
                    SYMBOL,
                    origin);
        }
        return generator.generate(dsp.block(), dsp.shape(), dsp.sample(), SYMBOL, origin);
    }

    /**
     * The C twin with float features, for consumers without an int8 input tensor (anomaly scorers).
     *
     * @throws UnsupportedModelException for an image impulse, whose twin writes a network's int8 input
     */
    public static GeneratedDspSource generate(ImpulseDsp dsp, DspCodeGenerator generator, String origin) {
        if (dsp.image()) {
            throw new UnsupportedModelException("the image block on the device writes a network's int8 input; a model"
                    + " taking float features (an anomaly model) on images is not supported");
        }
        return generator.generate(dsp.block(), dsp.shape(), dsp.sample(), SYMBOL, origin);
    }

    /**
     * What each pixel value 0..255 becomes in the int8 input tensor: the block's normalisation in Java, then TFLite's
     * QUANTIZE as {@link InputQuantizer} does it. The server computes every feature of an image this way, value by
     * value, so a table of the 256 answers is the server's arithmetic, exactly.
     */
    public static byte[] toInput(ImageBlock block, Quantization input) {
        InputQuantizer quantizer = new InputQuantizer(input, 1, Optional.empty());
        byte[] table = new byte[256];
        for (int v = 0; v < 256; v++) {
            float feature = block.compute(new float[][] {{v}}, 0)[0];
            table[v] = quantizer.quantize(new float[] {feature})[0];
        }
        return table;
    }
}
