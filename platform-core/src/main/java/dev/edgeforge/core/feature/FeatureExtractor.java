package dev.edgeforge.core.feature;

import dev.edgeforge.core.dsp.DspBlock;
import dev.edgeforge.core.impulse.AudioInput;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.ImageResizer;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.RgbImage;
import dev.edgeforge.core.impulse.Window;
import dev.edgeforge.core.impulse.WindowedInput;
import dev.edgeforge.core.impulse.Windower;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns samples into feature rows the way an impulse says, exactly as the device will see them:
 * <ol>
 *   <li>time series and audio: the axes the processing blocks read are picked from the sample, resampled to the
 *       input block's frequency when the sample was recorded at another rate ({@code Resampler}, inside
 *       {@link Windower}) and cut into windows ({@link Windower}: window size, stride, zero padding);</li>
 *   <li>images: the one window is the image resized to the input block's size and colour depth
 *       ({@link ImageResizer});</li>
 *   <li>each processing block computes its features on its own axes of the window (all colour planes for images);
 *       the features of all blocks are concatenated in block order, as {@link #layout()} describes.</li>
 * </ol>
 *
 * <p>Built once per impulse and then immutable and thread-safe: {@link FeatureGeneration} calls it from many
 * threads. The learning blocks of the impulse play no part.
 */
public final class FeatureExtractor {

    private final Impulse impulse;
    private final FeatureLayout layout;
    private final List<DspBlock> blocks;
    private final Windower windower;
    /** The axes any block reads, in order of first use: only these are resampled and windowed. */
    private final List<String> usedAxes;

    private final FeatureCacheKey.Config cacheConfig;

    /**
     * @throws dev.edgeforge.core.impulse.ImpulseViolation when the impulse is invalid
     * @throws IllegalArgumentException                    when it has no processing block
     */
    public FeatureExtractor(Impulse impulse) {
        this.impulse = Objects.requireNonNull(impulse, "impulse");
        this.layout = FeatureLayout.of(impulse);
        this.blocks = impulse.processingBlocks().stream()
                .map(ProcessingBlock::createBlock)
                .toList();
        this.windower = impulse.input() instanceof WindowedInput windowed ? new Windower(windowed) : null;
        Set<String> axes = new LinkedHashSet<>();
        impulse.processingBlocks().forEach(b -> axes.addAll(b.axes()));
        this.usedAxes = List.copyOf(axes);
        this.cacheConfig = FeatureCacheKey.Config.of(impulse);
    }

    public Impulse impulse() {
        return impulse;
    }

    /** Where each block's features sit in a row. */
    public FeatureLayout layout() {
        return layout;
    }

    /** Features per window: the sum of the blocks' output lengths. */
    public int featureLength() {
        return layout.length();
    }

    /** The cache key of a sample with this content hash under this impulse's input and processing blocks. */
    public FeatureCacheKey cacheKey(String sampleContentHash) {
        return cacheConfig.keyFor(sampleContentHash);
    }

    /**
     * The feature rows of one time-series (sensor or audio) sample.
     *
     * @throws FeatureInputViolation naming the sample when it does not fit the impulse (missing axis, an image)
     */
    public List<FeatureRow> extract(String sampleId, String label, SampleData data) {
        return extract(sampleId, label, FeatureSource.of(data));
    }

    /**
     * The feature rows of one sample, time series or image.
     *
     * @throws FeatureInputViolation naming the sample when it does not fit the impulse
     */
    public List<FeatureRow> extract(String sampleId, String label, FeatureSource source) {
        List<WindowFeatures> windows = compute("sample '" + sampleId + "'", source);
        List<FeatureRow> rows = new ArrayList<>(windows.size());
        for (WindowFeatures w : windows) {
            rows.add(w.toRow(sampleId, label));
        }
        return rows;
    }

    /**
     * The features of every window of one sample, in window order. A time series shorter than one window gives one
     * zero-padded window, or none when the input block does not pad.
     *
     * @throws FeatureInputViolation when the sample does not fit the impulse
     */
    public List<WindowFeatures> compute(FeatureSource source) {
        return compute("the sample", source);
    }

    /**
     * The chunk of one sample: its windows' features under the cache key of its content hash.
     *
     * @throws FeatureInputViolation when the sample does not fit the impulse
     */
    public FeatureChunk chunk(String sampleContentHash, FeatureSource source) {
        FeatureCacheKey key = cacheKey(sampleContentHash);
        return new FeatureChunk(key, featureLength(), compute("sample " + sampleContentHash, source));
    }

    private List<WindowFeatures> compute(String what, FeatureSource source) {
        Objects.requireNonNull(source, "source");
        if (impulse.input() instanceof ImageInput imageInput) {
            return List.of(imageWindow(what, source, imageInput));
        }
        SampleData data = source.data();
        if (data.isImage()) {
            throw new FeatureInputViolation(what + " is an image, but the impulse's input block takes "
                    + (impulse.input() instanceof AudioInput ? "audio" : "time series"));
        }
        List<String> sampleAxes = data.sensors().stream().map(Sensor::name).toList();
        float[][] picked = new float[usedAxes.size()][];
        for (int i = 0; i < usedAxes.size(); i++) {
            String axis = usedAxes.get(i);
            int index = sampleAxes.indexOf(axis);
            if (index < 0) {
                throw new FeatureInputViolation(what + " has no axis '" + axis + "', which processing block '"
                        + blockReading(axis).name() + "' reads (the sample has " + sampleAxes + ")");
            }
            picked[i] = data.axis(index);
        }
        double frequency = ((WindowedInput) impulse.input()).frequencyHz();
        List<Window> windows = windower.windows(picked, data.intervalMs());
        List<WindowFeatures> out = new ArrayList<>(windows.size());
        for (Window window : windows) {
            float[] features = new float[featureLength()];
            for (int b = 0; b < blocks.size(); b++) {
                ProcessingBlock block = impulse.processingBlocks().get(b);
                float[][] axes = block.selectAxes(usedAxes, window.axes());
                put(features, b, blocks.get(b).compute(axes, frequency));
            }
            out.add(new WindowFeatures(window.index(), window.startMs(), features));
        }
        return out;
    }

    private WindowFeatures imageWindow(String what, FeatureSource source, ImageInput input) {
        if (!source.data().isImage()) {
            throw new FeatureInputViolation(what + " is a time series, but the impulse's input block takes images");
        }
        RgbImage image = source.image(input.backgroundRgb())
                .orElseThrow(() -> new FeatureInputViolation(what
                        + " is an image without its pixels; load it with FeatureSource.of(ParsedSample) from a file"
                        + " parsed with keepImagePixels"));
        float[][] planes = ImageResizer.resize(image, input);
        float[] features = new float[featureLength()];
        for (int b = 0; b < blocks.size(); b++) {
            put(features, b, blocks.get(b).compute(planes, 0));
        }
        return new WindowFeatures(0, 0, features);
    }

    private void put(float[] features, int blockIndex, float[] blockFeatures) {
        FeatureLayout.Block slice = layout.blocks().get(blockIndex);
        if (blockFeatures.length != slice.length()) {
            // a DSP block disagreeing with its own outputShape is a bug, not bad input
            throw new IllegalStateException("processing block '" + slice.name() + "' gave " + blockFeatures.length
                    + " features, its output shape " + slice.shape().dims() + " says " + slice.length());
        }
        for (int i = 0; i < blockFeatures.length; i++) {
            if (!Float.isFinite(blockFeatures[i])) {
                throw new IllegalStateException("processing block '" + slice.name() + "' gave the non-finite value "
                        + blockFeatures[i] + " as feature " + i + " of " + blockFeatures.length);
            }
        }
        System.arraycopy(blockFeatures, 0, features, slice.offset(), blockFeatures.length);
    }

    private ProcessingBlock blockReading(String axis) {
        return impulse.processingBlocks().stream()
                .filter(b -> b.axes().contains(axis))
                .findFirst()
                .orElseThrow();
    }
}
