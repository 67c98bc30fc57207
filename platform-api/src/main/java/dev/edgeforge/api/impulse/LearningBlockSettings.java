package dev.edgeforge.api.impulse;

import dev.edgeforge.api.problem.FieldProblem;
import dev.edgeforge.core.dsp.DspParams;
import dev.edgeforge.core.dsp.FeatureShape;
import dev.edgeforge.core.dsp.FlattenParams;
import dev.edgeforge.core.dsp.ImageParams;
import dev.edgeforge.core.dsp.RawParams;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.LearningBlockRef;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.LayerProblem;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.NetworkFootprint;
import dev.edgeforge.core.learning.TensorShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code settings} of an impulse's learning blocks. The impulse model keeps them opaque; here they are the JSON
 * of a {@link LearningBlock} ({@code kind}, {@code layers}, {@code kmeans}), whose {@code kind} is the learning
 * block's {@code type}. Unknown members are kept and ignored, so the training feature can add its own (e.g.
 * hyperparameters) without this check refusing them.
 */
final class LearningBlockSettings {

    /** Reads settings leniently: unknown members belong to other features. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LearningBlockSettings() {}

    /** The learning block kinds, as their JSON names ({@code classification}, …). */
    static List<String> kinds() {
        return Arrays.stream(LearningBlock.Kind.values())
                .map(LearningBlockSettings::name)
                .toList();
    }

    static String name(LearningBlock.Kind kind) {
        return JSON.valueToTree(kind).asString();
    }

    static Optional<LearningBlock.Kind> kind(String name) {
        return Arrays.stream(LearningBlock.Kind.values())
                .filter(k -> name(k).equals(name))
                .findFirst();
    }

    /**
     * What the learning block sees: the kind and shape of its input features.
     *
     * @param kind  decides the default architecture
     * @param shape one window's features as the network's input
     */
    record FeatureInput(FeatureKind kind, TensorShape shape) {}

    /**
     * The input of a learning block reading {@code inputs} (processing block ids, empty for all), or empty when the
     * processing blocks cannot say (invalid parameters, none at all).
     */
    static Optional<FeatureInput> featureInput(Impulse impulse, List<Integer> inputs) {
        List<ProcessingBlock> blocks = impulse.processingBlocks().stream()
                .filter(b -> inputs.isEmpty() || inputs.contains(b.id()))
                .toList();
        if (blocks.isEmpty()
                || impulse.input() == null
                || !impulse.input().check().isEmpty()) {
            return Optional.empty();
        }
        List<FeatureShape> shapes = new ArrayList<>();
        for (ProcessingBlock block : blocks) {
            if (block.params() == null
                    || !block.createBlock().check(impulse.signalShapeFor(block)).isEmpty()) {
                return Optional.empty();
            }
            shapes.add(block.createBlock().outputShape(impulse.signalShapeFor(block)));
        }
        if (blocks.size() > 1) {
            // several blocks' features are concatenated into one flat vector
            return Optional.of(new FeatureInput(
                    FeatureKind.FLAT,
                    TensorShape.of(
                            shapes.stream().mapToInt(FeatureShape::length).sum())));
        }
        TensorShape shape = new TensorShape(shapes.get(0).dims());
        return Optional.of(new FeatureInput(featureKind(blocks.get(0).params()), shape));
    }

    static FeatureKind featureKind(DspParams params) {
        if (params instanceof RawParams) {
            return FeatureKind.TIME_SERIES;
        }
        if (params instanceof FlattenParams || params instanceof SpectralAnalysisParams) {
            return FeatureKind.FLAT;
        }
        if (params instanceof ImageParams) {
            return FeatureKind.IMAGE;
        }
        return FeatureKind.SPECTROGRAM;
    }

    /**
     * Default settings of a learning block of {@code kind} reading {@code inputs} of {@code impulse}: the default
     * architecture for its features, or dense 20-10 when the features are not known yet.
     */
    static JsonNode defaults(LearningBlock.Kind kind, Impulse impulse, List<Integer> inputs) {
        FeatureInput input =
                featureInput(impulse, inputs).orElse(new FeatureInput(FeatureKind.FLAT, TensorShape.of(1)));
        return JSON.valueToTree(LearningBlock.defaultsFor(kind, input.kind(), input.shape()));
    }

