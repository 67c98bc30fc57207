package dev.edgeforge.api.tune;

import dev.edgeforge.api.feature.ImpulseSampleSource;
import dev.edgeforge.api.impulse.CostTargets;
import dev.edgeforge.api.impulse.ImpulseService;
import dev.edgeforge.api.impulse.StoredImpulse;
import dev.edgeforge.api.impulse.UnknownTargetViolation;
import dev.edgeforge.api.job.JobStatus;
import dev.edgeforge.api.problem.FieldProblem;
import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ImpulseJson;
import dev.edgeforge.core.impulse.WindowedInput;
import dev.edgeforge.infra.job.Job;
import dev.edgeforge.infra.job.JobQueue;
import dev.edgeforge.infra.job.JobState;
import dev.edgeforge.infra.job.NewJob;
import dev.edgeforge.jobs.JobJson;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.feature.FeatureJobSample;
import dev.edgeforge.jobs.tune.TuneCandidate;
import dev.edgeforge.jobs.tune.TuneJobPayload;
import dev.edgeforge.jobs.tune.TuneJobResult;
import dev.edgeforge.jobs.tune.TuneLimits;
import dev.edgeforge.jobs.tune.TuneMeasureResult;
import dev.edgeforge.jobs.tune.TuneObjective;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Starts tune jobs and applies their candidates. Callers check access first; this service trusts the project id.
 */
@Service
public class TuneService {

    /** The seed of a request that names none. */
    static final long DEFAULT_SEED = 42;

    private final ImpulseService impulses;
    private final ImpulseSampleSource samples;
    private final JobQueue queue;
    private final BoardCatalogue boards;
    private final CostTargets costTargets;
    private final TuneMeasurements measurements;

    TuneService(
            ImpulseService impulses,
            ImpulseSampleSource samples,
            JobQueue queue,
            BoardCatalogue boards,
            CostTargets costTargets,
            TuneMeasurements measurements) {
        this.impulses = impulses;
        this.samples = samples;
        this.queue = queue;
        this.boards = boards;
        this.costTargets = costTargets;
        this.measurements = measurements;
    }

    /**
     * A tune job as the tuner shows it.
     *
     * @param jobId       the tune job
     * @param state       its state ({@code queued}, {@code running}, {@code succeeded}, {@code failed},
     *                    {@code cancelled})
     * @param progress    0..1
     * @param error       why it failed, or {@code null}
     * @param result      its result once it succeeded, the finalists' measured costs in place of the estimates once
     *                    they were measured; else {@code null}
     * @param measurement how the finalists' measurement in QEMU goes
     */
    public record TuneView(
            UUID jobId, String state, double progress, String error, TuneJobResult result, Measurement measurement) {}

    /**
     * The finalists' measurement.
     *
     * @param state    {@code none} (nothing to measure: the board's core is not emulated, no candidate fits, or the
     *                 search has not ended), {@code pending} (the job is about to be queued), else the measurement
     *                 job's state
     * @param jobId    the {@code tune-measure} job, or {@code null}
     * @param emulator the emulated board the finalists run on, or {@code null}
     * @param failures finalists that could not be measured, each with why
     * @param error    why the measurement job failed, or {@code null}
     */
    public record Measurement(String state, UUID jobId, String emulator, List<String> failures, String error) {}

    /**
     * A tune job with its finalists' measured costs merged into its result.
     *
     * @throws TuneNotFoundException when the project has no such tune job
     */
    public TuneView view(UUID projectId, UUID jobId) {
        Job job = queue.find(jobId)
                .filter(j -> projectId.equals(j.projectId()) && TuneJobPayload.TYPE.equals(j.type()))
                .orElseThrow(() -> TuneNotFoundException.job(jobId));
        String state = JobStatus.of(job.state()).value();
        if (job.state() != JobState.SUCCEEDED || job.result() == null) {
            return new TuneView(
                    jobId,
                    state,
                    job.progress(),
                    job.error(),
                    null,
                    new Measurement("none", null, null, List.of(), null));
        }
        TuneJobResult result = JobJson.mapper().readValue(job.result(), TuneJobResult.class);
        if (result.finalists().isEmpty()) {
            return new TuneView(
                    jobId, state, job.progress(), null, result, new Measurement("none", null, null, List.of(), null));
        }
        Optional<Job> measure = measurements.measureJob(jobId).flatMap(queue::find);
        if (measure.isEmpty()) {
            return new TuneView(
                    jobId,
                    state,
                    job.progress(),
                    null,
                    result,
                    new Measurement("pending", null, null, List.of(), null));
        }
        Job m = measure.get();
        String measureState = JobStatus.of(m.state()).value();
        if (m.state() == JobState.SUCCEEDED && m.result() != null) {
            TuneMeasureResult measured = JobJson.mapper().readValue(m.result(), TuneMeasureResult.class);
            return new TuneView(
                    jobId,
                    state,
                    job.progress(),
                    null,
                    result.measured(measured),
                    new Measurement(measureState, m.id(), measured.emulator(), measured.failures(), null));
        }
        return new TuneView(
                jobId,
                state,
                job.progress(),
                null,
                result,
                new Measurement(measureState, m.id(), null, List.of(), m.error()));
    }

