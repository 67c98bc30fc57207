package dev.edgeforge.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.SmallFloatModels;
import dev.edgeforge.core.tflite.MlperfTinyModels;
import dev.edgeforge.core.tflite.TfliteReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class MemoryPlannerTest {

    @Test
    void lifetimesRunFromWriterToLastReader() {
        ModelGraph graph = SmallFloatModels.convNet(1);
        List<TensorLifetime> lifetimes = MemoryPlanner.lifetimes(graph);
        TensorLifetime input = lifetimes.stream()
                .filter(l -> l.tensorId() == graph.inputs()[0])
                .findFirst()
                .orElseThrow();
        assertThat(input.first()).isZero();
        assertThat(input.last()).isZero();
        // The depthwise output feeds both 1x1 convolutions (operators 2 and 3).
        int dw = graph.operators().get(1).output(0);
        TensorLifetime dwLife =
                lifetimes.stream().filter(l -> l.tensorId() == dw).findFirst().orElseThrow();
        assertThat(dwLife.first()).isEqualTo(1);
        assertThat(dwLife.last()).isEqualTo(3);
        assertThat(lifetimes).noneMatch(l -> graph.tensor(l.tensorId()).isConstant());
    }

    @Test
    void planIsValidAndCloseToTheLowerBound() {
        ModelGraph graph = SmallFloatModels.convNet(1);
        MemoryPlan plan = new MemoryPlanner().plan(graph);
        plan.verify();
        // Float32: at operator 0 the input (8×8×2×4 = 512 B) and conv1 (8×8×4×4 = 1024 B) are alive; later
        // operators hold less (operator 3: dw 512 B + project1 384 B + project2 384 B).
        assertThat(plan.lowerBound()).isEqualTo(512 + 1024);
        assertThat(plan.arenaBytes()).isGreaterThanOrEqualTo(plan.lowerBound());
        assertThat(plan.arenaBytes()).isLessThanOrEqualTo(plan.lowerBound() + 3 * MemoryPlanner.DEFAULT_ALIGNMENT);
    }

    @Test
    void mlperfTinyPlansReachTheLivenessLowerBoundsOfTheReadme() {
        Map<String, Integer> readmeBounds = Map.of(
                "kws_ref_model", 16_000, "pretrainedResnet_quant", 49_152, "vww_96_int8", 55_296, "ad01_int8", 768);
        for (String name : MlperfTinyModels.NAMES) {
            ModelGraph graph = new TfliteReader().read(MlperfTinyModels.tflite(name));
            MemoryPlan plan = new MemoryPlanner().plan(graph);
            plan.verify();
            assertThat(plan.lowerBound()).as(name).isEqualTo(readmeBounds.get(name));
            // TFLM's own arena for these models is larger (22,824 / 55,000 / 100,712 / 3,012 B with its overheads).
            assertThat(plan.arenaBytes()).as(name).isEqualTo(plan.lowerBound());
        }
    }

    @Test
    void scratchBuffersArePlacedForTheirOperatorOnly() {
        ModelGraph graph = SmallFloatModels.convNet(1);
        ArenaRequests requests = new ArenaRequests(Map.of(1, 1000, 3, 64), List.of());
        MemoryPlan plan = new MemoryPlanner().withRequests(requests).plan(graph);
        plan.verify();
        assertThat(plan.scratchOffset(1)).isNotNegative();
        assertThat(plan.scratchOffset(3)).isNotNegative();
        assertThat(plan.scratchOffset(0)).isEqualTo(-1);
        // Alive at one operator each, so they add to that operator's tensors only.
        assertThat(plan.arenaBytes()).isGreaterThanOrEqualTo(plan.lowerBound());
        assertThat(plan.arenaBytes()).isLessThanOrEqualTo(plan.lowerBound() + 1000 + 3 * 16);
    }

    @Test
    void inPlaceAllowancesLetAChainRunBelowItsLivenessBound() {
        ModelGraph graph = new TfliteReader().read(MlperfTinyModels.tflite("vww_96_int8"));
        List<ArenaRequests.InPlace> inPlace = new ArrayList<>();
        for (int op = 0; op < graph.operators().size(); op++) {
            // Element-wise allowances for every operator: the output may start where the input starts, or before.
            inPlace.add(new ArenaRequests.InPlace(
                    op,
                    graph.operators().get(op).input(0),
                    graph.operators().get(op).output(0),
                    Long.MIN_VALUE,
                    0));
        }
        MemoryPlan plan = new MemoryPlanner()
                .withRequests(new ArenaRequests(Map.of(), inPlace))
                .plan(graph);
        plan.verify();
        assertThat(plan.lowerBound()).isEqualTo(55_296);
        assertThat(plan.arenaBytes()).isLessThan(plan.lowerBound());
    }

    @Test
    void anAllowanceOnAnInputThatIsReadLaterIsNotUsed() {
        ModelGraph graph = SmallFloatModels.convNet(1);
        // The depthwise output (operator 1) feeds operators 2 and 3: operator 2 must not overwrite it.
        int dw = graph.operators().get(1).output(0);
        int projection = graph.operators().get(2).output(0);
        ArenaRequests requests = new ArenaRequests(
                Map.of(), List.of(new ArenaRequests.InPlace(2, dw, projection, Long.MIN_VALUE, Long.MAX_VALUE)));
        MemoryPlan plan = new MemoryPlanner().withRequests(requests).plan(graph);
        plan.verify();
        int dwStart = plan.offset(dw);
        int outStart = plan.offset(projection);
        int dwEnd = dwStart + graph.tensor(dw).byteSize();
        int outEnd = outStart + graph.tensor(projection).byteSize();
        assertThat(dwEnd <= outStart || outEnd <= dwStart).as("disjoint").isTrue();
    }

    @Test
    void verifyRejectsAnOverlapBeyondTheAllowance() {
        // Tensor 0 (input of operator 0, 100 bytes at 0) and tensor 1 (its output, 100 bytes at 32).
        List<TensorLifetime> lifetimes = List.of(new TensorLifetime(0, 100, 0, 0), new TensorLifetime(1, 100, 0, 1));
        ArenaRequests within = new ArenaRequests(Map.of(), List.of(new ArenaRequests.InPlace(0, 0, 1, -8, 32)));
        new MemoryPlan(144, new int[] {0, 32}, lifetimes, 200, 16, "hand", new int[] {-1, -1}, within).verify();
        ArenaRequests below = new ArenaRequests(Map.of(), List.of(new ArenaRequests.InPlace(0, 0, 1, -8, 16)));
        Assertions.assertThatThrownBy(() -> new MemoryPlan(
                                144, new int[] {0, 32}, lifetimes, 200, 16, "hand", new int[] {-1, -1}, below)
                        .verify())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("overlap");
    }
}
