package dev.edgeforge.core.impulse.suggest;

import dev.edgeforge.core.dsp.ParameterError;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.WindowedInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where an impulse does not fit a project's data, found when the impulse is saved rather than three levels deep in a
 * features job. Fields are named as in the impulse JSON.
 *
 * <p><b>Errors</b> (the impulse cannot work on this data): an image input without images or a windowed input
 * without series; a processing block reading an axis no sample has; windows at a rate more than
 * {@value #MAX_UPSAMPLING} times above the data's (mostly invented readings) or more than {@value #MAX_DOWNSAMPLING}
 * times below it (most of the signal thrown away); a window no sample can fill while zero-padding is off.
 *
 * <p><b>Warnings</b> (it works, but probably not as meant): samples that will be resampled; an axis only some samples
 * have (the features job fails on the others); windows that leave most of the recorded time unused (samples shorter
 * than the window without zero-padding, or a stride longer than the window).
 *
 * @param errors   problems that make the impulse refuse the data
 * @param warnings what the user should know before generating features
 */
public record DataFit(List<ParameterError> errors, List<ParameterError> warnings) {

    /** Rates above the data's by more than this factor are refused. */
    public static final double MAX_UPSAMPLING = 2;
    /** Rates below the data's by more than this factor are refused. */
    public static final double MAX_DOWNSAMPLING = 10;

    public DataFit {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** Nothing to say: the check of an impulse against no data. */
    public static DataFit none() {
        return new DataFit(List.of(), List.of());
    }

    /** How {@code impulse} fits the data {@code profile} sums up (the impulse's own rules are checked elsewhere). */
    public static DataFit check(Impulse impulse, DataProfile profile) {
        List<ParameterError> errors = new ArrayList<>();
        List<ParameterError> warnings = new ArrayList<>();
        if (impulse.input() instanceof ImageInput) {
            if (profile.imageCount() == 0) {
                errors.add(new ParameterError(
                        "input.type",
                        "the input reads images, but the project's " + profile.sampleCount()
                                + " samples are recordings over time; choose a time-series or audio input"));
            }
            return new DataFit(errors, warnings);
        }
        if (!(impulse.input() instanceof WindowedInput input) || !input.check().isEmpty()) {
            return new DataFit(errors, warnings);
        }
        if (profile.seriesCount() == 0) {
            errors.add(new ParameterError(
                    "input.type",
                    "the input cuts recordings into windows, but the project's " + profile.sampleCount()
                            + " samples are images; choose the image input"));
            return new DataFit(errors, warnings);
        }
        checkAxes(impulse, profile, errors, warnings);
        checkRate(input, profile, errors, warnings);
        checkWindow(input, profile, errors, warnings);
        return new DataFit(errors, warnings);
    }

    private static void checkAxes(
            Impulse impulse, DataProfile profile, List<ParameterError> errors, List<ParameterError> warnings) {
        for (int i = 0; i < impulse.processingBlocks().size(); i++) {
            ProcessingBlock block = impulse.processingBlocks().get(i);
            if (block == null) {
                continue;
            }
            String field = "processingBlocks[" + i + "].axes";
            for (String axis : block.axes()) {
                if (!profile.anyAxes().contains(axis)) {
                    errors.add(new ParameterError(
                            field,
                            "reads the axis '" + axis + "', which no sample has (the samples have "
                                    + String.join(", ", profile.anyAxes()) + ")"));
                } else if (!profile.axes().contains(axis)) {
                    warnings.add(new ParameterError(
                            field,
                            "reads the axis '" + axis + "', which only some samples have: generating features will"
                                    + " fail on the others until they are disabled"));
                }
            }
        }
    }

    private static void checkRate(
            WindowedInput input, DataProfile profile, List<ParameterError> errors, List<ParameterError> warnings) {
        double data = profile.frequencyHz();
        double windows = input.frequencyHz();
        if (!(data > 0)) {
            return;
        }
        String dataRate = ImpulseSuggester.hz(data);
        if (windows > MAX_UPSAMPLING * data + 1e-9) {
            errors.add(new ParameterError(
                    "input.frequencyHz",
                    ImpulseSuggester.hz(windows) + " is more than " + trim(MAX_UPSAMPLING)
                            + " times the samples' rate (" + dataRate + "): most readings of each window would be"
                            + " invented by resampling; use " + dataRate));
        } else if (windows < data / MAX_DOWNSAMPLING - 1e-9) {
            errors.add(new ParameterError(
                    "input.frequencyHz",
                    ImpulseSuggester.hz(windows) + " is less than a " + trim(MAX_DOWNSAMPLING)
                            + "th of the samples' rate (" + dataRate + "): resampling would throw away most of the"
                            + " signal; use " + dataRate + " or a rate closer to it"));
        } else if (DataProfile.differs(windows, data)) {
            warnings.add(new ParameterError(
                    "input.frequencyHz",
                    "the samples are recorded at " + dataRate + "; every window will be resampled to "
                            + ImpulseSuggester.hz(windows)));
        } else if (profile.otherRateCount() > 0) {
            warnings.add(new ParameterError(
                    "input.frequencyHz",
                    profile.otherRateCount() + " of " + profile.seriesCount() + " samples are recorded at another"
                            + " rate than " + dataRate + " and will be resampled"));
        }
    }

    private static void checkWindow(
            WindowedInput input, DataProfile profile, List<ParameterError> errors, List<ParameterError> warnings) {
        double window = input.windowSizeMs();
        double stride = input.windowStrideMs();
        // a recording of n readings at interval t lasts n·t ms and holds a window of n readings: allow one reading
        double slack = 1000.0 / profile.frequencyHz();
        if (!input.zeroPad() && window > profile.maxMs() + slack) {
            errors.add(new ParameterError(
                    "input.windowSizeMs",
                    ImpulseSuggester.duration(window) + " is longer than every sample (the longest lasts "
                            + ImpulseSuggester.duration(profile.maxMs()) + ") and zero-padding is off, so no sample"
                            + " would give a window; shorten the window or turn zero-padding on"));
            return;
        }
        double total = 0;
        double used = 0;
        int without = 0;
        for (double length : profile.lengthsMs()) {
            total += length;
            if (length + slack < window) {
                if (input.zeroPad()) {
                    used += length;
                } else {
                    without++;
                }
                continue;
            }
            int last = (int) Math.floor(Math.max(0, length - window) / stride + 1e-9);
            double covered = Math.min(length, stride >= window ? (last + 1) * window : last * stride + window);
            used += covered;
        }
        if (without > 0) {
            warnings.add(new ParameterError(
                    "input.windowSizeMs",
                    without + " of " + profile.lengthsMs().length + " samples are shorter than "
                            + ImpulseSuggester.duration(window) + " and give no window while zero-padding is off"));
        }
        if (total > 0 && used < 0.5 * total) {
            warnings.add(new ParameterError(
                    stride > window ? "input.windowStrideMs" : "input.windowSizeMs",
                    String.format(
                            Locale.ROOT,
                            "the windows use only %.0f %% of the recorded time%s",
                            100 * used / total,
                            stride > window
                                    ? ": the window increase is longer than the window, so the data between windows"
                                            + " is skipped"
                                    : "")));
        }
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
