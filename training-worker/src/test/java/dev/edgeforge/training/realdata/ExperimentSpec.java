package dev.edgeforge.training.realdata;

import dev.edgeforge.core.dsp.MfccParams;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.impulse.AudioInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import dev.edgeforge.core.learning.Activation;
import dev.edgeforge.core.learning.Augmentation;
import dev.edgeforge.core.learning.DefaultArchitecture;
import dev.edgeforge.core.learning.EarlyStopping;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.Padding;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.learning.TimeSeriesAugmentation;
import dev.edgeforge.core.sample.SampleData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link RealDataExperiment.Config} written as one line of {@code key=value} pairs separated by commas, so a sweep
 * is a list of strings and needs no recompiling. Unset keys take the recommended defaults ({@link ProposedDefaults});
 * {@code base=current} starts from today's platform defaults instead.
 *
 * <pre>
 * impulse  suggested | issue (Edge Impulse's input and DSP defaults, as the issue used them)
 * dsp      mfe | mfcc                     audio DSP of the suggestion
 * filters  mel filters; frame, fstride: audio frame length and stride in ms; pct: window percentile (0..1);
 *          floor: MFE noise floor in dB
 * arch     default (today's DefaultArchitecture) | proposed | dense | cnn1d | cnn2d
 * f        filters (or dense units) per stage, e.g. 16-32-64;  k: kernel size;  bn: 0|1;  head: flatten | gap
 * drop     dropout rate before the head (0 for none)
 * epochs, lr, batch, seed, val (validation split), es (early-stopping patience, 0 = off), cw (class weights 0|1)
 * sched    none | plateau[:patience[:factor]] | cosine | onecycle
 * aug      none | ts:noise:shift:scale | spec:timeMasks:timeWidth:freqMasks:freqWidth:noise[:shift]
 * </pre>
 */
public final class ExperimentSpec {

    private ExperimentSpec() {}

    public static RealDataExperiment.Config parse(String spec) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("'" + part + "' is not key=value in " + spec);
            }
            kv.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        String base = kv.getOrDefault("base", "p0");
        boolean current = "current".equals(base);
        boolean proposed = "final".equals(base);
        ImpulseSuggestion suggestion = proposed
                ? ProposedDefaults.suggestion()
                : ImpulseSuggestion.recommended().withAudioDsp("mfe");
        if (kv.containsKey("dsp")) {
            suggestion = suggestion.withAudioDsp(kv.get("dsp"));
        }
        if (kv.containsKey("filters")) {
            suggestion = suggestion.withMelFilters(Integer.parseInt(kv.get("filters")));
        }
        if (kv.containsKey("frame") || kv.containsKey("fstride")) {
            suggestion = suggestion.withFrames(
                    Double.parseDouble(kv.getOrDefault("frame", "20")),
                    Double.parseDouble(kv.getOrDefault("fstride", "10")));
        }
        if (kv.containsKey("floor")) {
            suggestion = suggestion.withNoiseFloorDb(Double.parseDouble(kv.get("floor")));
        }
        if (kv.containsKey("pct")) {
            suggestion = suggestion.withWindowPercentile(Double.parseDouble(kv.get("pct")));
        }
        ImpulseSuggestion chosen = suggestion;
        Function<List<SampleData>, Impulse> impulse =
                "issue".equals(kv.get("impulse")) ? ExperimentSpec::issueImpulse : chosen::suggest;
        return new RealDataExperiment.Config(
                spec,
                impulse,
                input -> architecture(kv, input, current, proposed),
                input -> hyperparameters(kv, input, current, proposed));
    }

    /** What the issue ran: Edge Impulse's input defaults with spectral analysis (sensors) or MFCC (audio). */
    static Impulse issueImpulse(List<SampleData> training) {
        DataProfile profile = DataProfile.of(training);
        if (profile.audio()) {
            return new Impulse(
                    1,
                    AudioInput.defaults(),
                    List.of(new ProcessingBlock(1, "MFCC", profile.axes().subList(0, 1), MfccParams.defaults())),
                    List.of());
        }
        return new Impulse(
                1,
                TimeSeriesInput.defaults(),
                List.of(new ProcessingBlock(1, "Spectral analysis", profile.axes(), SpectralAnalysisParams.defaults())),
                List.of());
    }

    static LearningBlock architecture(
            Map<String, String> kv, RealDataExperiment.FeatureInput input, boolean current, boolean proposed) {
        String arch = kv.getOrDefault("arch", current ? "default" : proposed ? "proposed" : "cnn1d");
        FeatureKind kind = input.kind();
        TensorShape shape = input.shape();
        return switch (arch) {
            case "default" -> LearningBlock.classification(DefaultArchitecture.layersFor(kind, shape));
            case "proposed" -> LearningBlock.classification(ProposedDefaults.layersFor(kind, shape));
            case "dense" -> LearningBlock.classification(dense(kv, shape));
            case "cnn1d" -> LearningBlock.classification(cnn1d(kv, shape));
            case "cnn2d" -> LearningBlock.classification(cnn2d(kv, shape));
            default -> throw new IllegalArgumentException("unknown arch " + arch);
        };
    }

    private static int[] ints(String value) {
        return Arrays.stream(value.split("-")).mapToInt(Integer::parseInt).toArray();
    }

    private static List<LayerSpec> dense(Map<String, String> kv, TensorShape shape) {
        List<LayerSpec> layers = new ArrayList<>();
        if (shape.rank() > 1) {
            layers.add(LayerSpec.flatten());
        }
        for (int units : ints(kv.getOrDefault("f", "20-10"))) {
            layers.add(LayerSpec.dense(units, Activation.RELU));
        }
        return layers;
    }

    /** Conv1d stages (conv, optional batch norm, relu, max pool 2 while the time axis allows) and a head. */
    static List<LayerSpec> cnn1d(Map<String, String> kv, TensorShape shape) {
        int kernel = Integer.parseInt(kv.getOrDefault("k", "5"));
        boolean bn = !"0".equals(kv.getOrDefault("bn", "1"));
        int time = shape.dim(0);
        List<LayerSpec> layers = new ArrayList<>();
        for (int filters : ints(kv.getOrDefault("f", "16-32-64"))) {
            layers.add(LayerSpec.conv1d(filters, kernel, 1, Padding.SAME, bn ? Activation.NONE : Activation.RELU));
            if (bn) {
                layers.add(LayerSpec.batchNorm());
                layers.add(LayerSpec.relu());
            }
            if (time >= 4) {
                layers.add(LayerSpec.maxPool1d(2, 2));
                time /= 2;
            }
        }
        head(kv, layers, time);
        return layers;
    }

    /** Conv2d 3×3 stages on {@code [frames, bins, 1]} and a head. */
    static List<LayerSpec> cnn2d(Map<String, String> kv, TensorShape shape) {
        boolean bn = !"0".equals(kv.getOrDefault("bn", "1"));
        List<LayerSpec> layers = new ArrayList<>();
        int h = shape.dim(0);
        int w = shape.dim(1);
        if (shape.rank() == 2) {
            layers.add(LayerSpec.reshape(h, w, 1));
        }
        for (int filters : ints(kv.getOrDefault("f", "8-16"))) {
            layers.add(LayerSpec.conv2d(filters, 3, 3, 1, Padding.SAME, bn ? Activation.NONE : Activation.RELU));
            if (bn) {
                layers.add(LayerSpec.batchNorm());
                layers.add(LayerSpec.relu());
            }
            if (h >= 4 && w >= 4) {
                layers.add(LayerSpec.maxPool2d(2, 2));
                h /= 2;
                w /= 2;
            }
        }
        if ("gap".equals(kv.getOrDefault("head", "flatten"))) {
            layers.add(LayerSpec.averagePool2d(Math.min(h, w), Math.min(h, w)));
        }
        double drop = Double.parseDouble(kv.getOrDefault("drop", "0.25"));
        if (drop > 0) {
            layers.add(LayerSpec.dropout(drop));
        }
        layers.add(LayerSpec.flatten());
        return layers;
    }

    private static void head(Map<String, String> kv, List<LayerSpec> layers, int time) {
        if ("gap".equals(kv.getOrDefault("head", "flatten"))) {
            layers.add(LayerSpec.averagePool1d(time, time));
        }
        double drop = Double.parseDouble(kv.getOrDefault("drop", "0.25"));
        if (drop > 0) {
            layers.add(LayerSpec.dropout(drop));
        }
        layers.add(LayerSpec.flatten());
    }

    static Hyperparameters hyperparameters(
            Map<String, String> kv, RealDataExperiment.FeatureInput input, boolean current, boolean proposed) {
        Hyperparameters h = current
                ? Hyperparameters.defaults()
                : proposed
                        ? ProposedDefaults.hyperparameters(input.kind(), input.shape())
                        : Hyperparameters.defaults()
                                .withEpochs(200)
                                .withLearningRate(0.001)
                                .withEarlyStopping(new EarlyStopping(20, 0));
        if (kv.containsKey("epochs")) {
            h = h.withEpochs(Integer.parseInt(kv.get("epochs")));
        }
        if (kv.containsKey("lr")) {
            h = h.withLearningRate(Double.parseDouble(kv.get("lr")));
        }
        if (kv.containsKey("batch")) {
            h = h.withBatchSize(Integer.parseInt(kv.get("batch")));
        }
        if (kv.containsKey("seed")) {
            h = h.withSeed(Long.parseLong(kv.get("seed")));
        }
        if (kv.containsKey("val")) {
            h = h.withValidationSplit(Double.parseDouble(kv.get("val")));
        }
        if (kv.containsKey("cw")) {
            h = h.withAutoClassWeights("1".equals(kv.get("cw")));
        }
        if (kv.containsKey("es")) {
            int patience = Integer.parseInt(kv.get("es"));
            h = h.withEarlyStopping(patience == 0 ? null : new EarlyStopping(patience, 0));
        }
        if (kv.containsKey("sched")) {
            h = ProposedDefaults.withSchedule(h, kv.get("sched"));
        }
        if (kv.containsKey("aug")) {
            h = h.withAugmentation(augmentation(kv.get("aug")));
        }
        return h;
    }

    static Augmentation augmentation(String value) {
        String[] p = value.split(":");
        return switch (p[0]) {
            case "none" -> null;
            case "ts" ->
                Augmentation.of(new TimeSeriesAugmentation(
                        Double.parseDouble(p[1]), Double.parseDouble(p[2]), Double.parseDouble(p[3])));
            case "spec" ->
                Augmentation.of(ProposedDefaults.spectrogramAugmentation(
                        Integer.parseInt(p[1]),
                        Integer.parseInt(p[2]),
                        Integer.parseInt(p[3]),
                        Integer.parseInt(p[4]),
                        Double.parseDouble(p[5]),
                        p.length > 6 ? Double.parseDouble(p[6]) : 0));
            default -> throw new IllegalArgumentException("unknown augmentation " + value);
        };
    }
}
