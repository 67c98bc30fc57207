package dev.edgeforge.core.impulse.suggest;

import dev.edgeforge.core.dsp.DspParams;
import dev.edgeforge.core.dsp.FeatureShape;
import dev.edgeforge.core.dsp.FlattenParams;
import dev.edgeforge.core.dsp.ImageParams;
import dev.edgeforge.core.dsp.RawParams;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.TensorShape;
import java.util.Optional;

/**
 * What a learning block reading one processing block receives per window: the kind of its features (which picks the
 * default network and augmentation) and their shape, as the platform decides them.
 *
 * @param kind  raw windows are {@code time_series}, MFE/MFCC/spectrogram frames {@code spectrogram}, images
 *              {@code image}, spectral analysis and flatten {@code flat}
 * @param shape one window's features as the network's input
 */
public record FeatureInput(FeatureKind kind, TensorShape shape) {

    /** The feature kind of a processing block's output. */
    public static FeatureKind kindOf(DspParams params) {
        if (params instanceof RawParams) {
            return FeatureKind.TIME_SERIES;
        }
        if (params instanceof FlattenParams || params instanceof SpectralAnalysisParams) {
            return FeatureKind.FLAT;
        }
        if (params instanceof ImageParams) {
            return FeatureKind.IMAGE;
        }
        return FeatureKind.SPECTROGRAM;
    }

    /**
     * The input of a learning block reading the impulse's only processing block, or empty when the impulse has not
     * exactly one valid processing block.
     */
    public static Optional<FeatureInput> of(Impulse impulse) {
        if (impulse.input() == null
                || !impulse.input().check().isEmpty()
                || impulse.processingBlocks().size() != 1) {
            return Optional.empty();
        }
        ProcessingBlock block = impulse.processingBlocks().get(0);
        if (block.params() == null
                || !block.createBlock().check(impulse.signalShapeFor(block)).isEmpty()) {
            return Optional.empty();
        }
        FeatureShape shape = block.createBlock().outputShape(impulse.signalShapeFor(block));
        FeatureKind kind = kindOf(block.params());
        TensorShape tensor = kind == FeatureKind.FLAT ? TensorShape.of(shape.length()) : new TensorShape(shape.dims());
        return Optional.of(new FeatureInput(kind, tensor));
    }
}
