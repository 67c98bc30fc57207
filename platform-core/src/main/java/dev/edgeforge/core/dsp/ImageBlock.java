package dev.edgeforge.core.dsp;

import java.util.List;

/**
 * Image block: the colour planes of a resized image window (values 0..255, produced by the image input block)
 * interleaved as height × width × channels and normalised ({@link ImageNormalization}). Output shape
 * {@code [height, width, channels]}. C twin: {@code ef_dsp_image.c}, which also does the input's resize and
 * grayscale conversion from a camera frame.
 */
public final class ImageBlock extends ParamsBlock<ImageParams> {

    public ImageBlock(ImageParams params) {
        super(params, ImageParams.TYPE);
    }

    @Override
    public List<ParameterError> check(SignalShape input) {
        Checks checks = new Checks(type());
        checks.require(input.isImage(), "input", "needs an image input, got " + Checks.describe(input));
        checks.require(
                input.axisCount() == 1 || input.axisCount() == 3,
                "input",
                "needs 1 (grayscale) or 3 (RGB) channels, got " + input.axisCount());
        checks.require(params.normalization() != null, "normalization", "must be zero-to-one or minus-one-to-one");
        checks.require(
                params.cameraWidth() >= 0 && params.cameraWidth() <= 2048,
                "cameraWidth",
                "must be 1..2048 pixels (0: the image input's width), got " + params.cameraWidth());
        checks.require(
                params.cameraHeight() >= 0 && params.cameraHeight() <= 2048,
                "cameraHeight",
                "must be 1..2048 pixels (0: the image input's height), got " + params.cameraHeight());
        checks.require(params.pixelFormat() != null, "pixelFormat", "must be grayscale, rgb565 or rgb888");
        return checks.errors();
    }

    @Override
    public FeatureShape outputShape(SignalShape input) {
        validate(input);
        return FeatureShape.of(input.height(), input.width(), input.axisCount());
    }

    @Override
    public float[] compute(float[][] window, double frequencyHz) {
        int channels = window.length;
        if (channels != 1 && channels != 3) {
            throw new DspParameterViolation(List.of(new ParameterError(
                    type() + ".input", "needs 1 (grayscale) or 3 (RGB) colour planes, got " + channels)));
        }
        int pixels = window[0].length;
        double scale = params.normalization().scale();
        double offset = params.normalization().offset();
        float[] out = new float[pixels * channels];
        for (int c = 0; c < channels; c++) {
            if (window[c].length != pixels) {
                throw new IllegalArgumentException("every colour plane must have " + pixels + " pixels");
            }
            for (int i = 0; i < pixels; i++) {
                out[i * channels + c] = (float) (window[c][i] * scale + offset);
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
        long out = (long) input.sampleCount() * input.axisCount();
        // RAM: the device writes the block's output directly as the network's int8 input tensor (issue #20), one
        // byte per value, with no float32 buffer. Bilinear resize: 4 taps × 3 channels × 2 ops, plus grayscale (5)
        // and normalisation (2) per output value
        return new CostEstimate(out, 0, out * 10 + (long) input.sampleCount() * 24);
    }
}
