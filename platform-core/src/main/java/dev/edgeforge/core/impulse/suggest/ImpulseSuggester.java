package dev.edgeforge.core.impulse.suggest;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.dsp.DspParams;
import dev.edgeforge.core.dsp.ImageParams;
import dev.edgeforge.core.dsp.MfccParams;
import dev.edgeforge.core.dsp.RawParams;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.dsp.WindowFunction;
import dev.edgeforge.core.impulse.AudioInput;
import dev.edgeforge.core.impulse.ColorDepth;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.InputBlock;
import dev.edgeforge.core.impulse.LearningBlockRef;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.ResizeMode;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import dev.edgeforge.core.learning.DefaultArchitecture;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.NetworkFootprint;
import dev.edgeforge.core.learning.TensorShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Suggests an impulse from a {@link DataProfile}: the rules the research of issue #12 chose on real recordings.
 *
 * <ul>
 *   <li><b>Input:</b> audio, sensors or images as the profile says; every axis all series have; windows at the
 *       samples' own rate (1000 / the median interval), so nothing is resampled unless the rates differ.</li>
 *   <li><b>Window:</b> recordings whose median length holds {@value #CONTINUOUS_WINDOWS} fixed windows (2 s for
 *       sensors, 1 s for audio) are continuous and get that window; shorter, event-like recordings get a window that
 *       covers {@code 95 %} of them (rounded up to 100 ms for audio, 10 ms for sensors), zero-padding shorter ones.
 *       Windows move by a quarter window.</li>
 *   <li><b>DSP:</b> audio → MFCC (13 coefficients of 20 ms frames every 10 ms, 40 mel filters up to Nyquist);
 *       event-like sensor data → raw (a network learns short gestures best from the signal itself); continuous
 *       sensor data → spectral analysis; images → the image block.</li>
 *   <li><b>Learning block:</b> a classifier with {@link DefaultArchitecture}'s layers for the features.</li>
 *   <li><b>Images on a board</b> ({@link DeviceBudget}, issue #20): the first of 96×96 RGB, 96×96, 64×64, 48×48 and
 *       32×32 grayscale whose raw frame ({@link ImpulseDsp#windowBytes()}) and network ({@link NetworkFootprint})
 *       fit the board.</li>
 * </ul>
 */
public final class ImpulseSuggester {

    /** Recordings whose median length holds this many fixed windows are continuous streams. */
    static final double CONTINUOUS_WINDOWS = 3;
    /** The fixed window of continuous sensor data. */
    static final double SENSOR_WINDOW_MS = 2000;
    /** The fixed window of continuous audio. */
    static final double AUDIO_WINDOW_MS = 1000;
    /** Which share of the event-like recordings one window covers. */
    static final double COVERED_SHARE = 0.95;

    static final double AUDIO_GRAIN_MS = 100;
    static final double SENSOR_GRAIN_MS = 10;
    /** Window stride as a share of the window. */
    static final double STRIDE_SHARE = 0.25;

    static final double FRAME_MS = 20;
    static final double FRAME_STRIDE_MS = 10;
    static final int MEL_FILTERS = 40;
    static final int MFCC_COEFFICIENTS = 13;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ImpulseSuggester() {}

    /** The suggestion for these samples' profile, for no board in particular. */
    public static Suggestion suggest(DataProfile profile) {
        return suggest(profile, Optional.empty());
    }

    /** The suggestion for these samples' profile; an image impulse fits {@code budget} where it can. */
    public static Suggestion suggest(DataProfile profile, Optional<DeviceBudget> budget) {
        List<String> reasons = new ArrayList<>();
        Impulse designed = profile.isSeries() ? series(profile, reasons) : images(profile, reasons, budget);
        ProcessingBlock block = designed.processingBlocks().get(0);
        FeatureInput features = FeatureInput.of(designed)
                .orElseThrow(() -> new IllegalStateException("the suggested impulse is not valid: " + designed));
        LearningBlock learning =
                LearningBlock.defaultsFor(LearningBlock.Kind.CLASSIFICATION, features.kind(), features.shape());
        reasons.add(DefaultArchitecture.describe(features.kind(), features.shape()));
        LearningBlockRef classifier =
                new LearningBlockRef("classification", "Classifier", List.of(block.id()), JSON.valueToTree(learning));
        return new Suggestion(
                new Impulse(0, designed.input(), designed.processingBlocks(), List.of(classifier)), reasons);
    }

    /** The suggestion for these samples. */
    public static Suggestion suggest(List<SampleSummary> samples) {
        return suggest(DataProfile.of(samples));
    }

    /** The suggestion for these samples, fitting {@code budget} where it can. */
    public static Suggestion suggest(List<SampleSummary> samples, Optional<DeviceBudget> budget) {
        return suggest(DataProfile.of(samples), budget);
    }

    /** Image inputs from the largest to the smallest, tried in turn against a board's budget. */
    private static final List<ImageInput> IMAGE_LADDER = List.of(
            ImageInput.defaults(),
            new ImageInput(96, 96, ResizeMode.FIT_SHORTEST, ColorDepth.GRAYSCALE),
            new ImageInput(64, 64, ResizeMode.FIT_SHORTEST, ColorDepth.GRAYSCALE),
            new ImageInput(48, 48, ResizeMode.FIT_SHORTEST, ColorDepth.GRAYSCALE),
            new ImageInput(32, 32, ResizeMode.FIT_SHORTEST, ColorDepth.GRAYSCALE));

    private static Impulse images(DataProfile profile, List<String> reasons, Optional<DeviceBudget> budget) {
        reasons.add((profile.imageCount() == profile.sampleCount()
                        ? "All " + profile.sampleCount()
                        : profile.imageCount() + " of the " + profile.sampleCount())
                + " samples are images, so the impulse reads images.");
        Impulse chosen = imageImpulse(IMAGE_LADDER.get(0));
        if (budget.isPresent()) {
            DeviceBudget board = budget.get();
            long needed = 0;
            for (ImageInput candidate : IMAGE_LADDER) {
                chosen = imageImpulse(candidate);
                long[] memory = imageMemory(chosen);
                needed = memory[0];
                if (memory[0] <= board.ramBytes() && memory[1] <= board.flashBytes()) {
                    needed = -1;
                    break;
                }
            }
            ImageInput input = (ImageInput) chosen.input();
            if (needed >= 0) {
                reasons.add(String.format(
                        Locale.ROOT,
                        "Even %d×%d grayscale images need %,d B of RAM for the frame and the network on the %s, "
                                + "which has %,d B for them: choose a board with more RAM.",
                        input.width(),
                        input.height(),
                        needed,
                        board.boardName(),
                        board.ramBytes()));
            } else if (!input.equals(IMAGE_LADDER.get(0))) {
                long[] largest = imageMemory(imageImpulse(IMAGE_LADDER.get(0)));
                reasons.add(String.format(
                        Locale.ROOT,
                        "96×96 colour images would need %,d B of RAM for the frame and the network on the %s, which "
                                + "has %,d B for them, so images are read smaller.",
                        largest[0],
                        board.boardName(),
                        board.ramBytes()));
            }
        }
        ImageInput input = (ImageInput) chosen.input();
        reasons.add("Images are scaled to " + input.width() + "×" + input.height()
                + " pixels (cropped to the shorter side), "
                + (input.colorDepth() == ColorDepth.RGB ? "in colour." : "in grayscale."));
        reasons.add("The image block hands the pixels, scaled to 0..1, to the network.");
        return chosen;
    }

    private static Impulse imageImpulse(ImageInput input) {
        return new Impulse(
                0, input, List.of(new ProcessingBlock(1, "Image", List.of(), ImageParams.defaults())), List.of());
    }

    /** RAM (raw frame + int8 activations) and flash (int8 weights) of an image impulse with the default network. */
    private static long[] imageMemory(Impulse impulse) {
        ImageInput input = (ImageInput) impulse.input();
        TensorShape shape = TensorShape.of(input.height(), input.width(), input.colorDepth() == ColorDepth.RGB ? 3 : 1);
        LearningBlock block = LearningBlock.defaultsFor(LearningBlock.Kind.CLASSIFICATION, FeatureKind.IMAGE, shape);
        NetworkFootprint network = NetworkFootprint.of(block, shape, 2);
        return new long[] {ImpulseDsp.of(impulse).windowBytes() + network.activationBytes(), network.weightBytes()};
    }

    private static Impulse series(DataProfile profile, List<String> reasons) {
        boolean audio = profile.kind() == SampleSummary.Kind.AUDIO;
        List<String> axes = audio ? profile.axes().subList(0, 1) : profile.axes();
        reasons.add(dataReason(profile, audio, axes));
        reasons.add(rateReason(profile));

        double fixedWindowMs = audio ? AUDIO_WINDOW_MS : SENSOR_WINDOW_MS;
        double medianMs = profile.medianMs();
        boolean continuous = medianMs >= CONTINUOUS_WINDOWS * fixedWindowMs;
        double windowMs;
        if (continuous) {
            windowMs = fixedWindowMs;
            reasons.add(String.format(
                    Locale.ROOT,
                    "The recordings are long streams (median %s), so they are cut into %s windows; "
                            + "a window moves by %s, so each moment is seen in several windows.",
                    duration(medianMs),
                    duration(windowMs),
                    duration(windowMs * STRIDE_SHARE)));
        } else {
            double grain = audio ? AUDIO_GRAIN_MS : SENSOR_GRAIN_MS;
            double covering = profile.lengthPercentileMs(COVERED_SHARE);
            windowMs = Math.max(grain, Math.ceil(covering / grain - 1e-9) * grain);
            reasons.add(String.format(
                    Locale.ROOT,
                    "The recordings are single events (%s to %s, median %s), so one window of %s covers 95 %% "
                            + "of them whole; shorter ones are padded with zeros, longer ones give a window every %s.",
                    duration(profile.minMs()),
                    duration(profile.maxMs()),
                    duration(medianMs),
                    duration(windowMs),
                    duration(windowMs * STRIDE_SHARE)));
        }
        double frequency = profile.frequencyHz();
        double strideMs = Math.max(1000.0 / frequency, windowMs * STRIDE_SHARE);
        InputBlock input = audio
                ? new AudioInput(windowMs, strideMs, frequency, true)
                : new TimeSeriesInput(windowMs, strideMs, frequency, true);
        DspParams dsp;
        String name;
        if (audio) {
            dsp = mfcc(frequency);
            name = "MFCC";
            reasons.add("MFCC turns each 20 ms of sound (every 10 ms) into 13 coefficients of 40 mel-scale bands up"
                    + " to " + hz(frequency / 2) + ": the shape of the voice's spectrum, the features"
                    + " speech models learn best from.");
        } else if (continuous) {
            dsp = SpectralAnalysisParams.defaults();
            name = "Spectral analysis";
            reasons.add("Spectral analysis sums up each window of a continuous signal (RMS, spectral power, peaks):"
                    + " what matters in a stream is its rhythm and energy, not the exact shape.");
        } else {
            dsp = RawParams.defaults();
            name = "Raw data";
            reasons.add("The raw signal goes to the network unchanged: the shape of a short movement is what tells "
                    + "events apart, and a convolutional network learns it from the readings themselves.");
        }
        return new Impulse(0, input, List.of(new ProcessingBlock(1, name, axes, dsp)), List.of());
    }

    /** MFCC with 20 ms frames every 10 ms and the next power of two over one frame as FFT. */
    static MfccParams mfcc(double frequencyHz) {
        int frameSamples = (int) Math.ceil(FRAME_MS / 1000 * frequencyHz - 1e-9);
        int fft = Math.max(16, Integer.highestOneBit(Math.max(1, frameSamples - 1)) * 2);
        return new MfccParams(
                MFCC_COEFFICIENTS,
                FRAME_MS / 1000,
                FRAME_STRIDE_MS / 1000,
                MEL_FILTERS,
                fft,
                0,
                0,
                0.98,
                WindowFunction.HAMMING,
                22);
    }

    private static String dataReason(DataProfile profile, boolean audio, List<String> axes) {
        StringBuilder text = new StringBuilder();
        String all = profile.seriesCount() == profile.sampleCount()
                ? "All " + profile.sampleCount()
                : profile.seriesCount() + " of the " + profile.sampleCount();
        if (audio) {
            text.append(all)
                    .append(" samples are sound recordings, so the impulse reads audio from the axis ")
                    .append(axes.get(0))
                    .append('.');
        } else {
            text.append(all)
                    .append(" samples are sensor recordings with the ")
                    .append(axes.size() == 1 ? "axis " : "axes ")
                    .append(String.join(", ", axes))
                    .append("; the impulse reads ")
                    .append(axes.size() == 1 ? "it." : axes.size() == 2 ? "both." : "all " + axes.size() + ".");
        }
        List<String> partial = profile.anyAxes().stream()
                .filter(axis -> !profile.axes().contains(axis))
                .toList();
        if (!partial.isEmpty()) {
            text.append(" ")
                    .append(String.join(", ", partial))
                    .append(" ")
                    .append(partial.size() == 1 ? "is" : "are")
                    .append(" left out: not every sample has ")
                    .append(partial.size() == 1 ? "it." : "them.");
        }
        if (profile.imageCount() > 0) {
            text.append(" The ")
                    .append(profile.imageCount())
                    .append(profile.imageCount() == 1 ? " image is" : " images are")
                    .append(" not read by this impulse.");
        }
        return text.toString();
    }

    private static String rateReason(DataProfile profile) {
        String rate = hz(profile.frequencyHz());
        String interval = duration(1000.0 / profile.frequencyHz());
        if (profile.otherRateCount() == 0) {
            return "The samples are recorded at " + rate + " (a reading every " + interval
                    + "), so windows are made at " + rate + " and nothing is resampled.";
        }
        return "Most samples are recorded at " + rate + " (the median interval is " + interval
                + "), so windows are made at " + rate + "; the " + profile.otherRateCount() + " sample"
                + (profile.otherRateCount() == 1 ? " recorded" : "s recorded")
                + " at another rate will be resampled to it.";
    }

    /** A duration as people write it: 850 ms, 3.15 s, 2 s. */
    static String duration(double ms) {
        if (ms < 1000) {
            return trim(ms) + " ms";
        }
        return trim(ms / 1000) + " s";
    }

    static String hz(double hz) {
        return hz >= 1000 ? trim(hz / 1000) + " kHz" : trim(hz) + " Hz";
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.3f", value);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
