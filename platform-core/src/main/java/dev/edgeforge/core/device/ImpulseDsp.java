package dev.edgeforge.core.device;

import dev.edgeforge.core.dsp.DspBlock;
import dev.edgeforge.core.dsp.ImageBlock;
import dev.edgeforge.core.dsp.ImageParams;
import dev.edgeforge.core.dsp.SignalShape;
import dev.edgeforge.core.impulse.AudioInput;
import dev.edgeforge.core.impulse.CameraFrame;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.ImageResizer;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.RgbImage;
import dev.edgeforge.core.impulse.WindowedInput;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The DSP part of an impulse as the compiled library runs it: one processing block on one raw window. A time-series
 * window is the block's axes interleaved sample by sample ({@code windowCount = axes × samples}) in the samples'
 * native type ({@link #sample()}: int16 counts for audio, float32 for other sensors); an image window is a camera
 * frame in the image block's resolution and pixel format ({@link ImageParams}:
 * {@code windowCount = cameraWidth × cameraHeight × bytes per pixel}), which the block resizes as the server does.
 * {@link #features} computes in Java what the C twin computes on the device (the firmware builder generates that
 * twin; the server only checks that an impulse can have one and sizes its buffers).
 *
 * @param impulse     the impulse
 * @param processing  its (only) processing block
 * @param block       the DSP block
 * @param shape       what the block receives per window
 * @param image       whether windows are camera frames (else time series)
 * @param windowCount values per raw window
 */
public record ImpulseDsp(
        Impulse impulse,
        ProcessingBlock processing,
        DspBlock block,
        SignalShape shape,
        boolean image,
        int windowCount) {

    /**
     * @throws UnsupportedModelException when the impulse has not exactly one processing block
     */
    public static ImpulseDsp of(Impulse impulse) {
        if (impulse.processingBlocks().size() != 1) {
            throw new UnsupportedModelException("compiled impulses need exactly one processing block, impulse v"
                    + impulse.version() + " has " + impulse.processingBlocks().size());
        }
        ProcessingBlock processing = impulse.processingBlocks().get(0);
        DspBlock block = processing.createBlock();
        SignalShape shape = impulse.signalShapeFor(processing);
        block.validate(shape);
        if (impulse.input() instanceof ImageInput input) {
            if (!(block instanceof ImageBlock)) {
                throw new UnsupportedModelException(
                        "an image input needs the image processing block, got " + block.type());
            }
            ImageParams camera = ((ImageBlock) block).params();
            return new ImpulseDsp(
                    impulse,
                    processing,
                    block,
                    shape,
                    true,
                    camera.frameWidth(input.width())
                            * camera.frameHeight(input.height())
                            * camera.pixelFormat().bytesPerPixel());
        }
        if (!(impulse.input() instanceof WindowedInput)) {
            throw new UnsupportedModelException("unknown input block " + impulse.input());
        }
        return new ImpulseDsp(impulse, processing, block, shape, false, shape.axisCount() * shape.sampleCount());
    }

    /** Features per window. */
    public int featureCount() {
        return block.outputShape(shape).length();
    }

    /** The type of one raw window value on the device. */
    public WindowSample sample() {
        if (image) {
            return WindowSample.UINT8;
        }
        return impulse.input() instanceof AudioInput ? WindowSample.INT16 : WindowSample.FLOAT32;
    }

    /** The C type of one raw window value. */
    public String windowType() {
        return sample().cType();
    }

    /**
     * Bytes of one raw window, as the device buffers it and the serial protocol carries it (int16 or float32
     * little-endian, or the camera frame).
     */
    public int windowBytes() {
        return windowCount * sample().bytes();
    }

    /**
     * The features of one raw window, in Java.
     *
     * @param window {@link #windowCount} values: interleaved samples (audio is rounded to int16 first, as the device
     *               holds it), or the camera frame's bytes as 0..255
     */
    public float[] features(float[] window) {
        if (window.length != windowCount) {
            throw new IllegalArgumentException(
                    "a raw window of this impulse has " + windowCount + " values, got " + window.length);
        }
        if (image) {
            ImageInput input = (ImageInput) impulse.input();
            ImageParams camera = ((ImageBlock) block).params();
            byte[] frame = new byte[windowCount];
            for (int i = 0; i < frame.length; i++) {
                frame[i] = (byte) channel(window[i]);
            }
            RgbImage image = CameraFrame.decode(
                    frame, camera.frameWidth(input.width()), camera.frameHeight(input.height()), camera.pixelFormat());
            float[][] planes = ImageResizer.resize(image, input);
            return block.compute(planes, 0);
        }
        boolean int16 = sample() == WindowSample.INT16;
        int axes = shape.axisCount();
        int samples = shape.sampleCount();
        float[][] signal = new float[axes][samples];
        for (int s = 0; s < samples; s++) {
            for (int a = 0; a < axes; a++) {
                float v = window[s * axes + a];
                // the device's window holds int16 counts: the features are of those
                signal[a][s] = int16 ? WindowSample.int16(v) : v;
            }
        }
        return block.compute(signal, shape.frequencyHz());
    }

    /**
     * One raw window as the bytes the device reads: int16 (audio, rounded and saturated) or float32 little-endian, or
     * the camera frame's bytes.
     */
    public byte[] windowBytes(float[] window) {
        if (window.length != windowCount) {
            throw new IllegalArgumentException(
                    "a raw window of this impulse has " + windowCount + " values, got " + window.length);
        }
        if (image) {
            byte[] bytes = new byte[windowCount];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) channel(window[i]);
            }
            return bytes;
        }
        ByteBuffer bytes = ByteBuffer.allocate(windowBytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : window) {
            if (sample() == WindowSample.INT16) {
                bytes.putShort(WindowSample.int16(v));
            } else {
                bytes.putFloat(v);
            }
        }
        return bytes.array();
    }

    private static int channel(float value) {
        if (!(value >= 0 && value <= 255) || value != Math.rint(value)) {
            throw new IllegalArgumentException("a camera frame's byte must be a whole number 0..255, got " + value);
        }
        return (int) value;
    }
}
