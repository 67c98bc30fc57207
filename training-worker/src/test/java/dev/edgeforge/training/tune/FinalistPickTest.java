package dev.edgeforge.training.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.dsp.RawParams;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import dev.edgeforge.jobs.tune.TuneLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The finalists the tune job has measured in QEMU: the Pareto front within the budget in ranking order, filled up with
 * the next fitting candidates, never one over budget.
 */
class FinalistPickTest {

    private static final TuneLimits LIMITS = new TuneLimits(20.0, 32_000, 128_000);

    private static final List<CandidateSpec> SPECS = new SearchSpace(new Impulse(
                    1,
                    new TimeSeriesInput(3000, 500, 100, true),
                    List.of(new ProcessingBlock(1, "Raw", List.of("x", "y", "z"), RawParams.defaults())),
                    List.of()))
            .draw(6, 7);

    private static Trial trial(int index, double accuracy, double latency, long ram) {
        return new Trial(SPECS.get(index), 0, 4, accuracy, latency, ram, 50_000, 10, null);
    }

    @Test
    void theFrontComesFirstThenTheNextFittingOnes() {
        Trial best = trial(0, 0.90, 10, 20_000);
        Trial dominated = trial(1, 0.85, 12, 21_000); // worse than best in everything
        Trial faster = trial(2, 0.80, 2, 20_000); // on the front: fastest
        Trial over = trial(3, 0.95, 30, 20_000); // over the latency limit
        Trial smaller = trial(4, 0.70, 11, 8_000); // on the front: least RAM
        List<Trial> ranked = List.of(over, best, dominated, faster, smaller);

        assertThat(TuneJobHandler.pick(ranked, LIMITS, 3)).containsExactly(best, faster, smaller);
        assertThat(TuneJobHandler.pick(ranked, LIMITS, 4)).containsExactly(best, faster, smaller, dominated);
        assertThat(TuneJobHandler.pick(List.of(over), LIMITS, 3)).isEmpty();
        assertThat(TuneJobHandler.dominates(best, dominated)).isTrue();
        assertThat(TuneJobHandler.dominates(best, best)).isFalse();
        assertThat(TuneJobHandler.dominates(best, faster)).isFalse();
    }
}
