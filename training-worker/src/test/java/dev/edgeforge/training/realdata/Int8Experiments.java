package dev.edgeforge.training.realdata;

import dev.edgeforge.core.dsp.FilterType;
import dev.edgeforge.core.dsp.MfccParams;
import dev.edgeforge.core.dsp.MfeParams;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.feature.FeatureExtractor;
import dev.edgeforge.core.feature.FeatureSource;
import dev.edgeforge.core.feature.WindowFeatures;
import dev.edgeforge.core.impulse.AudioInput;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import dev.edgeforge.core.learning.DefaultArchitecture;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.export.CalibrationSet;
import dev.edgeforge.core.learning.export.TrainedNetworkConverter;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.Quantization;
import dev.edgeforge.core.model.stats.GraphPredictor;
import dev.edgeforge.core.quantization.CalibrationMethod;
import dev.edgeforge.core.quantization.PostTrainingQuantizer;
import dev.edgeforge.core.quantization.QuantizationOptions;
import dev.edgeforge.training.trainer.Trainer;
import dev.edgeforge.training.trainer.TrainingResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Research for issue #19: why int8 loses spectral models. Trains the default learning block on one real dataset and
 * feature kind ({@code uwave-spectral}, {@code uwave-spectral-full}, {@code fsdd-spectral}, {@code fsdd-mfe},
 * {@code fsdd-mfcc}) and prints int8-vs-float32 agreement on the test windows for several quantization choices, and
 * what rounding the input alone costs. Run like {@link DefaultsExperiments}; {@code -Depochs=N} (default 60).
 */
public final class Int8Experiments {

    private Int8Experiments() {}

    public static void main(String[] args) {
        for (String what : args) {
            run(what);
        }
    }

    static Impulse impulse(String what) {
        return switch (what) {
            case "fsdd-spectral" ->
                new Impulse(
                        1,
                        new AudioInput(1000, 500, 8000, true),
                        List.of(new ProcessingBlock(
                                1,
                                "Spectral analysis",
                                List.of("audio"),
                                new SpectralAnalysisParams(1.0, FilterType.NONE, 3.0, 6, 256, true, true, 0, 0.1))),
                        List.of());
            case "fsdd-mfe" ->
                new Impulse(
                        1,
                        new AudioInput(1000, 500, 8000, true),
                        List.of(new ProcessingBlock(1, "MFE", List.of("audio"), MfeParams.defaults())),
                        List.of());
            case "fsdd-mfcc" ->
                new Impulse(
                        1,
                        new AudioInput(1000, 500, 8000, true),
                        List.of(new ProcessingBlock(1, "MFCC", List.of("audio"), MfccParams.defaults())),
                        List.of());
            case "uwave-spectral" ->
                new Impulse(
                        1,
                        new TimeSeriesInput(1000, 500, 100, true),
                        List.of(new ProcessingBlock(
                                1,
                                "Spectral analysis",
                                RealDatasets.UWAVE_AXES,
                                new SpectralAnalysisParams(1.0, FilterType.NONE, 3.0, 6, 64, true, true, 0, 0.1))),
                        List.of());
            case "uwave-spectral-full" ->
                new Impulse(
                        1,
                        new TimeSeriesInput(3150, 3150, 100, true),
                        List.of(new ProcessingBlock(
                                1,
                                "Spectral analysis",
                                RealDatasets.UWAVE_AXES,
                                new SpectralAnalysisParams(1.0, FilterType.NONE, 3.0, 6, 64, true, true, 0, 0.1))),
                        List.of());
            default -> throw new IllegalArgumentException(what);
        };
    }

