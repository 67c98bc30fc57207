package dev.edgeforge.firmware.job;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.dsp.ImageBlock;
import dev.edgeforge.core.dsp.ImageParams;
import dev.edgeforge.core.feature.FeatureRow;
import dev.edgeforge.core.feature.FeatureSet;
import dev.edgeforge.core.feature.FeatureSource;
import dev.edgeforge.core.format.ParsedSample;
import dev.edgeforge.core.impulse.CameraFrame;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.RgbImage;
import dev.edgeforge.core.impulse.Window;
import dev.edgeforge.core.impulse.WindowedInput;
import dev.edgeforge.core.impulse.Windower;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import dev.edgeforge.firmware.codegen.TestWindow;
import dev.edgeforge.jobs.feature.FeatureJobSample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The raw windows behind a test set's rows, so the device's own DSP block can be proven on them: each row names its
 * sample and window index; the sample is read again and cut as the features job cut it ({@link Windower}: resampled,
 * same size, stride and zero padding), and the processing block's axes of that window become one raw window,
 * interleaved sample by sample as the {@code window} command takes it. For an image impulse each row's picture
 * becomes the frame the device's camera would deliver ({@link CameraFrame#of}: the image block's camera resolution and
 * pixel format), and the device's own image block resizes it.
 */
final class RawTestWindows {

    private RawTestWindows() {}

    /**
     * @param samples the test samples by id (the payload's {@code testSamples})
     * @param load    reads one sample
     * @return the raw windows, in the rows' order with their labels; empty with why not when a row's sample is not
     *     among {@code samples} or its window cannot be cut again (the caller keeps the feature windows)
     */
    static Result of(
            FeatureSet set,
            Impulse impulse,
            Map<String, FeatureJobSample> samples,
            Function<FeatureJobSample, ParsedSample> load) {
        ImpulseDsp dsp = ImpulseDsp.of(impulse);
        if (impulse.input() instanceof ImageInput image) {
            return frames(set, dsp, image, samples, load);
        }
        if (!(impulse.input() instanceof WindowedInput input)) {
            return Result.not("the impulse's input block " + impulse.input() + " has no raw windows");
        }
        ProcessingBlock block = dsp.processing();
        Windower windower = new Windower(input);
        Map<String, List<Window>> cut = new HashMap<>();
        List<TestWindow> windows = new ArrayList<>();
        for (FeatureRow row : set.rows()) {
            FeatureJobSample sample = samples.get(row.sampleId());
            if (sample == null) {
                return Result.not("sample " + row.sampleId() + " of the test set is no longer a test sample");
            }
            List<Window> sampleWindows = cut.computeIfAbsent(row.sampleId(), id -> {
                SampleData data = load.apply(sample).data();
                List<String> axes = data.sensors().stream().map(Sensor::name).toList();
                float[][] picked = new float[block.axes().size()][];
                for (int a = 0; a < picked.length; a++) {
                    int index = axes.indexOf(block.axes().get(a));
                    picked[a] = index < 0 ? null : data.axis(index);
                }
                for (float[] axis : picked) {
                    if (axis == null) {
                        return List.of();
                    }
                }
                return windower.windows(picked, data.intervalMs());
            });
            if (row.windowIndex() >= sampleWindows.size()) {
                return Result.not("window " + row.windowIndex() + " of sample " + row.sampleId()
                        + " cannot be cut again from it (the sample changed?)");
            }
            float[][] axes = sampleWindows.get(row.windowIndex()).axes();
            int samplesPerAxis = axes[0].length;
            float[] raw = new float[axes.length * samplesPerAxis];
            for (int s = 0; s < samplesPerAxis; s++) {
                for (int a = 0; a < axes.length; a++) {
                    raw[s * axes.length + a] = axes[a][s];
                }
            }
            if (raw.length != dsp.windowCount()) {
                return Result.not("a window of sample " + row.sampleId() + " has " + raw.length
                        + " values, the impulse's DSP block takes " + dsp.windowCount());
            }
            windows.add(TestWindow.raw(raw, row.label()));
        }
        return new Result(Optional.of(windows), "");
    }

    /** Each row's picture as a camera frame of the image block's resolution and pixel format. */
    private static Result frames(
            FeatureSet set,
            ImpulseDsp dsp,
            ImageInput image,
            Map<String, FeatureJobSample> samples,
            Function<FeatureJobSample, ParsedSample> load) {
        ImageParams camera = ((ImageBlock) dsp.block()).params();
        int width = camera.frameWidth(image.width());
        int height = camera.frameHeight(image.height());
        Map<String, byte[]> framed = new HashMap<>();
        List<TestWindow> windows = new ArrayList<>();
        for (FeatureRow row : set.rows()) {
            FeatureJobSample sample = samples.get(row.sampleId());
            if (sample == null) {
                return Result.not("sample " + row.sampleId() + " of the test set is no longer a test sample");
            }
            byte[] frame = framed.computeIfAbsent(row.sampleId(), id -> {
                RgbImage picture = FeatureSource.of(load.apply(sample))
                        .image(image.backgroundRgb())
                        .orElseThrow();
                return CameraFrame.of(picture, width, height, camera.pixelFormat());
            });
            float[] values = new float[frame.length];
            for (int i = 0; i < frame.length; i++) {
                values[i] = frame[i] & 0xFF;
            }
            windows.add(TestWindow.raw(values, row.label()));
        }
        return new Result(Optional.of(windows), "");
    }

    /**
     * @param windows the raw windows, or empty
     * @param whyNot  when empty, why
     */
    record Result(Optional<List<TestWindow>> windows, String whyNot) {
        static Result not(String why) {
            return new Result(Optional.empty(), why);
        }
    }
}
