package dev.edgeforge.core.feature;

import dev.edgeforge.core.dsp.DspBlock;
import dev.edgeforge.core.dsp.FeatureShape;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where each processing block's features sit in a feature vector: the blocks' outputs are concatenated in block
 * order, so block {@code i} occupies {@code [offset, offset + shape.length())}. A learning block that puts
 * convolutions on one block's features reshapes that slice to {@link Block#shape()} ({@code [frames, bins]} for
 * spectrogram-like blocks, {@code [height, width, channels]} for images).
 *
 * @param blocks the blocks in impulse order, contiguous from offset 0
 */
public record FeatureLayout(List<Block> blocks) {

    /**
     * One processing block's slice of the feature vector.
     *
     * @param blockId the processing block's id in the impulse
     * @param name    the processing block's name
     * @param type    the DSP block type (e.g. {@code mfcc})
     * @param shape   the block's output shape
     * @param offset  index of the block's first feature
     */
    public record Block(int blockId, String name, String type, FeatureShape shape, int offset) {

        public Block {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(shape, "shape");
            if (offset < 0) {
                throw new IllegalArgumentException("offset " + offset + " is negative");
            }
        }

        /** Number of features of this block. */
        public int length() {
            return shape.length();
        }
    }

    public FeatureLayout {
        blocks = List.copyOf(blocks);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("a feature layout needs at least one block");
        }
        long next = 0;
        for (Block b : blocks) {
            if (b.offset() != next) {
                throw new IllegalArgumentException("block " + b.blockId() + " starts at " + b.offset()
                        + " but the previous blocks end at " + next);
            }
            next += b.length();
        }
        if (next > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("feature vectors of " + next + " values do not fit an array");
        }
    }

    /**
     * The layout of an impulse's features.
     *
     * @throws dev.edgeforge.core.impulse.ImpulseViolation when the impulse is invalid
     * @throws IllegalArgumentException                    when it has no processing block
     */
    public static FeatureLayout of(Impulse impulse) {
        impulse.validate(null);
        List<Block> blocks = new ArrayList<>();
        int offset = 0;
        for (ProcessingBlock block : impulse.processingBlocks()) {
            DspBlock dsp = block.createBlock();
            FeatureShape shape = dsp.outputShape(impulse.signalShapeFor(block));
            blocks.add(new Block(block.id(), block.name(), dsp.type(), shape, offset));
            offset = Math.addExact(offset, shape.length());
        }
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException(
                    "impulse version " + impulse.version() + " has no processing block, so it gives no features");
        }
        return new FeatureLayout(blocks);
    }

    /** Total number of features per window. */
    public int length() {
        Block last = blocks.get(blocks.size() - 1);
        return last.offset() + last.length();
    }

    /** The slice of the block with this id, if the layout has it. */
    public Optional<Block> block(int blockId) {
        return blocks.stream().filter(b -> b.blockId() == blockId).findFirst();
    }
}
