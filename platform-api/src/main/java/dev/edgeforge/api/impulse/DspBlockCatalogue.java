package dev.edgeforge.api.impulse;

import dev.edgeforge.core.dsp.DspParams;
import dev.edgeforge.core.dsp.FilterType;
import dev.edgeforge.core.dsp.FlattenParams;
import dev.edgeforge.core.dsp.FlattenStat;
import dev.edgeforge.core.dsp.ImageNormalization;
import dev.edgeforge.core.dsp.ImageParams;
import dev.edgeforge.core.dsp.MfccParams;
import dev.edgeforge.core.dsp.MfeParams;
import dev.edgeforge.core.dsp.RawParams;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.dsp.SpectrogramParams;
import dev.edgeforge.core.dsp.WindowFunction;
import dev.edgeforge.core.impulse.AudioInput;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.ImpulseJson;
import dev.edgeforge.core.impulse.PixelFormat;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The processing blocks the impulse editor offers, with everything its forms need: labels, kinds, ranges, choices
 * and defaults. Defaults are read from the parameter records' {@code defaults()} (never repeated here); ranges repeat
 * the fixed limits of the blocks' checks, while limits that depend on the input (Nyquist, window length) are left to
 * the checks, whose messages the editor shows beside the field.
 */
final class DspBlockCatalogue {

    /** Which input blocks a DSP block works on. */
    private static final List<String> TIME_SERIES = List.of(TimeSeriesInput.TYPE, AudioInput.TYPE);

    private static final List<String> IMAGES = List.of(ImageInput.TYPE);

    /**
     * One processing block.
     *
     * @param type        the {@code "type"} of its parameters in the impulse JSON
     * @param title       shown to users
     * @param description what it computes and when to choose it
     * @param inputs      the input block types it works on
     * @param axes        {@code any} (one or more axes), {@code one} (exactly one axis) or {@code none} (images:
     *                    the input's colour planes)
     * @param parameters  its parameters, in form order
     */
    record Block(
            String type,
            String title,
            String description,
            List<String> inputs,
            String axes,
            List<Parameter> parameters) {}

    /**
     * One parameter of a block.
     *
     * @param name         JSON field name
     * @param label        shown to users
     * @param kind         {@code number}, {@code integer}, {@code power-of-two}, {@code boolean}, {@code choice}
     *                     (one of {@code options}) or {@code choices} (a set of {@code options})
     * @param defaultValue the default, as JSON
     * @param min          smallest accepted value, or null
     * @param max          largest accepted value, or null
     * @param minExclusive whether {@code min} itself is refused
     * @param maxExclusive whether {@code max} itself is refused
     * @param step         a sensible increment for number inputs
     * @param options      the choices of {@code choice} and {@code choices} parameters, else empty
     * @param unit         unit shown after the field (Hz, s, dB), or empty
     * @param help         one sentence on what it does and which limits depend on the input
     */
    record Parameter(
            String name,
            String label,
            String kind,
            JsonNode defaultValue,
            Double min,
            Double max,
            boolean minExclusive,
            boolean maxExclusive,
            Double step,
            List<String> options,
            String unit,
            String help) {

        /** This parameter with {@code min} itself refused. */
        Parameter excludingMin() {
            return new Parameter(
                    name, label, kind, defaultValue, min, max, true, maxExclusive, step, options, unit, help);
        }

        /** This parameter with {@code max} itself refused. */
        Parameter excludingMax() {
            return new Parameter(
                    name, label, kind, defaultValue, min, max, minExclusive, true, step, options, unit, help);
        }
    }

    private DspBlockCatalogue() {}

    static List<Block> blocks() {
        return List.of(raw(), flatten(), spectralAnalysis(), mfe(), mfcc(), spectrogram(), image());
    }

    private static Block raw() {
        JsonNode d = defaults(RawParams.defaults());
        return new Block(
                RawParams.TYPE,
                "Raw data",
                "The window's samples, scaled, interleaved axis by axis; for convolutional networks on raw signals.",
                TIME_SERIES,
                "any",
                List.of(number(d, "scale", "Scale axes", null, null, 0.1, "", "Every sample is multiplied by this.")));
    }

    private static Block flatten() {
        JsonNode d = defaults(FlattenParams.defaults());
        return new Block(
                FlattenParams.TYPE,
                "Flatten",
                "Statistics of each axis over the window; for slow-moving signals such as temperature.",
                TIME_SERIES,
                "any",
                List.of(
                        number(d, "scale", "Scale axes", null, null, 0.1, "", "Every sample is multiplied by this."),
                        choices(
                                d,
                                "stats",
                                "Statistics",
                                FlattenStat.values(),
                                "At least one; features come out in the listed order, axis after axis.")));
    }

