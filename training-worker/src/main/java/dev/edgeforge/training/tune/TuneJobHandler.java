package dev.edgeforge.training.tune;

import dev.edgeforge.core.feature.FeatureSource;
import dev.edgeforge.core.format.SampleFormatException;
import dev.edgeforge.core.format.SampleParseOptions;
import dev.edgeforge.core.format.SampleParsers;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ImpulseJson;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.tflite.TfliteWriter;
import dev.edgeforge.infra.job.JobContext;
import dev.edgeforge.infra.job.JobHandler;
import dev.edgeforge.infra.job.NonRetryableJobException;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.jobs.JobJson;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.feature.FeatureJobSample;
import dev.edgeforge.jobs.tune.TuneCandidate;
import dev.edgeforge.jobs.tune.TuneFinalist;
import dev.edgeforge.jobs.tune.TuneJobPayload;
import dev.edgeforge.jobs.tune.TuneJobResult;
import dev.edgeforge.jobs.tune.TuneLimits;
import dev.edgeforge.jobs.tune.TuneMeasurement;
import dev.edgeforge.jobs.tune.TuneObjective;
import dev.edgeforge.jobs.tune.TuneObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import tools.jackson.core.JacksonException;

/**
 * Runs {@code tune} jobs ({@link TuneJobPayload}): reads the project's training samples, holds a fifth of each label's
 * samples out as the validation split (seeded; the test set is never read), draws candidates from the
 * {@link SearchSpace} of the base impulse and runs {@link SuccessiveHalving} with {@link DjlCandidateTrainer} until
 * its last rung or the time budget, then stores a {@link TuneJobResult} with every trained candidate, best first.
 *
 * <p>Progress is the share of the time budget used (the search may end sooner); every trained rung of a candidate is a
 * log line; a cancel is noticed before the next training batch. A retried attempt (a worker died) starts the search
 * again from the start: the same seed draws the same candidates and split.
 */
public final class TuneJobHandler implements JobHandler {

    /** Candidates drawn per minute of budget, within {@link #MIN_CANDIDATES}..{@link #MAX_CANDIDATES}. */
    static final double CANDIDATES_PER_MINUTE = 4;

    static final int MIN_CANDIDATES = 6;
    static final int MAX_CANDIDATES = 60;
    static final int FIRST_EPOCHS = 4;
    static final int ETA = 3;
    static final int MAX_EPOCHS = 108;
    /** Share of each label's training samples held out to score candidates. */
    static final double VALIDATION_SHARE = 0.2;
    /** Candidates built and run in QEMU after the search, when the target can be emulated. */
    static final int FINALISTS = 3;

    private static final SampleParseOptions PARSE_OPTIONS =
            SampleParseOptions.defaults().withKeepImagePixels(true);

    private final ObjectStore store;
    private final BoardCatalogue boards;
    private final LongSupplier nanoTime;

