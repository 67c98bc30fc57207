package dev.edgeforge.core.learning;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A learning block of an impulse, as data: its kind and, for neural kinds, the hidden layers; for anomaly kinds the
 * model's settings and which labels are normal.
 *
 * <p>The output head is not part of {@link #layers()}: it depends on the number of classes or targets and is
 * appended by {@link #networkLayers(TensorShape, int)} — a flatten when the hidden layers end in a non-flat shape,
 * a dense layer with one unit per class or target and, for classification, a softmax. So "dense 20-10" is
 * {@code [dense(20, relu), dense(10, relu)]}.
 *
 * @param kind         what the block learns
 * @param layers       hidden layers of a neural block; empty for anomaly blocks
 * @param kmeans       settings of a K-means block; {@code null} for other kinds
 * @param gmm          settings of a Gaussian mixture block; {@code null} for other kinds
 * @param normalLabels anomaly blocks: the labels of normal data — training windows with these labels are learnt,
 *                     test windows with any other label are the known anomalies; empty (the default) means every
 *                     label the training set has
 */
public record LearningBlock(
        Kind kind, List<LayerSpec> layers, KMeansSettings kmeans, GmmSettings gmm, List<String> normalLabels) {

    /** What a learning block learns. */
    public enum Kind {
        /** A neural network that outputs one probability per class (softmax). */
        @JsonProperty("classification")
        CLASSIFICATION,
        /** A neural network that outputs one or more numbers. */
        @JsonProperty("regression")
        REGRESSION,
        /** K-means clusters of normal data; the anomaly score is the distance to the nearest centroid. */
        @JsonProperty("anomaly_kmeans")
        ANOMALY_KMEANS,
        /** A Gaussian mixture of normal data; the anomaly score is the negative log-likelihood. */
        @JsonProperty("anomaly_gmm")
        ANOMALY_GMM;

        /** Whether this kind is a neural network trained by the training worker's DJL trainer. */
        public boolean isNeural() {
            return this == CLASSIFICATION || this == REGRESSION;
        }

        /** Whether this kind learns normal data and scores how far a window is from it. */
        public boolean isAnomaly() {
            return !isNeural();
        }
    }

    public LearningBlock {
        Objects.requireNonNull(kind, "kind");
        layers = layers == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(layers));
        normalLabels = normalLabels == null ? List.of() : List.copyOf(normalLabels);
    }

    /** A block without anomaly settings (neural kinds) or with K-means settings only. */
    public LearningBlock(Kind kind, List<LayerSpec> layers, KMeansSettings kmeans) {
        this(kind, layers, kmeans, null, List.of());
    }

    /** A classification block with these hidden layers. */
    public static LearningBlock classification(List<LayerSpec> layers) {
        return new LearningBlock(Kind.CLASSIFICATION, layers, null);
    }

    /** A regression block with these hidden layers. */
    public static LearningBlock regression(List<LayerSpec> layers) {
        return new LearningBlock(Kind.REGRESSION, layers, null);
    }

    /** A K-means anomaly detection block learning every training label as normal. */
    public static LearningBlock anomalyKMeans(KMeansSettings settings) {
        return new LearningBlock(Kind.ANOMALY_KMEANS, List.of(), settings);
    }

    /** A Gaussian mixture anomaly detection block learning every training label as normal. */
    public static LearningBlock anomalyGmm(GmmSettings settings) {
        return new LearningBlock(Kind.ANOMALY_GMM, List.of(), null, settings, List.of());
    }

    /** This anomaly block with these normal labels (empty: every training label). */
    public LearningBlock withNormalLabels(List<String> labels) {
        return new LearningBlock(kind, layers, kmeans, gmm, labels);
    }

    /** The block of {@code kind} with the default layers for these features (see {@link DefaultArchitecture}). */
    public static LearningBlock defaultsFor(Kind kind, FeatureKind featureKind, TensorShape featureShape) {
        return switch (kind) {
            case ANOMALY_KMEANS -> anomalyKMeans(KMeansSettings.defaults());
            case ANOMALY_GMM -> anomalyGmm(GmmSettings.defaults());
            default -> new LearningBlock(kind, DefaultArchitecture.layersFor(featureKind, featureShape), null);
        };
    }

    /**
     * The full network: the hidden layers followed by the output head for {@code outputCount} classes or targets.
     * Indices of the hidden layers are unchanged, so problems found in the full network name the user's layers.
     */
    public List<LayerSpec> networkLayers(TensorShape input, int outputCount) {
        requireNeural();
        List<LayerSpec> network = new ArrayList<>(layers);
        ShapeReport hidden = ShapeInference.infer(input, layers);
        if (hidden.isValid() && hidden.outputShape().rank() > 1) {
            network.add(LayerSpec.flatten());
        }
        network.add(LayerSpec.dense(outputCount, Activation.NONE));
        if (kind == Kind.CLASSIFICATION) {
            network.add(LayerSpec.softmax());
        }
        return network;
    }

    /**
     * Every problem of this block for samples of shape {@code input} and {@code outputCount} classes or targets
     * (ignored for anomaly blocks); empty when the block can be trained.
     */
    public List<LayerProblem> problems(TensorShape input, int outputCount) {
        List<LayerProblem> problems = new ArrayList<>();
        if (kind.isAnomaly()) {
            String name = kind == Kind.ANOMALY_KMEANS ? "K-means" : "Gaussian mixture";
            if (!layers.isEmpty()) {
                problems.add(LayerProblem.ofList("a " + name + " block has no layers, got " + layers.size()));
            }
            if (kind == Kind.ANOMALY_KMEANS) {
                if (kmeans == null) {
                    problems.add(LayerProblem.ofList("a K-means block needs its kmeans settings"));
                } else {
                    kmeans.problems().forEach(p -> problems.add(LayerProblem.ofList(p)));
                }
                if (gmm != null) {
                    problems.add(LayerProblem.ofList("a K-means block has no gmm settings"));
                }
            } else {
                if (gmm == null) {
                    problems.add(LayerProblem.ofList("a Gaussian mixture block needs its gmm settings"));
                } else {
                    gmm.problems().forEach(p -> problems.add(LayerProblem.ofList(p)));
                }
                if (kmeans != null) {
                    problems.add(LayerProblem.ofList("a Gaussian mixture block has no kmeans settings"));
                }
            }
            for (String label : normalLabels) {
                if (label == null || label.isBlank()) {
                    problems.add(LayerProblem.ofList("normalLabels must not hold an empty label"));
                    break;
                }
            }
            return problems;
        }
        if (kmeans != null) {
            problems.add(LayerProblem.ofList("a " + kind.name().toLowerCase() + " block has no kmeans settings"));
        }
        if (gmm != null) {
            problems.add(LayerProblem.ofList("a " + kind.name().toLowerCase() + " block has no gmm settings"));
        }
        if (!normalLabels.isEmpty()) {
            problems.add(LayerProblem.ofList("only anomaly blocks have normalLabels"));
        }
        if (kind == Kind.CLASSIFICATION && outputCount < 2) {
            problems.add(LayerProblem.ofList("classification needs at least 2 classes, got " + outputCount));
        } else if (outputCount < 1) {
            problems.add(LayerProblem.ofList("regression needs at least 1 target, got " + outputCount));
        }
        if (problems.isEmpty()) {
            problems.addAll(ShapeInference.infer(input, networkLayers(input, outputCount))
                    .problems());
        }
        return problems;
    }

    /** Throws {@link ArchitectureViolation} listing every problem unless the block can be trained. */
    public void requireValid(TensorShape input, int outputCount) {
        List<LayerProblem> problems = problems(input, outputCount);
        if (!problems.isEmpty()) {
            throw new ArchitectureViolation(problems);
        }
    }

    private void requireNeural() {
        if (!kind.isNeural()) {
            throw new IllegalStateException("an anomaly block has no network layers");
        }
    }
}
