package dev.edgeforge.firmware.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.device.KernelPlan;
import dev.edgeforge.core.device.NetworkCore;
import dev.edgeforge.core.device.PackedLayout;
import dev.edgeforge.core.interpreter.PreparedModel;
import dev.edgeforge.core.memory.ArenaRequests;
import dev.edgeforge.core.memory.MemoryPlan;
import dev.edgeforge.core.memory.MemoryPlanner;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.firmware.MlperfTiny;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which kernels the MLPerf Tiny networks get, and what those ask of the arena. */
class KernelPlanTest {

    private static KernelPlan plan(ModelGraph graph) {
        return KernelPlan.of(graph, PreparedModel.prepare(graph).operators());
    }

    @Test
    void everyConvolutionAndFullyConnectedLayerOfTheMlperfModelsIsPacked() {
        for (MlperfTiny.Model model : MlperfTiny.MODELS) {
            ModelGraph graph = NetworkCore.of(MlperfTiny.graph(model)).graph();
            KernelPlan plan = plan(graph);
            for (int i = 0; i < graph.operators().size(); i++) {
                OpType type = graph.operators().get(i).type();
                boolean heavy =
                        type == OpType.CONV_2D || type == OpType.DEPTHWISE_CONV_2D || type == OpType.FULLY_CONNECTED;
                assertThat(plan.choice(i) instanceof KernelPlan.Unpacked)
                        .as("%s operator %d %s", model.shortName(), i, type)
                        .isEqualTo(!heavy);
            }
        }
    }

    @Test
    void expandingConvolutionsRunInReverseAndEveryPackedLayerHasItsScratchAndAllowance() {
        ModelGraph graph = NetworkCore.of(
                        MlperfTiny.graph(MlperfTiny.byShortName().get("vww")))
                .graph();
        KernelPlan plan = plan(graph);
        ArenaRequests requests = plan.requests();
        for (int i = 0; i < graph.operators().size(); i++) {
            KernelPlan.Choice choice = plan.choice(i);
            int index = i;
            List<ArenaRequests.InPlace> allowances = requests.inPlace().stream()
                    .filter(allowed -> allowed.operator() == index)
                    .toList();
            if (choice instanceof KernelPlan.PackedConv conv) {
                boolean expands = graph.tensor(graph.operators().get(i).output(0))
                                .byteSize()
                        > graph.tensor(graph.operators().get(i).input(0)).byteSize();
                assertThat(conv.reverse()).as("operator %d", i).isEqualTo(expands);
                assertThat(requests.scratchBytes(i)).isEqualTo(5 * PackedLayout.stride(conv.patchSize()));
                assertThat(allowances).hasSize(1);
                // Reverse: the output may start shortly before its input (and anywhere after it); forward: anywhere
                // up to some point.
                assertThat(
                                conv.reverse()
                                        ? allowances.get(0).maxShift()
                                        : allowances.get(0).minShift())
                        .isEqualTo(conv.reverse() ? Long.MAX_VALUE : Long.MIN_VALUE);
            } else if (choice instanceof KernelPlan.PackedDepthwise) {
                assertThat(requests.scratchBytes(i)).isPositive();
                assertThat(allowances)
                        .singleElement()
                        .satisfies(allowed -> assertThat(allowed.maxShift()).isNotNegative());
            }
        }
    }

    @Test
    void vwwArenaWithInPlaceExecutionIsAtMostFourFifthsOfItsLivenessBound() {
        ModelGraph graph = NetworkCore.of(
                        MlperfTiny.graph(MlperfTiny.byShortName().get("vww")))
                .graph();
        KernelPlan plan = plan(graph);
        MemoryPlan arena = PreparedModel.prepare(graph, new MemoryPlanner().withRequests(plan.requests()))
                .memoryPlan();
        arena.verify();
        assertThat(arena.lowerBound()).isEqualTo(55_296);
        assertThat(arena.arenaBytes()).isLessThanOrEqualTo(arena.lowerBound() * 4 / 5);
    }
}
