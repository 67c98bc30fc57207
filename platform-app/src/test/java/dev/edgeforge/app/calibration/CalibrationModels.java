package dev.edgeforge.app.calibration;

import dev.edgeforge.core.feature.FeatureExtractor;
import dev.edgeforge.core.feature.FeatureSource;
import dev.edgeforge.core.feature.WindowFeatures;
import dev.edgeforge.core.format.wav.WavReader;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.suggest.FeatureInput;
import dev.edgeforge.core.impulse.suggest.ImpulseSuggester;
import dev.edgeforge.core.impulse.suggest.SampleSummary;
import dev.edgeforge.core.learning.Activation;
import dev.edgeforge.core.learning.DefaultArchitecture;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.Padding;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.learning.export.Int8Export;
import dev.edgeforge.core.learning.export.TrainedNetworkConverter;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import dev.edgeforge.core.tflite.TfliteReader;
import dev.edgeforge.training.trainer.Trainer;
import dev.edgeforge.training.trainer.TrainingResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The networks the deployment estimator is calibrated on: the four MLPerf Tiny int8 models and networks trained on
 * the real recordings of {@code shared/datasets} (uWave gestures as raw windows; spoken digits as MFCC), in the
 * families the platform trains: {@code DefaultArchitecture}'s conv1d stacks, and the tuner's conv2d (3x3, stride 2),
 * depthwise-separable (depthwise kx1, pointwise 1x1) and dense networks. Training is short (a few epochs): the
 * instruction counts depend on the shapes and on which kernels the quantized weights allow, not on accuracy.
 */
public final class CalibrationModels {

    /**
     * One network to measure.
     *
     * @param name short name
     * @param what what it is, for people
     * @param int8 the quantized network
     */
    public record Network(String name, String what, ModelGraph int8) {}

    private static final long SEED = 7;

    private CalibrationModels() {}

