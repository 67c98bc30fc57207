package dev.edgeforge.training.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.dsp.RawParams;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import dev.edgeforge.jobs.tune.TuneLimits;
import dev.edgeforge.jobs.tune.TuneObjective;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The search on a trainer whose outcomes are a plain function of the candidate and its epochs (so each rule can be
 * seen): halving keeps the best third that fits, the budget stops it between and inside trainings, and over-budget
 * candidates are never promoted.
 */
class SuccessiveHalvingTest {

    private static final TuneLimits LIMITS = new TuneLimits(20.0, 32_000, 128_000);

    /** Candidates c01..cNN drawn from a real search space (their specs are not used by the scripted trainer). */
    private static List<CandidateSpec> candidates(int n) {
        Impulse base = new Impulse(
                1,
                new TimeSeriesInput(3000, 500, 100, true),
                List.of(new ProcessingBlock(1, "Raw", List.of("x", "y", "z"), RawParams.defaults())),
                List.of());
        List<CandidateSpec> specs = new SearchSpace(base).draw(n, 7);
        assertThat(specs).hasSize(n);
        return specs;
    }

    /**
     * Accuracy grows with the candidate's number and its epochs; candidates listed in {@code overBudget} cost 64 KB
     * of RAM. Records every call.
     */
    private static final class ScriptedTrainer implements CandidateTrainer {
        final List<String> calls = new ArrayList<>();
        final List<String> overBudget;
        Runnable onTrain = () -> {};

        ScriptedTrainer(List<String> overBudget) {
            this.overBudget = overBudget;
        }

        @Override
        public Trial train(CandidateSpec spec, int rung, int epochs, Trial previous, BooleanSupplier stop) {
            onTrain.run();
            if (stop.getAsBoolean()) {
                throw new Stopped("stopped");
            }
            calls.add(spec.id() + "@" + epochs);
            int number = Integer.parseInt(spec.id().substring(1));
            double accuracy = Math.min(1.0, number / 100.0 + epochs / 1000.0);
            long ram = overBudget.contains(spec.id()) ? 64_000 : 16_000;
            return new Trial(spec, rung, epochs, accuracy, 5.0, ram, 50_000, 1000, null);
        }
    }

    private static SuccessiveHalving search(ScriptedTrainer trainer, int maxEpochs, TuneObjective objective) {
        return new SuccessiveHalving(
                new SuccessiveHalving.Settings(4, 3, maxEpochs, LIMITS, objective),
                trainer,
                SuccessiveHalving.logging(line -> {}));
    }

    @Test
    void keepsTheBestThirdThatFitsForThreeTimesTheEpochs() {
        ScriptedTrainer trainer = new ScriptedTrainer(List.of("c09"));

        SuccessiveHalving.Outcome outcome =
                search(trainer, 108, TuneObjective.ACCURACY).run(candidates(9), () -> false);

        // rung 0: all 9 at 4 epochs; c09 is best but over budget, so c08, c07, c06 go on at 12; then c08 at 36
        assertThat(trainer.calls)
                .containsExactly(
                        "c01@4", "c02@4", "c03@4", "c04@4", "c05@4", "c06@4", "c07@4", "c08@4", "c09@4", "c08@12",
                        "c07@12", "c06@12", "c08@36");
        assertThat(outcome.stopped()).isFalse();
        assertThat(outcome.ranked()).extracting(t -> t.spec().id()).first().isEqualTo("c08");
        assertThat(outcome.ranked().get(0).epochs()).isEqualTo(36);
        assertThat(outcome.ranked()).extracting(t -> t.spec().id()).last().isEqualTo("c09");
        assertThat(outcome.ranked()).hasSize(9);
    }

    @Test
    void noRungPassesTheEpochLimit() {
        ScriptedTrainer trainer = new ScriptedTrainer(List.of());

        search(trainer, 12, TuneObjective.ACCURACY).run(candidates(9), () -> false);

        assertThat(trainer.calls).noneMatch(call -> call.endsWith("@36"));
        assertThat(trainer.calls).contains("c09@12");
    }

    @Test
    void stopsWhenTheBudgetIsSpentAndKeepsWhatWasTrained() {
        ScriptedTrainer trainer = new ScriptedTrainer(List.of());
        long[] clock = {0};
        trainer.onTrain = () -> clock[0] += 10;

        // each training takes 10 "seconds"; the budget ends during the fifth
        SuccessiveHalving.Outcome outcome =
                search(trainer, 108, TuneObjective.ACCURACY).run(candidates(9), () -> clock[0] >= 45);

        assertThat(outcome.stopped()).isTrue();
        assertThat(trainer.calls).containsExactly("c01@4", "c02@4", "c03@4", "c04@4");
        assertThat(outcome.ranked()).extracting(t -> t.spec().id()).containsExactly("c04", "c03", "c02", "c01");
    }

    @Test
    void theLatencyObjectivePrefersTheFastestOfTheNearlyBest() {
        List<CandidateSpec> specs = candidates(3);
        CandidateTrainer trainer = (spec, rung, epochs, previous, stop) -> switch (spec.id()) {
            case "c01" -> new Trial(spec, rung, epochs, 0.90, 9.0, 1000, 1000, 10, null);
            case "c02" -> new Trial(spec, rung, epochs, 0.89, 2.0, 1000, 1000, 10, null);
            default -> new Trial(spec, rung, epochs, 0.80, 1.0, 1000, 1000, 10, null);
        };
        SuccessiveHalving byLatency = new SuccessiveHalving(
                new SuccessiveHalving.Settings(4, 3, 4, LIMITS, TuneObjective.LATENCY),
                trainer,
                SuccessiveHalving.logging(line -> {}));
        SuccessiveHalving byAccuracy = new SuccessiveHalving(
                new SuccessiveHalving.Settings(4, 3, 4, LIMITS, TuneObjective.ACCURACY),
                trainer,
                SuccessiveHalving.logging(line -> {}));

        assertThat(byLatency.run(specs, () -> false).ranked())
                .extracting(t -> t.spec().id())
                .containsExactly("c02", "c01", "c03");
        assertThat(byAccuracy.run(specs, () -> false).ranked())
                .extracting(t -> t.spec().id())
                .containsExactly("c01", "c02", "c03");
    }

    @Test
    void aCandidateThatFailsIsDroppedAndTheSearchGoesOn() {
        ScriptedTrainer scripted = new ScriptedTrainer(List.of());
        CandidateTrainer trainer = (spec, rung, epochs, previous, stop) -> {
            if (spec.id().equals("c02")) {
                throw new CandidateTrainer.CandidateFailedException("diverged", null);
            }
            return scripted.train(spec, rung, epochs, previous, stop);
        };

        SuccessiveHalving.Outcome outcome = new SuccessiveHalving(
                        new SuccessiveHalving.Settings(4, 3, 4, LIMITS, TuneObjective.ACCURACY),
                        trainer,
                        SuccessiveHalving.logging(line -> {}))
                .run(candidates(3), () -> false);

        assertThat(outcome.ranked()).extracting(t -> t.spec().id()).containsExactly("c03", "c01");
    }
}
