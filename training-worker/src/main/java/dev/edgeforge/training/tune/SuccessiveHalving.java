package dev.edgeforge.training.tune;

import dev.edgeforge.jobs.tune.TuneLimits;
import dev.edgeforge.jobs.tune.TuneObjective;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Successive halving (Jamieson and Talwalkar, 2016): every candidate is trained {@code firstEpochs} epochs; the best
 * {@code 1/eta} of those that fit the budget go on to {@code eta} times as many epochs, and so on until one is left or
 * the next rung would pass {@code maxEpochs}. A candidate that does not fit the budget is never promoted: more
 * training does not make it smaller. The search stops when {@code stop} says so (the time budget, a cancel): the
 * candidate in training then keeps its last finished rung.
 */
public final class SuccessiveHalving {

    /**
     * How the search runs.
     *
     * @param firstEpochs epochs of rung 0
     * @param eta         the factor between rungs: candidates kept and epochs added
     * @param maxEpochs   no rung trains more than this
     * @param limits      what a candidate may cost
     * @param objective   what the ranking prefers among the fitting candidates
     */
    public record Settings(int firstEpochs, int eta, int maxEpochs, TuneLimits limits, TuneObjective objective) {
        public Settings {
            if (firstEpochs < 1 || eta < 2 || maxEpochs < firstEpochs) {
                throw new IllegalArgumentException("need firstEpochs >= 1, eta >= 2, maxEpochs >= firstEpochs");
            }
        }
    }

    /**
     * What the search did.
     *
     * @param ranked        the last finished trial of every candidate trained at least one rung, best first
     * @param drawn         candidates the search was given
     * @param stopped       whether {@code stop} ended it before its last rung
     * @param rungs         rungs started
     */
    public record Outcome(List<Trial> ranked, int drawn, boolean stopped, int rungs) {}

    /** What the search tells as it goes (log lines). */
    public interface Listener {
        void rungStarted(int rung, int candidates, int epochs);

        void trialDone(Trial trial, boolean fits);

        void candidateFailed(CandidateSpec spec, String reason);
    }

    private final Settings settings;
    private final CandidateTrainer trainer;
    private final Listener listener;

    public SuccessiveHalving(Settings settings, CandidateTrainer trainer, Listener listener) {
        this.settings = settings;
        this.trainer = trainer;
        this.listener = listener;
    }

    public Outcome run(List<CandidateSpec> candidates, BooleanSupplier stop) {
        Map<String, Trial> last = new LinkedHashMap<>();
        List<CandidateSpec> alive = new ArrayList<>(candidates);
        int epochs = settings.firstEpochs();
        int rung = 0;
        boolean stopped = false;
        int rungs = 0;
        search:
        while (!alive.isEmpty()) {
            rungs++;
            listener.rungStarted(rung, alive.size(), epochs);
            List<Trial> thisRung = new ArrayList<>();
            for (CandidateSpec spec : alive) {
                if (stop.getAsBoolean()) {
                    stopped = true;
                    break search;
                }
                try {
                    Trial trial = trainer.train(spec, rung, epochs, last.get(spec.id()), stop);
                    last.put(spec.id(), trial);
                    thisRung.add(trial);
                    listener.trialDone(trial, fits(trial));
                } catch (CandidateTrainer.Stopped e) {
                    stopped = true;
                    break search;
                } catch (CandidateTrainer.CandidateFailedException e) {
                    listener.candidateFailed(spec, e.getMessage());
                }
            }
            int next = epochs * settings.eta();
            if (thisRung.size() <= 1 || next > settings.maxEpochs()) {
                break;
            }
            int keep = (int) Math.ceil(thisRung.size() / (double) settings.eta());
            alive = thisRung.stream()
                    .filter(this::fits)
                    .sorted(ranking(thisRung))
                    .limit(keep)
                    .map(Trial::spec)
                    .toList();
            epochs = next;
            rung++;
        }
        List<Trial> trials = new ArrayList<>(last.values());
        trials.sort(ranking(trials));
        return new Outcome(trials, candidates.size(), stopped, rungs);
    }

    boolean fits(Trial trial) {
        return settings.limits().fits(trial.latencyMs(), trial.ramBytes(), trial.flashBytes());
    }

    /**
     * Best first: the fitting trials by the objective, then the others by accuracy. {@code latency} puts first the
     * fitting trials within {@link TuneObjective#LATENCY_ACCURACY_SLACK} of the best fitting accuracy, fastest first.
     */
    Comparator<Trial> ranking(List<Trial> among) {
        Comparator<Trial> byFit = Comparator.comparing(t -> !fits(t));
        Comparator<Trial> byAccuracy = Comparator.comparingDouble(Trial::accuracy)
                .reversed()
                .thenComparingDouble(Trial::latencyMs)
                .thenComparing(t -> t.spec().id());
        if (settings.objective() == TuneObjective.LATENCY) {
            double best = among.stream()
                    .filter(this::fits)
                    .mapToDouble(Trial::accuracy)
                    .max()
                    .orElse(1);
            double floor = best - TuneObjective.LATENCY_ACCURACY_SLACK - 1e-12;
            Comparator<Trial> byGood = Comparator.comparing(t -> !(fits(t) && t.accuracy() >= floor));
            Comparator<Trial> byLatencyIfGood =
                    (a, b) -> fits(a) && a.accuracy() >= floor ? Double.compare(a.latencyMs(), b.latencyMs()) : 0;
            return byGood.thenComparing(byFit).thenComparing(byLatencyIfGood).thenComparing(byAccuracy);
        }
        return byFit.thenComparing(byAccuracy);
    }

    /** A listener that writes one line per event. */
    public static Listener logging(Consumer<String> log) {
        return new Listener() {
            @Override
            public void rungStarted(int rung, int candidates, int epochs) {
                log.accept("Rung " + rung + ": " + candidates + " candidate(s), " + epochs + " epochs each");
            }

            @Override
            public void trialDone(Trial trial, boolean fits) {
                log.accept(String.format(
                        Locale.ROOT,
                        "%s after %d epochs: validation accuracy %.3f, %.2f ms, RAM %d B, flash %d B%s — %s",
                        trial.spec().id(),
                        trial.epochs(),
                        trial.accuracy(),
                        trial.latencyMs(),
                        trial.ramBytes(),
                        trial.flashBytes(),
                        fits ? "" : " (over budget)",
                        trial.spec().description()));
            }

            @Override
            public void candidateFailed(CandidateSpec spec, String reason) {
                log.accept(spec.id() + " dropped: " + reason);
            }
        };
    }
}