    /** The four MLPerf Tiny models of {@code shared/models/mlperf-tiny}. */
    public static List<Network> mlperfTiny() {
        Path folder = shared().resolve("models").resolve("mlperf-tiny");
        List<Network> networks = new ArrayList<>();
        for (String[] model : List.of(
                new String[] {"kws", "kws_ref_model", "MLPerf Tiny KWS DS-CNN"},
                new String[] {"resnet8", "pretrainedResnet_quant", "MLPerf Tiny ResNet-8"},
                new String[] {"vww", "vww_96_int8", "MLPerf Tiny VWW MobileNet 0.25"},
                new String[] {"ad", "ad01_int8", "MLPerf Tiny AD autoencoder"})) {
            try {
                byte[] bytes = Files.readAllBytes(folder.resolve(model[1] + ".tflite"));
                networks.add(new Network(model[0], model[2], new TfliteReader().read(bytes)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return networks;
    }

    /** Networks trained on uWave gestures and spoken digits, {@code epochs} epochs each. */
    public static List<Network> trainedOnRealData(int epochs) {
        List<Network> networks = new ArrayList<>();
        Labelled uwave = uwave();
        Impulse uwaveImpulse = suggested(uwave);
        FeatureSet gestures = features(uwaveImpulse, uwave);
        networks.add(train(
                "uwave-conv1d",
                "uWave gestures, raw windows, default conv1d network (kernel 5)",
                gestures,
                DefaultArchitecture.layersFor(
                        gestures.input().kind(), gestures.input().shape()),
                epochs));
        networks.add(train(
                "uwave-conv2d",
                "uWave gestures, raw windows as [time, axes, 1], conv2d 3x3 stride 2 (8, 16 filters)",
                gestures,
                conv2d(gestures.input().shape()),
                epochs));
        networks.add(train(
                "uwave-dwsep",
                "uWave gestures, raw windows as [time, 1, axes], depthwise 5x1 stride 2 + pointwise 1x1 (16, 32)",
                gestures,
                depthwiseSeparable(gestures.input().shape()),
                epochs));
        networks.add(train(
                "uwave-dense",
                "uWave gestures, raw windows, dense 32-16",
                gestures,
                List.of(
                        LayerSpec.flatten(),
                        LayerSpec.dense(32, Activation.RELU),
                        LayerSpec.dense(16, Activation.RELU)),
                epochs));
        Labelled digits = fsdd();
        Impulse digitsImpulse = suggested(digits);
        FeatureSet mfcc = features(digitsImpulse, digits);
        networks.add(train(
                "fsdd-mfcc-conv1d",
                "spoken digits, MFCC features, default conv1d network (kernel 3)",
                mfcc,
                DefaultArchitecture.layersFor(mfcc.input().kind(), mfcc.input().shape()),
                epochs));
        return networks;
    }

    private record Labelled(List<SampleData> samples, List<String> labels) {}

    private record FeatureSet(FeatureInput input, float[][] rows, int[] labels, List<String> classes) {}

    private static Network train(String name, String what, FeatureSet set, List<LayerSpec> layers, int epochs) {
        TrainingResult result = Trainer.builder()
                .setArchitecture(LearningBlock.classification(layers))
                .setHyperparameters(new Hyperparameters(epochs, 0.003, 32, 0.1, true, SEED, null, null, null))
                .setFeatures(set.rows(), set.input().shape(), set.input().kind())
                .setClassLabels(set.labels(), set.classes())
                .build()
                .train();
        ModelGraph float32 = new TrainedNetworkConverter().convert(result.network());
        ModelGraph int8 = Int8Export.quantize(float32, set.rows(), set.labels(), result.trainIndices(), SEED)
                .int8();
        return new Network(name, what, int8);
    }

    /** As the tuner's conv2d family: 3x3 convolutions with stride 2 on {@code [time, axes, 1]}, then the average. */
    private static List<LayerSpec> conv2d(TensorShape series) {
        int h = series.dim(0);
        int w = series.dim(1);
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(LayerSpec.reshape(h, w, 1));
        int filters = 8;
        for (int i = 0; i < 2; i++) {
            layers.add(LayerSpec.conv2d(filters, 3, 3, 2, Padding.SAME, Activation.NONE));
            layers.add(LayerSpec.batchNorm());
            layers.add(LayerSpec.relu());
            h = (h + 1) / 2;
            w = (w + 1) / 2;
            filters *= 2;
        }
        layers.add(LayerSpec.reshape(h * w, filters / 2));
        layers.add(LayerSpec.averagePool1d(h * w, h * w));
        layers.add(LayerSpec.flatten());
        return layers;
    }

    /** As the tuner's depthwise-separable family on {@code [time, 1, axes]}: depthwise 5x1 stride 2, pointwise 1x1. */
    private static List<LayerSpec> depthwiseSeparable(TensorShape series) {
        int h = series.dim(0);
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(LayerSpec.reshape(h, 1, series.dim(1)));
        int filters = 16;
        for (int i = 0; i < 2; i++) {
            layers.add(LayerSpec.depthwiseConv2d(5, 1, 1, 2, Padding.SAME, Activation.NONE));
            layers.add(LayerSpec.batchNorm());
            layers.add(LayerSpec.relu());
            layers.add(LayerSpec.conv2d(filters, 1, 1, 1, Padding.SAME, Activation.NONE));
            layers.add(LayerSpec.batchNorm());
            layers.add(LayerSpec.relu());
            h = (h + 1) / 2;
            filters *= 2;
        }
        layers.add(LayerSpec.reshape(h, filters / 2));
        layers.add(LayerSpec.averagePool1d(h, h));
        layers.add(LayerSpec.flatten());
        return layers;
    }

    /** The impulse the platform suggests for the data, numbered 1 (a suggestion is version 0 until it is saved). */
    private static Impulse suggested(Labelled data) {
        Impulse suggestion = ImpulseSuggester.suggest(
                        data.samples().stream().map(SampleSummary::of).toList())
                .impulse();
        return new Impulse(1, suggestion.input(), suggestion.processingBlocks(), null);
    }

    private static FeatureSet features(Impulse impulse, Labelled data) {
        FeatureInput input = FeatureInput.of(impulse).orElseThrow();
        FeatureExtractor extractor = new FeatureExtractor(impulse);
        List<String> classes = data.labels().stream().distinct().sorted().toList();
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < data.samples().size(); i++) {
            for (WindowFeatures window :
                    extractor.compute(FeatureSource.of(data.samples().get(i)))) {
                rows.add(window.features());
                labels.add(classes.indexOf(data.labels().get(i)));
            }
        }
        return new FeatureSet(
                input,
                rows.toArray(float[][]::new),
                labels.stream().mapToInt(Integer::intValue).toArray(),
                classes);
    }

    /** The 896 uWave gestures: three axes of 315 readings at about 100 Hz. */
    private static Labelled uwave() {
        Path dir = shared().resolve("datasets").resolve("uwave-gestures");
        List<List<String[]>> axes = new ArrayList<>();
        for (String axis : List.of("X", "Y", "Z")) {
            axes.add(tsv(dir.resolve("UWaveGestureLibrary" + axis + "_TRAIN.tsv")));
        }
        List<Sensor> sensors = List.of(new Sensor("accX", "g"), new Sensor("accY", "g"), new Sensor("accZ", "g"));
        List<SampleData> samples = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int line = 0; line < axes.get(0).size(); line++) {
            float[][] values = new float[3][];
            for (int a = 0; a < 3; a++) {
                String[] fields = axes.get(a).get(line);
                values[a] = new float[fields.length - 1];
                for (int i = 1; i < fields.length; i++) {
                    values[a][i - 1] = Float.parseFloat(fields[i]);
                }
            }
            samples.add(SampleData.timeSeries(sensors, 10.0, values));
            labels.add(Integer.toString((int) Double.parseDouble(axes.get(0).get(line)[0])));
        }
        return new Labelled(samples, labels);
    }

    /** Every fifth spoken-digit recording (300 of 1,500: 8 kHz mono), label the digit. */
    private static Labelled fsdd() {
        Path dir = shared().resolve("datasets").resolve("fsdd-dev");
        List<SampleData> samples = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> wavs = files.filter(f -> f.getFileName().toString().matches("\\d_[a-z]+_\\d+\\.wav"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
            for (int i = 0; i < wavs.size(); i += 5) {
                samples.add(WavReader.read(Files.readAllBytes(wavs.get(i))).data());
                labels.add(wavs.get(i).getFileName().toString().substring(0, 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Labelled(samples, labels);
    }

    private static List<String[]> tsv(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> !line.isBlank())
                    .map(line -> line.trim().split("\t"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code shared} folder (datasets and models), found upwards from the working directory. */
    public static Path shared() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("datasets"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/datasets above "
                + Path.of("").toAbsolutePath() + ": the calibration needs the real recordings and models of shared/");
    }
}
