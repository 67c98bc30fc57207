package dev.edgeforge.jobs.tune;

import java.util.List;
import java.util.Optional;

/**
 * The result JSON of a successful {@code tune} job.
 *
 * @param target            the board the costs are for
 * @param limits            the limits the candidates were held to
 * @param objective         what {@code candidates} are ranked by
 * @param seed              the search's seed
 * @param trainingSamples   training-category samples the candidates learnt from
 * @param validationSamples training-category samples held out to score them
 * @param drawn             candidates the search drew
 * @param trained           candidates trained at least one rung (the others were cut by the time budget)
 * @param seconds           wall time of the search
 * @param budgetReached     whether the time budget ended the search before its last rung
 * @param candidates        every trained candidate, best first: fitting ones by the objective, then the others
 * @param best              the id of the best fitting candidate, or {@code null} when none fits
 */
public record TuneJobResult(
        String target,
        TuneLimits limits,
        TuneObjective objective,
        long seed,
        int trainingSamples,
        int validationSamples,
        int drawn,
        int trained,
        double seconds,
        boolean budgetReached,
        List<TuneCandidate> candidates,
        String best) {

    public TuneJobResult {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public Optional<TuneCandidate> candidate(String id) {
        return candidates.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