    /**
     * A started search.
     *
     * @param jobId         the job, followed at {@code /api/v1/jobs/{jobId}}
     * @param target        the board
     * @param limits        the limits, the board's capacity filled in
     * @param budgetMinutes the time budget
     * @param objective     what the ranking prefers
     * @param seed          the seed
     * @param startsFrom    {@code impulse version N} or {@code suggestion}
     * @param samples       labelled training samples the search learns from (a fifth held out to score)
     */
    public record Started(
            UUID jobId,
            String target,
            TuneLimits limits,
            double budgetMinutes,
            String objective,
            long seed,
            String startsFrom,
            int samples) {}

    /**
     * An applied candidate.
     *
     * @param candidateId    the candidate
     * @param impulseVersion the impulse version it became (the latest when it equals it)
     * @param changed        false when the project's latest impulse already was this candidate
     * @param learningRate   the learning rate the candidate was trained with (a hint for full training)
     * @param warnings       the impulse save's warnings
     */
    public record Applied(
            String candidateId,
            int impulseVersion,
            boolean changed,
            double learningRate,
            List<FieldProblem> warnings) {}

    /**
     * Queues a tune job.
     *
     * @throws ValidationViolation     listing every bad field
     * @throws UnknownTargetViolation  when the board is not in the catalogue
     * @throws NoDataToTuneViolation   when there are not two labels of training samples, or the impulse is images
     */
    public Started start(UUID projectId, TuneRequest request) {
        TuneRequest r = request == null ? new TuneRequest(null, null, null, null, null, null, null) : request;
        List<FieldProblem> errors = new ArrayList<>();
        if (r.target() == null || r.target().isBlank()) {
            errors.add(new FieldProblem("target", "is required: a board id of GET /api/v1/targets"));
        }
        if (r.budgetMinutes() == null) {
            errors.add(new FieldProblem("budgetMinutes", "is required: how many minutes the search may run"));
        } else if (!(r.budgetMinutes() > 0 && r.budgetMinutes() <= TuneJobPayload.MAX_BUDGET_MINUTES)) {
            errors.add(new FieldProblem(
                    "budgetMinutes",
                    "must be above 0 and at most " + (int) TuneJobPayload.MAX_BUDGET_MINUTES + ", got "
                            + r.budgetMinutes()));
        }
        if (r.maxLatencyMs() != null && !(r.maxLatencyMs() > 0 && Double.isFinite(r.maxLatencyMs()))) {
            errors.add(new FieldProblem("maxLatencyMs", "must be a positive number of ms, got " + r.maxLatencyMs()));
        }
        if (r.maxRamBytes() != null && r.maxRamBytes() < 1) {
            errors.add(new FieldProblem("maxRamBytes", "must be a positive number of bytes, got " + r.maxRamBytes()));
        }
        if (r.maxFlashBytes() != null && r.maxFlashBytes() < 1) {
            errors.add(
                    new FieldProblem("maxFlashBytes", "must be a positive number of bytes, got " + r.maxFlashBytes()));
        }
        Optional<TuneObjective> objective = TuneObjective.parse(r.objective());
        if (objective.isEmpty()) {
            errors.add(new FieldProblem(
                    "objective",
                    "must be one of " + String.join(", ", TuneObjective.names()) + ", got " + r.objective()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationViolation(
                    "The tune request is not valid: " + errors.get(0).field() + " "
                            + errors.get(0).message() + ".",
                    errors);
        }
        Board board = boards.find(r.target().trim())
                .orElseThrow(() -> new UnknownTargetViolation(
                        r.target(), boards.all().stream().map(Board::id).toList()));
        TuneLimits limits = new TuneLimits(
                r.maxLatencyMs(),
                r.maxRamBytes() != null ? r.maxRamBytes() : board.ram().sizeBytes(),
                r.maxFlashBytes() != null ? r.maxFlashBytes() : board.flash().sizeBytes());

        List<FeatureJobSample> enabled = samples.enabledSamples(projectId);
        List<FeatureJobSample> training = enabled.stream()
                .filter(s -> s.category().equals("training") && !s.label().isBlank())
                .toList();
        long labels = training.stream().map(FeatureJobSample::label).distinct().count();
        if (labels < 2) {
            throw new NoDataToTuneViolation("The tuner learns from labelled training samples of at least two labels; "
                    + "the project has " + training.size() + " such sample(s) of " + labels
                    + " label(s). Upload and label data first.");
        }
        Optional<StoredImpulse> latest = impulses.latest(projectId);
        Impulse base;
        String startsFrom;
        if (latest.isPresent() && searchable(latest.get().impulse())) {
            base = latest.get().impulse();
            startsFrom = "impulse version " + latest.get().version();
        } else {
            // the suggestion sized for the board the search is for (an image impulse shrinks to fit it)
            base = impulses.suggestion(projectId, costTargets.require(board.id()))
                    .map(s -> s.suggestion().impulse())
                    .orElseThrow(() -> new NoDataToTuneViolation("The project has no data to suggest an impulse "
                            + "from, so the tuner has nothing to start from; upload data first."));
            startsFrom = "suggestion";
        }
        if (!searchable(base)) {
            throw new NoDataToTuneViolation("The tuner searches sensor and audio impulses with one processing block; "
                    + "this project's impulse is not one (image impulses are not searched yet).");
        }
        TuneJobPayload payload = TuneJobPayload.of(
                board.id(),
                limits,
                r.budgetMinutes(),
                objective.get(),
                r.seed() == null ? DEFAULT_SEED : r.seed(),
                base.withVersion(Math.max(1, base.version())),
                enabled);
        UUID jobId = queue.enqueue(NewJob.of(TuneJobPayload.TYPE, projectId, JobJson.write(payload)));
        return new Started(
                jobId,
                board.id(),
                limits,
                r.budgetMinutes(),
                objective.get().value(),
                payload.seed(),
                startsFrom,
                training.size());
    }

    private static boolean searchable(Impulse impulse) {
        return impulse.input() instanceof WindowedInput
                && impulse.processingBlocks().size() == 1;
    }

    /**
     * Saves a candidate of a finished search as the project's next impulse version (its learning block included).
     *
     * @throws TuneNotFoundException     when the project has no such tune job, or the job no such candidate
     * @throws TuneNotFinishedViolation  when the job has not succeeded
     */
    public Applied apply(UUID projectId, UUID jobId, String candidateId, UUID appliedBy) {
        Job job = queue.find(jobId)
                .filter(j -> projectId.equals(j.projectId()) && TuneJobPayload.TYPE.equals(j.type()))
                .orElseThrow(() -> TuneNotFoundException.job(jobId));
        if (job.state() != JobState.SUCCEEDED || job.result() == null) {
            throw new TuneNotFinishedViolation(jobId, job.state().dbValue());
        }
        if (candidateId == null || candidateId.isBlank()) {
            throw new ValidationViolation("candidateId", "is required: the id of one of the job's candidates");
        }
        TuneJobResult result = JobJson.mapper().readValue(job.result(), TuneJobResult.class);
        TuneCandidate candidate = result.candidate(candidateId.trim())
                .orElseThrow(() -> TuneNotFoundException.candidate(jobId, candidateId));
        Impulse impulse = ImpulseJson.read(candidate.impulse().toString()).withVersion(1);
        ImpulseService.SaveOutcome saved = impulses.save(projectId, impulse, appliedBy);
        return new Applied(
                candidate.id(), saved.stored().version(), saved.changed(), candidate.learningRate(), saved.warnings());
    }
}