    private static Block spectralAnalysis() {
        JsonNode d = defaults(SpectralAnalysisParams.defaults());
        return new Block(
                SpectralAnalysisParams.TYPE,
                "Spectral analysis",
                "Filtered signal statistics, spectral power per frequency bin and spectral peaks; for motion and "
                        + "vibration.",
                TIME_SERIES,
                "any",
                List.of(
                        number(d, "scale", "Scale axes", null, null, 0.1, "", "Every sample is multiplied by this."),
                        choice(
                                d,
                                "filterType",
                                "Filter",
                                FilterType.values(),
                                "Butterworth low-pass or high-pass filter before the analysis, or none."),
                        number(
                                        d,
                                        "filterCutoffHz",
                                        "Cut-off frequency",
                                        0.0,
                                        null,
                                        0.5,
                                        "Hz",
                                        "Must be below half the input frequency (Nyquist).")
                                .excludingMin(),
                        integer(d, "filterOrder", "Filter order", 1, 8, "Butterworth order, 1 to 8."),
                        powerOfTwo(d, "fftLength", "FFT length", 8, 4096, "A power of two from 8 to 4096."),
                        bool(d, "log", "Take log of spectrum", "Spectral powers as log10 values."),
                        bool(d, "overlapFfts", "Overlap FFT frames", "Consecutive FFT segments overlap by half."),
                        integer(
                                d,
                                "spectralPeakCount",
                                "Spectral peaks",
                                0,
                                null,
                                "Peaks reported per axis, 0 for none; at most half the FFT length."),
                        number(
                                d,
                                "spectralPeakThreshold",
                                "Peak threshold",
                                0.0,
                                1.0,
                                0.05,
                                "",
                                "A peak must reach this fraction of the strongest bin.")));
    }

    private static Block mfe() {
        JsonNode d = defaults(MfeParams.defaults());
        return new Block(
                MfeParams.TYPE,
                "MFE (mel filterbank energies)",
                "Log mel-scaled energies frame by frame; for non-voice audio and as input to 2D convolutions.",
                TIME_SERIES,
                "one",
                List.of(
                        frameLength(d),
                        frameStride(d),
                        integer(
                                d,
                                "filterCount",
                                "Filter count",
                                1,
                                512,
                                "Mel filters, at most 512 and at most half the FFT length."),
                        powerOfTwo(d, "fftLength", "FFT length", 16, 4096, "A power of two from 16 to 4096."),
                        lowFrequency(d),
                        highFrequency(d),
                        noiseFloor(d)));
    }

    private static Block mfcc() {
        JsonNode d = defaults(MfccParams.defaults());
        return new Block(
                MfccParams.TYPE,
                "MFCC",
                "Mel-frequency cepstral coefficients frame by frame; for human speech and keywords.",
                TIME_SERIES,
                "one",
                List.of(
                        integer(
                                d,
                                "coefficientCount",
                                "Coefficients",
                                1,
                                512,
                                "Cepstral coefficients kept, at most the filter count."),
                        frameLength(d),
                        frameStride(d),
                        integer(
                                d,
                                "filterCount",
                                "Filter count",
                                1,
                                512,
                                "Mel filters, at most 512 and at most half the FFT length."),
                        powerOfTwo(d, "fftLength", "FFT length", 16, 4096, "A power of two from 16 to 4096."),
                        lowFrequency(d),
                        highFrequency(d),
                        number(
                                        d,
                                        "preEmphasis",
                                        "Pre-emphasis",
                                        0.0,
                                        1.0,
                                        0.01,
                                        "",
                                        "y[n] = x[n] − c·x[n−1]; 0 for none, below 1.")
                                .excludingMax(),
                        choice(d, "window", "Window", WindowFunction.values(), "The taper of each frame."),
                        integer(d, "lifter", "Lifter", 0, null, "Sinusoidal lifter L, 0 for none.")));
    }

    private static Block spectrogram() {
        JsonNode d = defaults(SpectrogramParams.defaults());
        return new Block(
                SpectrogramParams.TYPE,
                "Spectrogram",
                "Power spectrum frame by frame; for audio and vibration with structure in time and frequency.",
                TIME_SERIES,
                "one",
                List.of(
                        frameLength(d),
                        frameStride(d),
                        powerOfTwo(d, "fftLength", "FFT length", 16, 4096, "A power of two from 16 to 4096."),
                        noiseFloor(d),
                        bool(d, "logScale", "Log scale", "Normalised dB in 0..1 (else the linear power).")));
    }

