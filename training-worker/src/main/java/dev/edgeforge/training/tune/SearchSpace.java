package dev.edgeforge.training.tune;

import dev.edgeforge.core.dsp.DspParams;
import dev.edgeforge.core.dsp.FilterType;
import dev.edgeforge.core.dsp.MfccParams;
import dev.edgeforge.core.dsp.MfeParams;
import dev.edgeforge.core.dsp.RawParams;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.dsp.WindowFunction;
import dev.edgeforge.core.impulse.AudioInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.InputBlock;
import dev.edgeforge.core.impulse.LearningBlockRef;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import dev.edgeforge.core.impulse.WindowedInput;
import dev.edgeforge.core.impulse.suggest.FeatureInput;
import dev.edgeforge.core.learning.DefaultArchitecture;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.training.tune.Networks.Family;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * The candidates the data allows, drawn at random for a seed. The base impulse (the project's, or the suggestion for
 * its data) fixes the input kind, the axes and the recorded rate; around it the search varies:
 *
 * <ul>
 *   <li>the window (1, ¾ or ½ of the base window) and its stride (¼ or ½ of the window), and the rate (the base's,
 *       or half of it for sensors above 20 Hz);</li>
 *   <li>the DSP block: sensors get raw windows or spectral analysis (FFT length 16, 32 or 64, no filter or a low-pass
 *       at a quarter of the rate); audio gets MFCC (10 or 13 coefficients, 20 or 32 filters, 20 or 32 ms frames) or
 *       MFE (20 or 40 filters, the same frames);</li>
 *   <li>the network: every family that can read the features ({@link Networks#familiesFor}) at width 8, 16 or 32
 *       (dense 16, 32 or 64) and depth 1 to 3;</li>
 *   <li>the learning rate: 0.001, 0.003 or 0.01.</li>
 * </ul>
 *
 * The first candidate is always the base impulse with the default network at 0.001, so the search starts from what a
 * project gets without tuning. Draws that give no valid impulse or network, or repeat an earlier one, are skipped.
 */
public final class SearchSpace {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double[] WINDOW_FACTORS = {1.0, 0.75, 0.5};
    private static final double[] STRIDE_FACTORS = {0.25, 0.5};
    private static final int[] FFT_LENGTHS = {16, 32, 64};
    private static final int[] WIDTHS = {8, 16, 32};
    private static final double[] LEARNING_RATES = {0.001, 0.003, 0.01};
    /** Draws per wanted candidate before the space counts as exhausted. */
    private static final int ATTEMPTS_PER_CANDIDATE = 50;

    private final Impulse base;
    private final WindowedInput input;
    private final ProcessingBlock block;

    /**
     * @throws IllegalArgumentException when the base impulse is not a windowed (sensor or audio) impulse with one
     *     processing block: images are not searched yet
     */
    public SearchSpace(Impulse base) {
        if (!(base.input() instanceof WindowedInput windowed)) {
            throw new IllegalArgumentException(
                    "the tuner searches sensor and audio impulses; image impulses are not searched yet");
        }
        if (base.processingBlocks().size() != 1) {
            throw new IllegalArgumentException("the tuner starts from an impulse with exactly one processing block");
        }
        this.base = base;
        this.input = windowed;
        this.block = base.processingBlocks().get(0);
    }

    /** Up to {@code count} distinct valid candidates for {@code seed}; the same seed gives the same list. */
    public List<CandidateSpec> draw(int count, long seed) {
        Random random = new Random(seed);
        List<CandidateSpec> drawn = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        baseCandidate().ifPresent(c -> {
            drawn.add(c);
            seen.add(c.description());
        });
        for (int attempt = 0; drawn.size() < count && attempt < count * ATTEMPTS_PER_CANDIDATE; attempt++) {
            Optional<CandidateSpec> candidate = drawOne(random, idFor(drawn.size()));
            if (candidate.isPresent() && seen.add(candidate.get().description())) {
                drawn.add(candidate.get());
            }
        }
        return drawn;
    }

    private static String idFor(int index) {
        return String.format(Locale.ROOT, "c%02d", index + 1);
    }

    private Optional<CandidateSpec> baseCandidate() {
        Impulse impulse = new Impulse(1, base.input(), base.processingBlocks(), null);
        Optional<FeatureInput> features = FeatureInput.of(impulse);
        if (features.isEmpty()) {
            return Optional.empty();
        }
        List<LayerSpec> layers = DefaultArchitecture.layersFor(
                features.get().kind(), features.get().shape());
        return candidate(idFor(0), impulse, features.get(), layers, "default network", 0.001);
    }

    private Optional<CandidateSpec> drawOne(Random random, String id) {
        double windowMs = input.windowSizeMs() * pick(random, WINDOW_FACTORS);
        double strideMs = Math.max(1, Math.round(windowMs * pick(random, STRIDE_FACTORS)));
        boolean audio = input instanceof AudioInput;
        double rate = !audio && input.frequencyHz() > 20 && random.nextBoolean()
                ? input.frequencyHz() / 2
                : input.frequencyHz();
        InputBlock windowed = audio
                ? new AudioInput(Math.round(windowMs), strideMs, rate, input.zeroPad())
                : new TimeSeriesInput(Math.round(windowMs), strideMs, rate, input.zeroPad());
        DspParams params = audio ? audioBlock(random) : sensorBlock(random, rate);
        Impulse impulse = new Impulse(
                1, windowed, List.of(new ProcessingBlock(block.id(), dspName(params), block.axes(), params)), null);
        if (!impulse.check(null).isEmpty()) {
            return Optional.empty();
        }
        Optional<FeatureInput> features = FeatureInput.of(impulse);
        if (features.isEmpty()) {
            return Optional.empty();
        }
        List<Family> families = Networks.familiesFor(features.get().kind());
        Family family = families.get(random.nextInt(families.size()));
        int width = family == Family.DENSE ? 2 * pick(random, WIDTHS) : pick(random, WIDTHS);
        int depth = 1 + random.nextInt(3);
        int kernel = random.nextBoolean() ? 3 : 5;
        double learningRate = pick(random, LEARNING_RATES);
        Optional<List<LayerSpec>> layers =
                Networks.layers(family, features.get().shape(), width, depth, kernel);
        if (layers.isEmpty()) {
            return Optional.empty();
        }
        return candidate(
                id,
                impulse,
                features.get(),
                layers.get(),
                Networks.describe(family, width, depth, kernel),
                learningRate);
    }

    private Optional<CandidateSpec> candidate(
            String id,
            Impulse impulse,
            FeatureInput features,
            List<LayerSpec> layers,
            String network,
            double learningRate) {
        LearningBlock learning = LearningBlock.classification(layers);
        int blockId = impulse.processingBlocks().get(0).id();
        Impulse withLearning = new Impulse(
                1,
                impulse.input(),
                impulse.processingBlocks(),
                List.of(new LearningBlockRef(
                        "classification", "Classifier", List.of(blockId), JSON.valueToTree(learning))));
        WindowedInput windowed = (WindowedInput) impulse.input();
        String description = String.format(
                Locale.ROOT,
                "%.0f ms windows every %.0f ms at %s Hz, %s, %s, learning rate %s",
                windowed.windowSizeMs(),
                windowed.windowStrideMs(),
                trim(windowed.frequencyHz()),
                describe(impulse.processingBlocks().get(0).params()),
                network,
                trim(learningRate));
        return Optional.of(new CandidateSpec(id, description, withLearning, learning, learningRate, features));
    }

    private DspParams sensorBlock(Random random, double rate) {
        if (random.nextBoolean()) {
            return RawParams.defaults();
        }
        int fft = pick(random, FFT_LENGTHS);
        boolean filter = random.nextBoolean();
        return new SpectralAnalysisParams(
                1.0, filter ? FilterType.LOW : FilterType.NONE, rate / 4, 6, fft, true, true, 0, 0.1);
    }

    private static DspParams audioBlock(Random random) {
        double frame = random.nextBoolean() ? 0.02 : 0.032;
        double stride = random.nextBoolean() ? frame : frame / 2;
        if (random.nextBoolean()) {
            MfccParams d = MfccParams.defaults();
            return new MfccParams(
                    random.nextBoolean() ? 13 : 10,
                    frame,
                    stride,
                    random.nextBoolean() ? 32 : 20,
                    d.fftLength(),
                    d.lowFrequency(),
                    d.highFrequency(),
                    d.preEmphasis(),
                    WindowFunction.HAMMING,
                    d.lifter());
        }
        MfeParams d = MfeParams.defaults();
        return new MfeParams(
                frame,
                stride,
                random.nextBoolean() ? 40 : 20,
                d.fftLength(),
                d.lowFrequency(),
                d.highFrequency(),
                d.noiseFloorDb());
    }

    private static String dspName(DspParams params) {
        if (params instanceof RawParams) {
            return "Raw data";
        }
        if (params instanceof SpectralAnalysisParams) {
            return "Spectral analysis";
        }
        return params instanceof MfccParams ? "MFCC" : "MFE";
    }

    static String describe(DspParams params) {
        if (params instanceof RawParams) {
            return "raw";
        }
        if (params instanceof SpectralAnalysisParams s) {
            return "spectral analysis (FFT " + s.fftLength() + ", "
                    + (s.filterType() == FilterType.NONE
                            ? "no filter"
                            : s.filterType().name().toLowerCase(Locale.ROOT) + "-pass " + trim(s.filterCutoffHz())
                                    + " Hz")
                    + ")";
        }
        if (params instanceof MfccParams m) {
            return "MFCC (" + m.coefficientCount() + " coefficients, " + m.filterCount() + " filters, "
                    + trim(m.frameLength() * 1000) + " ms frames every " + trim(m.frameStride() * 1000) + " ms)";
        }
        if (params instanceof MfeParams m) {
            return "MFE (" + m.filterCount() + " filters, " + trim(m.frameLength() * 1000) + " ms frames every "
                    + trim(m.frameStride() * 1000) + " ms)";
        }
        return params.getClass().getSimpleName();
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3g", value);
    }

    private static double pick(Random random, double[] values) {
        return values[random.nextInt(values.length)];
    }

    private static int pick(Random random, int[] values) {
        return values[random.nextInt(values.length)];
    }
}