    /**
     * The int8 footprint of the impulse's first neural learning block (its settings, or the defaults for its features
     * when it has none), with the smallest output head (two classes, or one target); empty when there is no neural
     * block or its layers do not fit the features.
     */
    static Optional<NetworkFootprint> network(Impulse impulse) {
        for (LearningBlockRef ref : impulse.learningBlocks()) {
            Optional<LearningBlock.Kind> kind = ref == null ? Optional.empty() : kind(ref.type());
            if (kind.isEmpty() || !kind.get().isNeural()) {
                continue;
            }
            Optional<FeatureInput> input = featureInput(impulse, ref.inputs());
            if (input.isEmpty()) {
                return Optional.empty();
            }
            LearningBlock block;
            if (ref.settings() == null || ref.settings().isNull()) {
                block = LearningBlock.defaultsFor(
                        kind.get(), input.get().kind(), input.get().shape());
            } else if (ref.settings() instanceof ObjectNode settings) {
                ObjectNode withKind = settings.deepCopy();
                withKind.put("kind", name(kind.get()));
                try {
                    block = JSON.treeToValue(withKind, LearningBlock.class);
                } catch (JacksonException e) {
                    return Optional.empty(); // check() reports it
                }
            } else {
                return Optional.empty();
            }
            int outputs = kind.get() == LearningBlock.Kind.CLASSIFICATION ? 2 : 1;
            if (!block.problems(input.get().shape(), outputs).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(NetworkFootprint.of(block, input.get().shape(), outputs));
        }
        return Optional.empty();
    }

    /** Every problem with the learning blocks' settings, fields named as in the impulse JSON. */
    static List<FieldProblem> check(Impulse impulse) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < impulse.learningBlocks().size(); i++) {
            LearningBlockRef ref = impulse.learningBlocks().get(i);
            if (ref == null) {
                continue; // the impulse's own check reports it
            }
            String at = "learningBlocks[" + i + "]";
            Optional<LearningBlock.Kind> kind = kind(ref.type());
            if (kind.isEmpty()) {
                if (ref.type() != null && !ref.type().isBlank()) {
                    problems.add(new FieldProblem(
                            at + ".type",
                            "'" + ref.type() + "' is not a learning block kind; " + "use one of " + kinds()));
                }
                continue;
            }
            if (ref.settings() == null || ref.settings().isNull()) {
                continue; // the defaults are used at training time
            }
            checkSettings(impulse, ref, kind.get(), at + ".settings", problems);
        }
        return problems;
    }

    private static void checkSettings(
            Impulse impulse, LearningBlockRef ref, LearningBlock.Kind kind, String at, List<FieldProblem> problems) {
        if (!(ref.settings() instanceof ObjectNode settings)) {
            problems.add(new FieldProblem(at, "must be a JSON object with the block's layers"));
            return;
        }
        ObjectNode withKind = settings.deepCopy();
        if (!withKind.hasNonNull("kind")) {
            withKind.put("kind", name(kind));
        }
        LearningBlock block;
        try {
            block = JSON.treeToValue(withKind, LearningBlock.class);
        } catch (DatabindException e) {
            problems.add(new FieldProblem(at + path(e), e.getOriginalMessage()));
            return;
        } catch (JacksonException e) {
            problems.add(new FieldProblem(at, e.getOriginalMessage()));
            return;
        }
        if (block.kind() != kind) {
            problems.add(new FieldProblem(
                    at + ".kind", "says " + name(block.kind()) + " but the block's type is " + ref.type()));
            return;
        }
        Optional<FeatureInput> input = featureInput(impulse, ref.inputs());
        List<LayerProblem> layerProblems = new ArrayList<>();
        if (kind.isAnomaly()) {
            // an anomaly block's problems do not depend on the features
            layerProblems.addAll(block.problems(TensorShape.of(1), 1));
        } else if (input.isPresent()) {
            // the smallest valid head: the class count is known only when training starts
            layerProblems.addAll(
                    block.problems(input.get().shape(), kind == LearningBlock.Kind.CLASSIFICATION ? 2 : 1));
        } else {
            for (int l = 0; l < block.layers().size(); l++) {
                for (String message : block.layers().get(l).parameterProblems()) {
                    layerProblems.add(new LayerProblem(l, block.layers().get(l).typeName(), message));
                }
            }
        }
        for (LayerProblem p : layerProblems) {
            if (p.layerIndex() >= block.layers().size()) {
                // the output head appended after the user's layers
                problems.add(new FieldProblem(at + ".layers", "the output layer does not fit: " + p.message()));
            } else if (p.layerIndex() >= 0) {
                problems.add(
                        new FieldProblem(at + ".layers[" + p.layerIndex() + "]", p.layerType() + ": " + p.message()));
            } else {
                problems.add(new FieldProblem(
                        kind.isAnomaly() ? at + anomalyField(kind, p.message()) : at + ".layers", p.message()));
            }
        }
    }

    /** The settings member an anomaly block's problem is about. */
    private static String anomalyField(LearningBlock.Kind kind, String message) {
        if (message.startsWith("normalLabels")) {
            return ".normalLabels";
        }
        return kind == LearningBlock.Kind.ANOMALY_KMEANS ? ".kmeans" : ".gmm";
    }

    private static String path(DatabindException e) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                field.append('.').append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
