package dev.edgeforge.api.model;

import dev.edgeforge.core.learning.LayerProblem;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.ShapeInference;
import dev.edgeforge.core.learning.ShapeReport;
import dev.edgeforge.core.learning.TensorShape;
import java.util.ArrayList;
import java.util.List;

/** Checks a learning block against a feature shape for the layer editor: shapes, problems, parameter count. */
final class ArchitectureChecker {

    private ArchitectureChecker() {}

    static ArchitectureCheck check(LearningBlock block, TensorShape input, int outputCount) {
        List<LayerProblem> problems = block.problems(input, outputCount);
        if (!block.kind().isNeural()) {
            return new ArchitectureCheck(problems.isEmpty(), input, outputCount, List.of(), problems, null);
        }
        List<LayerSpec> hidden = block.layers();
        List<LayerSpec> network = hiddenShapesValid(input, hidden) ? block.networkLayers(input, outputCount) : hidden;
        ShapeReport report = ShapeInference.infer(input, network);
        List<ArchitectureCheck.LayerShape> layers = new ArrayList<>();
        for (int i = 0; i < network.size(); i++) {
            LayerSpec layer = network.get(i);
            layers.add(new ArchitectureCheck.LayerShape(
                    i,
                    layer == null ? "?" : layer.typeName(),
                    i < report.outputShapes().size() ? report.outputShapes().get(i) : null,
                    i >= hidden.size()));
        }
        Long parameters = problems.isEmpty() ? parameters(network, report) : null;
        return new ArchitectureCheck(problems.isEmpty(), input, outputCount, layers, problems, parameters);
    }

    private static boolean hiddenShapesValid(TensorShape input, List<LayerSpec> hidden) {
        return ShapeInference.infer(input, hidden).isValid();
    }

    /** Trainable parameters (weights and biases; batch norm's scale and shift). */
    static long parameters(List<LayerSpec> layers, ShapeReport report) {
        long total = 0;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            TensorShape in = report.inputShapeOf(i);
            int channels = in.channels();
            if (layer instanceof LayerSpec.Dense dense) {
                total += (long) in.elementCount() * dense.units() + dense.units();
            } else if (layer instanceof LayerSpec.Conv1d conv) {
                total += (long) conv.filters() * conv.kernelSize() * channels + conv.filters();
            } else if (layer instanceof LayerSpec.Conv2d conv) {
                total += (long) conv.filters() * conv.kernelHeight() * conv.kernelWidth() * channels + conv.filters();
            } else if (layer instanceof LayerSpec.DepthwiseConv2d depthwise) {
                long outChannels = (long) channels * depthwise.depthMultiplier();
                total += outChannels * depthwise.kernelHeight() * depthwise.kernelWidth() + outChannels;
            } else if (layer instanceof LayerSpec.BatchNorm) {
                total += 2L * channels;
            }
        }
        return total;
    }
}
