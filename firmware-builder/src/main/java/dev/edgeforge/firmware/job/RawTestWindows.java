package dev.edgeforge.firmware.job;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.feature.FeatureRow;
import dev.edgeforge.core.feature.FeatureSet;
import dev.edgeforge.core.format.ParsedSample;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
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
 * interleaved sample by sample as the {@code window} command takes it. Time-series and audio impulses only: an image
 * impulse's raw window is a frame of the input's size, which the samples are not.
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
        if (!(impulse.input() instanceof WindowedInput input)) {
            return Result.not("the impulse takes images, whose raw frames the test samples are not");
        }
        ImpulseDsp dsp = ImpulseDsp.of(impulse);
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
