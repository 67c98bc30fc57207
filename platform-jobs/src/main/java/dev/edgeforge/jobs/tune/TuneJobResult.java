package dev.edgeforge.jobs.tune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * @param finalists         the candidates picked to be built and run in QEMU (the best of the Pareto front within
 *                          the budget); empty when the board cannot be emulated or nothing fits
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
        String best,
        List<TuneFinalist> finalists) {

    public TuneJobResult {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        finalists = finalists == null ? List.of() : List.copyOf(finalists);
    }

    /**
     * This result with the measured costs in place of the estimates of the candidates QEMU ran; each one's fit is
     * checked again on its measured costs, so a candidate that turned out over budget moves behind the fitting ones
     * (the order is otherwise kept) and {@code best} is the first fitting candidate again.
     */
    public TuneJobResult measured(TuneMeasureResult measurement) {
        Map<String, TuneMeasurement> byId = new HashMap<>();
        measurement.measurements().forEach(m -> byId.put(m.candidateId(), m));
        List<TuneCandidate> updated = new ArrayList<>();
        for (TuneCandidate c : candidates) {
            TuneMeasurement m = byId.get(c.id());
            updated.add(m == null ? c : c.measuredAs(m, limits));
        }
        // a stable sort: fitting first, each group in the search's order
        updated.sort(Comparator.comparing(c -> !c.fitsBudget()));
        String first = updated.stream()
                .filter(TuneCandidate::fitsBudget)
                .map(TuneCandidate::id)
                .findFirst()
                .orElse(null);
        return new TuneJobResult(
                target,
                limits,
                objective,
                seed,
                trainingSamples,
                validationSamples,
                drawn,
                trained,
                seconds,
                budgetReached,
                updated,
                first,
                finalists);
    }

    public Optional<TuneCandidate> candidate(String id) {
        return candidates.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
