package dev.edgeforge.training.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.feature.FeatureSource;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.suggest.ImpulseSuggester;
import dev.edgeforge.core.impulse.suggest.SampleSummary;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.tune.TuneLimits;
import dev.edgeforge.jobs.tune.TuneObjective;
import dev.edgeforge.training.realdata.RealDatasets;
import dev.edgeforge.training.realdata.RealSample;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The search on real gestures (uWave, 896 recordings): a 90-second search on the NUCLEO-L4R5ZI under the small
 * budget ends within its budget with trained candidates, each scored on held-out samples and costed on the board.
 */
class TuneSearchRealDataIT {

    @Test
    void aShortSearchOnRealGesturesEndsInItsBudgetWithCostedCandidates() {
        List<RealSample> all = RealDatasets.uwave();
        List<LabelledSample> samples = all.stream()
                .map(s -> new LabelledSample(s.id(), s.label(), FeatureSource.of(s.data())))
                .toList();
        Impulse base = ImpulseSuggester.suggest(
                        all.stream().map(s -> SampleSummary.of(s.data())).toList())
                .impulse();
        TuneJobHandler.Split split = TuneJobHandler.split(samples, 42);
        List<String> classes =
                samples.stream().map(LabelledSample::label).distinct().sorted().toList();
        TuneLimits limits = new TuneLimits(20.0, 32 * 1024, 128 * 1024);
        List<CandidateSpec> candidates = new SearchSpace(base).draw(8, 42);
        long start = System.nanoTime();
        long deadline = start + 90_000_000_000L;

        SuccessiveHalving.Outcome outcome = new SuccessiveHalving(
                        new SuccessiveHalving.Settings(4, 3, 108, limits, TuneObjective.ACCURACY),
                        new DjlCandidateTrainer(
                                split.training(),
                                split.validation(),
                                classes,
                                BoardCatalogue.standard().byId("nucleo-l4r5zi"),
                                42),
                        SuccessiveHalving.logging(TuneSearchRealDataIT::log))
                .run(candidates, () -> System.nanoTime() >= deadline);

        double seconds = (System.nanoTime() - start) / 1e9;
        log(String.format(
                Locale.ROOT,
                "%.0f s, %d trained, stopped %s",
                seconds,
                outcome.ranked().size(),
                outcome.stopped()));
        assertThat(seconds)
                .as("the search ends within its budget and one rung's training")
                .isLessThan(150);
        assertThat(outcome.ranked()).isNotEmpty();
        assertThat(outcome.ranked()).allSatisfy(t -> {
            assertThat(t.accuracy()).isBetween(0.0, 1.0);
            assertThat(t.ramBytes()).isPositive();
            assertThat(t.flashBytes()).isPositive();
            assertThat(t.latencyMs()).isPositive();
        });
        assertThat(outcome.ranked().get(0).accuracy())
                .as("the best beats chance (1/8) by far")
                .isGreaterThan(0.5);
    }

    private static void log(String line) {
        System.out.println("[tune] " + line);
    }
}