    static void run(String what) {
        RealSplit split = what.startsWith("fsdd")
                ? RealDatasets.fsddStandard(RealDatasets.fsdd())
                : RealDatasets.uwaveLastLines(RealDatasets.uwave(), 196);
        Impulse impulse = impulse(what);
        List<String> classes = split.train().stream()
                .map(RealSample::label)
                .distinct()
                .sorted()
                .toList();
        float[][][] train = features(impulse, split.train(), classes);
        float[][][] test = features(impulse, split.test(), classes);
        float[][] trainRows = train[0];
        int[] trainLabels = labels(train[1]);
        RealDataExperiment.FeatureInput input = RealDataExperiment.featureInput(impulse);
        System.out.println("== " + what + " " + input + " train " + trainRows.length + " test " + test[0].length);
        ranges(trainRows);
        Hyperparameters h = Hyperparameters.defaults().withEpochs(Integer.getInteger("epochs", 60));
        TrainingResult result = Trainer.builder()
                .setArchitecture(
                        LearningBlock.classification(DefaultArchitecture.layersFor(input.kind(), input.shape())))
                .setHyperparameters(h)
                .setFeatures(trainRows, input.shape(), input.kind())
                .setClassLabels(trainLabels, classes)
                .build()
                .train();
        ModelGraph float32 = new TrainedNetworkConverter().convert(result.network());
        List<float[]> cal =
                CalibrationSet.selectStratified(trainRows, trainLabels, result.trainIndices(), 300, h.seed());
        List<float[]> calAll =
                CalibrationSet.selectStratified(trainRows, trainLabels, result.trainIndices(), 2000, h.seed());
        report(what, "minmax/300/fc-tensor", float32, new PostTrainingQuantizer().quantize(float32, cal), test);
        report(
                what,
                "mse/300/fc-channel",
                float32,
                new PostTrainingQuantizer(QuantizationOptions.recommended()).quantize(float32, cal),
                test);
        report(
                what,
                "mse/2000/fc-channel",
                float32,
                new PostTrainingQuantizer(QuantizationOptions.recommended()).quantize(float32, calAll),
                test);
        for (double p : new double[] {99.9}) {
            report(
                    what,
                    "pct" + p + "/2000/fc-channel",
                    float32,
                    new PostTrainingQuantizer(new QuantizationOptions(CalibrationMethod.PERCENTILE, p, true))
                            .quantize(float32, calAll),
                    test);
        }
        // input quantization only: the float graph fed with features rounded to the int8 input grid
        ModelGraph q = new PostTrainingQuantizer(new QuantizationOptions(CalibrationMethod.MIN_MAX, 100, true))
                .quantize(float32, calAll);
        Quantization iq = q.inputTensor(0).quantization();
        GraphPredictor f = new GraphPredictor(float32);
        int agree = 0;
        for (float[] row : test[0]) {
            float[] r = row.clone();
            for (int i = 0; i < r.length; i++) {
                long v = Math.max(-128, Math.min(127, Math.round(r[i] / iq.scale()) + iq.zeroPoint()));
                r[i] = (v - iq.zeroPoint()) * iq.scale();
            }
            agree += GraphPredictor.argmax(f.predict(r)) == GraphPredictor.argmax(f.predict(row)) ? 1 : 0;
        }
        System.out.printf(
                Locale.ROOT,
                "[%s] input-rounding only: agreement %.4f (input scale %.5g zp %d)%n",
                what,
                (double) agree / test[0].length,
                iq.scale(),
                iq.zeroPoint());
    }

    static void report(String what, String name, ModelGraph float32, ModelGraph int8, float[][][] test) {
        GraphPredictor f = new GraphPredictor(float32);
        GraphPredictor q = new GraphPredictor(int8);
        int agree = 0;
        int fc = 0;
        int qc = 0;
        for (int i = 0; i < test[0].length; i++) {
            int a = GraphPredictor.argmax(f.predict(test[0][i]));
            int b = GraphPredictor.argmax(q.predict(test[0][i]));
            int l = (int) test[1][i][0];
            agree += a == b ? 1 : 0;
            fc += a == l ? 1 : 0;
            qc += b == l ? 1 : 0;
        }
        int n = test[0].length;
        System.out.printf(
                Locale.ROOT,
                "[%s] %-28s agreement %.4f float %.4f int8 %.4f%n",
                what,
                name,
                (double) agree / n,
                (double) fc / n,
                (double) qc / n);
    }

    static void ranges(float[][] rows) {
        int n = rows[0].length;
        float[] min = new float[n];
        float[] max = new float[n];
        Arrays.fill(min, Float.MAX_VALUE);
        Arrays.fill(max, -Float.MAX_VALUE);
        for (float[] r : rows) {
            for (int i = 0; i < n; i++) {
                min[i] = Math.min(min[i], r[i]);
                max[i] = Math.max(max[i], r[i]);
            }
        }
        StringBuilder sb = new StringBuilder("  feature ranges (first 8, overall): ");
        float gmin = Float.MAX_VALUE;
        float gmax = -Float.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            if (i < 8) {
                sb.append(String.format(Locale.ROOT, "[%.3g,%.3g] ", min[i], max[i]));
            }
            gmin = Math.min(gmin, min[i]);
            gmax = Math.max(gmax, max[i]);
        }
        sb.append(String.format(Locale.ROOT, " all [%.4g, %.4g]", gmin, gmax));
        System.out.println(sb);
    }

    static int[] labels(float[][] l) {
        int[] out = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            out[i] = (int) l[i][0];
        }
        return out;
    }

    static float[][][] features(Impulse impulse, List<RealSample> samples, List<String> classes) {
        FeatureExtractor extractor = new FeatureExtractor(impulse);
        List<float[]> rows = new ArrayList<>();
        List<float[]> labels = new ArrayList<>();
        for (RealSample s : samples) {
            for (WindowFeatures w : extractor.compute(FeatureSource.of(s.data()))) {
                rows.add(w.features());
                labels.add(new float[] {classes.indexOf(s.label())});
            }
        }
        return new float[][][] {rows.toArray(float[][]::new), labels.toArray(float[][]::new)};
    }
}
