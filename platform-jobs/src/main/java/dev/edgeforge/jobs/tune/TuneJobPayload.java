package dev.edgeforge.jobs.tune;

import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ImpulseJson;
import dev.edgeforge.jobs.feature.FeatureJobSample;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The input of a {@code tune} job: everything the worker needs, so it never reads the server's tables.
 *
 * @param target        the board id ({@code /api/v1/targets}) the costs are estimated for
 * @param limits        what a candidate may cost on it (left-out limits already filled with the board's capacity)
 * @param budgetMinutes how long the search may run, in minutes
 * @param objective     what the search ranks by
 * @param seed          the seed of every random choice (candidates, split, training), so a search can be repeated
 * @param baseImpulse   the impulse the search starts from (the project's, or the suggestion for its data): its input
 *                      kind, axes and rate bound the search space
 * @param samples       the enabled samples; the worker learns from the {@code training} ones only
 */
public record TuneJobPayload(
        String target,
        TuneLimits limits,
        double budgetMinutes,
        TuneObjective objective,
        long seed,
        JsonNode baseImpulse,
        List<FeatureJobSample> samples) {

    /** The job type. */
    public static final String TYPE = "tune";
    /** The longest search a request may ask for: one day. */
    public static final double MAX_BUDGET_MINUTES = 24 * 60;

    public TuneJobPayload {
        samples = samples == null ? List.of() : List.copyOf(samples);
        objective = objective == null ? TuneObjective.ACCURACY : objective;
    }

    /** A payload for this impulse (as {@link ImpulseJson} writes it). */
    public static TuneJobPayload of(
            String target,
            TuneLimits limits,
            double budgetMinutes,
            TuneObjective objective,
            long seed,
            Impulse baseImpulse,
            List<FeatureJobSample> samples) {
        return new TuneJobPayload(
                target,
                limits,
                budgetMinutes,
                objective,
                seed,
                ImpulseJson.mapper().valueToTree(baseImpulse),
                samples);
    }

    /** The impulse the search starts from. */
    public Impulse readBaseImpulse() {
        return ImpulseJson.read(baseImpulse.toString());
    }

    /** What is missing or out of range; empty when the payload can be run. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (target == null || target.isBlank()) {
            problems.add("target is missing");
        }
        if (limits == null) {
            problems.add("limits are missing");
        }
        if (!(budgetMinutes > 0 && budgetMinutes <= MAX_BUDGET_MINUTES)) {
            problems.add(
                    "budgetMinutes must be above 0 and at most " + (int) MAX_BUDGET_MINUTES + ", got " + budgetMinutes);
        }
        if (baseImpulse == null || baseImpulse.isNull()) {
            problems.add("baseImpulse is missing");
        }
        if (samples.stream().noneMatch(s -> s.category().equals("training"))) {
            problems.add("there is no training sample");
        }
        return problems;
    }
}
