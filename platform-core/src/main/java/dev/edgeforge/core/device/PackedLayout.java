package dev.edgeforge.core.device;

import dev.edgeforge.core.interpreter.ConvParams;
import dev.edgeforge.core.interpreter.DepthwiseConvParams;
import java.io.ByteArrayOutputStream;

/**
 * The weight layouts of the packed kernels and the in-place allowances that follow from their order of reads and
 * writes (the firmware builder's {@code src/main/c/kernels/conv2d_packed.h}, {@code depthwise_conv2d_packed.h},
 * {@code fully_connected_packed.h}). The C tests hold a C copy of these functions ({@code tests/packed_support.c});
 * both must follow the kernels.
 */
public final class PackedLayout {

    private PackedLayout() {}

    /** A dot-product length rounded up to whole pairs of blocks of 4 (the kernels' loops are unrolled twice). */
    public static int stride(int size) {
        return (size + 7) / 8 * 8;
    }

    /**
     * The packed stream of {@code conv2d_packed.h} from rows of {@code size} weights (row {@code c} at
     * {@code c * size}: TFLite's CONV_2D filter and FULLY_CONNECTED weights), little-endian: per pair of channels
     * their bias2, 4 weights of each per block of 4 (0 past {@code size}), multiplier and rounding of each, their
     * shifts in one word; an odd last channel the same alone.
     */
    public static byte[] stream(byte[] weights, int channels, int size, PackedRequant requant) {
        int stride = stride(size);
        int[] bias2 = requant.bias2();
        int[] multiplier = requant.multiplier();
        int[] rounding = requant.rounding();
        int[] shift = requant.shift();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int c = 0; c < channels; c += 2) {
            int lanes = Math.min(2, channels - c);
            for (int k = 0; k < lanes; k++) {
                int32(out, bias2[c + k]);
            }
            for (int block = 0; block < stride / 4; block++) {
                for (int k = 0; k < lanes; k++) {
                    for (int lane = 0; lane < 4; lane++) {
                        int i = 4 * block + lane;
                        out.write(i < size ? weights[(c + k) * size + i] : 0);
                    }
                }
            }
            for (int k = 0; k < lanes; k++) {
                int32(out, multiplier[c + k]);
                int32(out, rounding[c + k]);
            }
            for (int k = 0; k < 4; k++) {
                out.write(k < lanes ? shift[c + k] : 0);
            }
        }
        return out.toByteArray();
    }

    private static void int32(ByteArrayOutputStream out, int value) {
        for (int k = 0; k < 4; k++) {
            out.write(value >>> (8 * k));
        }
    }

    /**
     * TFLite's DEPTHWISE_CONV_2D filter ({@code [1][fh][fw][depth]}, tap {@code t} of channel {@code c} at
     * {@code t * depth + c}) as groups of 4 channels, tap by tap, the last group zero-filled.
     */
    public static byte[] channelGroups(byte[] filter, int depth, int taps) {
        int groups = (depth + 3) / 4;
        byte[] packed = new byte[groups * taps * 4];
        int at = 0;
        for (int g = 0; g < groups; g++) {
            for (int t = 0; t < taps; t++) {
                for (int lane = 0; lane < 4; lane++) {
                    int c = 4 * g + lane;
                    packed[at++] = c < depth ? filter[t * depth + c] : 0;
                }
            }
        }
        return packed;
    }

    /** Columns of the depthwise kernels' widened rows: the image, its left padding, the columns right of it read. */
    public static int paddedWidth(DepthwiseConvParams p) {
        int right = (p.outputWidth() - 1) * p.strideWidth() + p.filterWidth() - p.padWidth() - p.inputWidth();
        return p.padWidth() + p.inputWidth() + Math.max(right, 0);
    }

    /**
     * How far after its input the output of the packed CONV_2D may start while they overlap: it writes output pixels
     * in order, each after reading every input byte it needs, so pixel {@code p}'s output must end before the first
     * input byte any later pixel reads. {@link Long#MAX_VALUE} when nothing constrains it.
     */
    public static long convInPlaceShift(ConvParams p) {
        int pixels = p.batches() * p.outputHeight() * p.outputWidth();
        long shift = Long.MAX_VALUE;
        long later = Long.MAX_VALUE;
        for (int pixel = pixels - 1; pixel >= 0; pixel--) {
            if (later != Long.MAX_VALUE) {
                shift = Math.min(shift, later - (long) (pixel + 1) * p.outputDepth());
            }
            long first = firstRead(p, pixel);
            if (first >= 0) {
                later = Math.min(later, first);
            }
        }
        return shift;
    }

    /**
     * How far before its input the output of the packed CONV_2D run in reverse may start while they overlap: it
     * writes output pixels from the last, each after reading every input byte it needs, so pixel {@code p}'s output
     * must start after the last input byte any earlier pixel reads. {@link Long#MIN_VALUE} when nothing constrains
     * it.
     */
    public static long convReverseInPlaceShift(ConvParams p) {
        int pixels = p.batches() * p.outputHeight() * p.outputWidth();
        long shift = Long.MIN_VALUE;
        long earlier = -1;
        for (int pixel = 0; pixel < pixels; pixel++) {
            if (earlier >= 0) {
                shift = Math.max(shift, earlier - (long) pixel * p.outputDepth());
            }
            earlier = Math.max(earlier, lastRead(p, pixel));
        }
        return shift;
    }

    /** One past the last input byte an output pixel reads, or -1 when all its taps are padding. */
    private static long lastRead(ConvParams p, int pixel) {
        int perImage = p.outputHeight() * p.outputWidth();
        int batch = pixel / perImage;
        int outY = pixel % perImage / p.outputWidth();
        int outX = pixel % p.outputWidth();
        long last = -1;
        for (int fy = 0; fy < p.filterHeight(); fy++) {
            for (int fx = 0; fx < p.filterWidth(); fx++) {
                int y = outY * p.strideHeight() - p.padHeight() + fy * p.dilationHeight();
                int x = outX * p.strideWidth() - p.padWidth() + fx * p.dilationWidth();
                if (y >= 0 && y < p.inputHeight() && x >= 0 && x < p.inputWidth()) {
                    last = Math.max(
                            last, (((long) batch * p.inputHeight() + y) * p.inputWidth() + x + 1) * p.inputDepth());
                }
            }
        }
        return last;
    }

    private static long firstRead(ConvParams p, int pixel) {
        int perImage = p.outputHeight() * p.outputWidth();
        int batch = pixel / perImage;
        int outY = pixel % perImage / p.outputWidth();
        int outX = pixel % p.outputWidth();
        long first = -1;
        for (int fy = 0; fy < p.filterHeight(); fy++) {
            for (int fx = 0; fx < p.filterWidth(); fx++) {
                int y = outY * p.strideHeight() - p.padHeight() + fy * p.dilationHeight();
                int x = outX * p.strideWidth() - p.padWidth() + fx * p.dilationWidth();
                if (y < 0 || y >= p.inputHeight() || x < 0 || x >= p.inputWidth()) {
                    continue;
                }
                long at = (((long) batch * p.inputHeight() + y) * p.inputWidth() + x) * p.inputDepth();
                if (first < 0 || at < first) {
                    first = at;
                }
            }
        }
        return first;
    }

    /**
     * The same for the packed DEPTHWISE_CONV_2D: output row {@code y} is written after the input rows up to
     * {@code y * strideHeight - padHeight + filterHeight - 1} were copied to scratch, so it must end before the next
     * input row.
     */
    public static long depthwiseInPlaceShift(DepthwiseConvParams p) {
        long rowIn = (long) p.inputWidth() * p.inputDepth();
        long rowOut = (long) p.outputWidth() * p.outputDepth();
        long shift = Long.MAX_VALUE;
        for (int b = 0; b < p.batches(); b++) {
            for (int outY = 0; outY < p.outputHeight(); outY++) {
                int next = Math.max(outY * p.strideHeight() - p.padHeight() + p.filterHeight(), 0);
                long written = ((long) b * p.outputHeight() + outY + 1) * rowOut;
                if (next < p.inputHeight()) {
                    shift = Math.min(shift, ((long) b * p.inputHeight() + next) * rowIn - written);
                } else if (b + 1 < p.batches()) {
                    shift = Math.min(shift, (long) (b + 1) * p.inputHeight() * rowIn - written);
                }
            }
        }
        return shift;
    }

    /** Whether the packed FULLY_CONNECTED reads its one input row where it is (no scratch, no in-place output). */
    public static boolean fullyConnectedReadsInPlace(int batches, int accumDepth) {
        return batches == 1 && accumDepth == stride(accumDepth);
    }

    /**
     * The same for the packed FULLY_CONNECTED: batch row {@code b} is written after input rows up to {@code b}
     * (and {@code b + 1} when it runs two rows at a time) were widened into scratch.
     */
    public static long fullyConnectedInPlaceShift(int batches, int accumDepth, int outputDepth) {
        long shift = Long.MAX_VALUE;
        for (int b = 0; b + 1 < batches; b++) {
            shift = Math.min(shift, (long) (b + 1) * accumDepth - (long) (b + 1) * outputDepth);
        }
        return shift;
    }
}