    private static Block image() {
        JsonNode d = defaults(ImageParams.defaults());
        return new Block(
                ImageParams.TYPE,
                "Image",
                "The resized image's pixels, normalised; size and colour depth come from the image input block. On the"
                        + " device it takes the camera's frames as they come and resizes them itself.",
                IMAGES,
                "none",
                List.of(
                        choice(
                                d,
                                "normalization",
                                "Pixel scaling",
                                ImageNormalization.values(),
                                "How pixel values 0..255 become features."),
                        integer(
                                d,
                                "cameraWidth",
                                "Camera width",
                                0,
                                2048,
                                "Width of the device camera's frames in pixels (160 for QQVGA, 320 for QVGA); 0: the"
                                        + " image input's width."),
                        integer(
                                d,
                                "cameraHeight",
                                "Camera height",
                                0,
                                2048,
                                "Height of the device camera's frames (120 for QQVGA, 240 for QVGA); 0: the image"
                                        + " input's height."),
                        choice(
                                d,
                                "pixelFormat",
                                "Camera pixel format",
                                PixelFormat.values(),
                                "How the camera delivers pixels: grayscale (1 byte), rgb565 (2 bytes, big-endian) or"
                                        + " rgb888 (3 bytes). The device keeps one frame in this format.")));
    }

    // ---- shared parameters ----

    private static Parameter frameLength(JsonNode d) {
        return number(
                        d,
                        "frameLength",
                        "Frame length",
                        0.0,
                        null,
                        0.005,
                        "s",
                        "Seconds per frame; at most the window length.")
                .excludingMin();
    }

    private static Parameter frameStride(JsonNode d) {
        return number(
                        d,
                        "frameStride",
                        "Frame stride",
                        0.0,
                        null,
                        0.005,
                        "s",
                        "Seconds between frame starts; at least one sample.")
                .excludingMin();
    }

    private static Parameter lowFrequency(JsonNode d) {
        return number(
                d,
                "lowFrequency",
                "Low frequency",
                0.0,
                null,
                10.0,
                "Hz",
                "Lowest filter edge; below the high frequency.");
    }

    private static Parameter highFrequency(JsonNode d) {
        return number(
                d,
                "highFrequency",
                "High frequency",
                0.0,
                null,
                10.0,
                "Hz",
                "Highest filter edge, 0 for Nyquist (half the input frequency).");
    }

    private static Parameter noiseFloor(JsonNode d) {
        return number(
                        d,
                        "noiseFloorDb",
                        "Noise floor",
                        null,
                        12.0,
                        1.0,
                        "dB",
                        "Levels below are set to 0; below +12 dB.")
                .excludingMax();
    }

    // ---- factories ----

    private static Parameter number(
            JsonNode d, String name, String label, Double min, Double max, double step, String unit, String help) {
        return new Parameter(name, label, "number", d.get(name), min, max, false, false, step, List.of(), unit, help);
    }

    /** @param max the largest value, or null for none */
    private static Parameter integer(JsonNode d, String name, String label, int min, Integer max, String help) {
        return new Parameter(
                name,
                label,
                "integer",
                d.get(name),
                (double) min,
                max == null ? null : (double) max,
                false,
                false,
                1.0,
                List.of(),
                "",
                help);
    }

    private static Parameter powerOfTwo(JsonNode d, String name, String label, int min, int max, String help) {
        return new Parameter(
                name,
                label,
                "power-of-two",
                d.get(name),
                (double) min,
                (double) max,
                false,
                false,
                null,
                List.of(),
                "",
                help);
    }

    private static Parameter bool(JsonNode d, String name, String label, String help) {
        return new Parameter(name, label, "boolean", d.get(name), null, null, false, false, null, List.of(), "", help);
    }

    private static Parameter choice(JsonNode d, String name, String label, Enum<?>[] values, String help) {
        return new Parameter(
                name, label, "choice", d.get(name), null, null, false, false, null, jsonNames(values), "", help);
    }

    private static Parameter choices(JsonNode d, String name, String label, Enum<?>[] values, String help) {
        return new Parameter(
                name,
                label,
                "choices",
                sorted(d.get(name), values),
                null,
                null,
                false,
                false,
                null,
                jsonNames(values),
                "",
                help);
    }

    private static JsonNode defaults(DspParams params) {
        return ImpulseJson.mapper().valueToTree(params);
    }

    /** The JSON names of enum constants ({@code @JsonProperty}), in declaration order. */
    private static List<String> jsonNames(Enum<?>[] values) {
        return Arrays.stream(values)
                .map(v -> ImpulseJson.mapper().valueToTree(v).asString())
                .toList();
    }

    /** A set default in declaration order, so the catalogue's JSON is stable. */
    private static JsonNode sorted(JsonNode set, Enum<?>[] values) {
        List<String> present = new ArrayList<>();
        set.forEach(v -> present.add(v.asString()));
        return ImpulseJson.mapper()
                .valueToTree(
                        jsonNames(values).stream().filter(present::contains).toList());
    }
}