    public TuneJobHandler(ObjectStore store, BoardCatalogue boards, LongSupplier nanoTime) {
        this.store = Objects.requireNonNull(store, "store");
        this.boards = Objects.requireNonNull(boards, "boards");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    public TuneJobHandler(ObjectStore store) {
        this(store, BoardCatalogue.standard(), System::nanoTime);
    }

    @Override
    public String type() {
        return TuneJobPayload.TYPE;
    }

    @Override
    public void run(JobContext context) {
        TuneJobPayload payload = read(context.payload());
        List<String> problems = payload.problems();
        if (!problems.isEmpty()) {
            throw new NonRetryableJobException("The tune job cannot run: " + String.join("; ", problems) + ".");
        }
        Board board = boards.find(payload.target())
                .orElseThrow(() ->
                        new NonRetryableJobException("The tune job names no known board: " + payload.target() + "."));
        Impulse base = ImpulseJson.read(payload.baseImpulse().toString());
        SearchSpace space;
        try {
            space = new SearchSpace(base);
        } catch (IllegalArgumentException e) {
            throw new NonRetryableJobException("Cannot tune this project: " + e.getMessage() + ".");
        }
        long start = nanoTime.getAsLong();
        long deadline = start + (long) (payload.budgetMinutes() * 60e9);
        context.progress(0);
        context.log(String.format(
                Locale.ROOT,
                "Tuning for %s within %s; budget %.1f min, objective %s, seed %d",
                board.name(),
                describe(payload.limits()),
                payload.budgetMinutes(),
                payload.objective().value(),
                payload.seed()));

        List<LabelledSample> samples = load(context, payload.samples());
        Split split = split(samples, payload.seed());
        List<String> classes =
                samples.stream().map(LabelledSample::label).distinct().sorted().toList();
        if (classes.size() < 2) {
            throw new NonRetryableJobException("The tuner needs training samples of at least two labels; the project "
                    + "has " + classes.size() + ".");
        }
        context.log(
                split.training().size() + " training and " + split.validation().size()
                        + " validation samples (a fifth of each label held out), " + classes.size() + " labels");

        int count = candidateCount(payload.budgetMinutes());
        List<CandidateSpec> candidates = space.draw(count, payload.seed());
        context.log("Drew " + candidates.size() + " candidates; c01 is the starting impulse with the default network");

        BooleanSupplier stop = () -> context.isCancelRequested() || nanoTime.getAsLong() >= deadline;
        SuccessiveHalving.Listener log = SuccessiveHalving.logging(context::log);
        SuccessiveHalving.Listener listener = new SuccessiveHalving.Listener() {
            @Override
            public void rungStarted(int rung, int n, int epochs) {
                log.rungStarted(rung, n, epochs);
            }

            @Override
            public void trialDone(Trial trial, boolean fits) {
                log.trialDone(trial, fits);
                context.progress(Math.min(0.99, (nanoTime.getAsLong() - start) / (double) (deadline - start)));
            }

            @Override
            public void candidateFailed(CandidateSpec spec, String reason) {
                log.candidateFailed(spec, reason);
            }
        };
        SuccessiveHalving search = new SuccessiveHalving(
                settings(payload.limits(), payload.objective()),
                new DjlCandidateTrainer(split.training(), split.validation(), classes, board, payload.seed()),
                listener);
        SuccessiveHalving.Outcome outcome = search.run(candidates, stop);
        context.throwIfCancelled();
        double seconds = (nanoTime.getAsLong() - start) / 1e9;
        if (outcome.stopped()) {
            context.log(String.format(Locale.ROOT, "Time budget reached after %.0f s", seconds));
        }
        List<TuneCandidate> results = outcome.ranked().stream()
                .map(t -> candidate(t, payload.limits()))
                .toList();
        String best = results.stream()
                .filter(TuneCandidate::fitsBudget)
                .map(TuneCandidate::id)
                .findFirst()
                .orElse(null);
        context.log(
                best == null
                        ? "No candidate fits the budget; loosen a limit or pick a larger board"
                        : "Best candidate within the budget: " + best);
        List<TuneFinalist> finalists = finalists(context, board, outcome.ranked(), payload.limits(), split, classes);
        context.result(JobJson.write(new TuneJobResult(
                board.id(),
                payload.limits(),
                payload.objective(),
                payload.seed(),
                split.training().size(),
                split.validation().size(),
                outcome.drawn(),
                results.size(),
                seconds,
                outcome.stopped(),
                results,
                best,
                finalists)));
        context.progress(1.0);
    }

    /**
     * Stores the int8 networks and a few raw validation windows of the finalists (the best {@link #FINALISTS} of the
     * Pareto front within the budget, filled up with the next fitting ones) so the firmware builder can run them in
     * QEMU; none when no emulated board has the target's core.
     */
    private List<TuneFinalist> finalists(
            JobContext context, Board board, List<Trial> ranked, TuneLimits limits, Split split, List<String> classes) {
        Optional<Board> emulator = TuneMeasurement.emulatorFor(board, boards);
        if (emulator.isEmpty()) {
            context.log("Costs stay estimated: no emulated board has the "
                    + board.core().displayName() + " core of " + board.name());
            return List.of();
        }
        if (context.projectId() == null) {
            return List.of();
        }
        List<TuneFinalist> finalists = new ArrayList<>();
        for (Trial trial : pick(ranked, limits, FINALISTS)) {
            Optional<ModelGraph> int8 = DjlCandidateTrainer.int8(trial);
            if (int8.isEmpty()) {
                continue;
            }
            String id = trial.spec().id();
            byte[] windows = FinalistWindows.json(trial.spec().impulse(), split.validation(), FinalistWindows.COUNT);
            String modelKey = TuneObjects.model(context.projectId(), context.jobId(), id);
            String windowsKey = TuneObjects.windows(context.projectId(), context.jobId(), id);
            store.put(modelKey, new TfliteWriter().write(int8.get()));
            store.put(windowsKey, windows);
            finalists.add(new TuneFinalist(
                    id, ImpulseJson.mapper().valueToTree(trial.spec().impulse()), classes, modelKey, windowsKey));
        }
        if (!finalists.isEmpty()) {
            context.log("Finalists to measure in QEMU (" + emulator.get().name() + "): "
                    + finalists.stream().map(TuneFinalist::candidateId).toList());
        }
        return finalists;
    }

    /**
     * The first {@code count} fitting trials of the Pareto front (no other fitting trial is at least as accurate,
     * fast, small in RAM and in flash and better in one), in ranking order, filled up with the next fitting trials
     * in ranking order when the front is smaller.
     */
    static List<Trial> pick(List<Trial> ranked, TuneLimits limits, int count) {
        List<Trial> fitting = ranked.stream()
                .filter(t -> limits.fits(t.latencyMs(), t.ramBytes(), t.flashBytes()))
                .toList();
        List<Trial> picked = new ArrayList<>();
        for (Trial t : fitting) {
            if (picked.size() < count && fitting.stream().noneMatch(u -> dominates(u, t))) {
                picked.add(t);
            }
        }
        for (Trial t : fitting) {
            if (picked.size() < count && !picked.contains(t)) {
                picked.add(t);
            }
        }
        return picked;
    }

    static boolean dominates(Trial a, Trial b) {
        boolean noWorse = a.accuracy() >= b.accuracy()
                && a.latencyMs() <= b.latencyMs()
                && a.ramBytes() <= b.ramBytes()
                && a.flashBytes() <= b.flashBytes();
        boolean better = a.accuracy() > b.accuracy()
                || a.latencyMs() < b.latencyMs()
                || a.ramBytes() < b.ramBytes()
                || a.flashBytes() < b.flashBytes();
        return noWorse && better;
    }

    /** How many candidates a search of this budget draws. */
    public static int candidateCount(double budgetMinutes) {
        return (int)
                Math.max(MIN_CANDIDATES, Math.min(MAX_CANDIDATES, Math.round(budgetMinutes * CANDIDATES_PER_MINUTE)));
    }

    /** The successive-halving settings of every tune job. */
    public static SuccessiveHalving.Settings settings(TuneLimits limits, TuneObjective objective) {
        return new SuccessiveHalving.Settings(FIRST_EPOCHS, ETA, MAX_EPOCHS, limits, objective);
    }

    static TuneCandidate candidate(Trial trial, TuneLimits limits) {
        CandidateSpec spec = trial.spec();
        List<String> exceeds = limits.exceeded(trial.latencyMs(), trial.ramBytes(), trial.flashBytes());
        List<Integer> shape = new ArrayList<>();
        for (int i = 0; i < spec.input().shape().rank(); i++) {
            shape.add(spec.input().shape().dim(i));
        }
        return new TuneCandidate(
                spec.id(),
                spec.description(),
                ImpulseJson.mapper().valueToTree(spec.impulse()),
                spec.network(),
                spec.learningRate(),
                trial.epochs(),
                trial.rung(),
                shape,
                trial.accuracy(),
                trial.latencyMs(),
                trial.ramBytes(),
                trial.flashBytes(),
                false,
                exceeds.isEmpty(),
                exceeds,
                trial.parameters(),
                null,
                null);
    }

    /** The training and validation samples. */
    public record Split(List<LabelledSample> training, List<LabelledSample> validation) {}

    /**
     * Per label, a seeded shuffle of its samples; the first fifth (at least one when the label has two or more
     * samples) is the validation split.
     */
    public static Split split(List<LabelledSample> samples, long seed) {
        Map<String, List<LabelledSample>> byLabel = new LinkedHashMap<>();
        samples.stream()
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .forEach(s -> byLabel.computeIfAbsent(s.label(), l -> new ArrayList<>())
                        .add(s));
        List<LabelledSample> training = new ArrayList<>();
        List<LabelledSample> validation = new ArrayList<>();
        Random random = new Random(seed);
        byLabel.keySet().stream().sorted().forEach(label -> {
            List<LabelledSample> list = byLabel.get(label);
            Collections.shuffle(list, random);
            int held = list.size() < 2 ? 0 : Math.max(1, (int) Math.round(list.size() * VALIDATION_SHARE));
            validation.addAll(list.subList(0, held));
            training.addAll(list.subList(held, list.size()));
        });
        return new Split(training, validation);
    }

    private List<LabelledSample> load(JobContext context, List<FeatureJobSample> samples) {
        List<LabelledSample> loaded = new ArrayList<>();
        for (FeatureJobSample sample : samples) {
            if (!sample.category().equals("training") || sample.label().isBlank()) {
                continue;
            }
            context.throwIfCancelled();
            String name = sample.fileName().isBlank() ? sample.id() : sample.fileName();
            try (InputStream in = store.get(sample.objectKey())) {
                loaded.add(new LabelledSample(
                        sample.id(), sample.label(), FeatureSource.of(SampleParsers.parse(name, in, PARSE_OPTIONS))));
            } catch (IOException e) {
                throw new UncheckedIOException("reading sample " + sample.objectKey() + " failed", e);
            } catch (SampleFormatException | IllegalArgumentException e) {
                throw new NonRetryableJobException("Sample '" + name + "' cannot be read: " + e.getMessage(), e);
            }
        }
        context.log("Loaded " + loaded.size() + " labelled training samples");
        return loaded;
    }

    private static String describe(TuneLimits limits) {
        return String.format(
                Locale.ROOT,
                "%s, RAM %d B, flash %d B",
                limits.maxLatencyMs() == null ? "any latency" : limits.maxLatencyMs() + " ms",
                limits.maxRamBytes(),
                limits.maxFlashBytes());
    }

    private static TuneJobPayload read(String json) {
        try {
            return JobJson.mapper().readValue(json, TuneJobPayload.class);
        } catch (JacksonException e) {
            throw new NonRetryableJobException(
                    "The job payload is not a valid TuneJobPayload: " + e.getOriginalMessage());
        }
    }
}
