package dev.edgeforge.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.SmallFloatModels;
import dev.edgeforge.core.tflite.MlperfTinyModels;
import dev.edgeforge.core.tflite.TfliteReader;
import java.util.List;
import java.util.Map;
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
}
