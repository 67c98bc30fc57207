package dev.edgeforge.api.impulse;

import dev.edgeforge.api.problem.FieldProblem;
import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.api.project.ProjectLocks;
import dev.edgeforge.core.dsp.ParameterError;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ImpulseJson;
import dev.edgeforge.core.impulse.suggest.DataFit;
import dev.edgeforge.core.impulse.suggest.DataProfile;
import dev.edgeforge.core.impulse.suggest.DeviceBudget;
import dev.edgeforge.core.impulse.suggest.ImpulseSuggester;
import dev.edgeforge.core.impulse.suggest.SampleSummary;
import dev.edgeforge.core.impulse.suggest.Suggestion;
import dev.edgeforge.jobs.estimate.DeploymentEstimator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves and reads the versions of projects' impulses, suggests one from the project's data and checks a saved one
 * against it (through the sample feature's {@link ProjectDataSource}). Callers check access first
 * ({@code ProjectAccess}); this service trusts the project id it is given.
 */
@Service
public class ImpulseService {

    private final ImpulseRepository repository;
    private final ProjectLocks projectLocks;
    private final ObjectProvider<ProjectDataSource> data;
    private final Clock clock;

    ImpulseService(
            ImpulseRepository repository,
            ProjectLocks projectLocks,
            ObjectProvider<ProjectDataSource> data,
            Clock clock) {
        this.repository = repository;
        this.projectLocks = projectLocks;
        this.data = data;
        this.clock = clock;
    }

    /**
     * The outcome of a save.
     *
     * @param stored   the latest version after the save
     * @param changed  whether the save made a new version (false: the impulse equals the latest one)
     * @param warnings what the user should know about how the impulse treats the project's data
     */
    public record SaveOutcome(StoredImpulse stored, boolean changed, List<FieldProblem> warnings) {}

    /**
     * A suggestion from the project's data.
     *
     * @param suggestion      the impulse and the reasons for it
     * @param trainingSamples how many training samples it was made from (all enabled samples when there are none)
     */
    public record ProjectSuggestion(Suggestion suggestion, int trainingSamples) {}

    /** The latest saved version, if any. */
    @Transactional(readOnly = true)
    public Optional<StoredImpulse> latest(UUID projectId) {
        return repository.latest(projectId);
    }

    /**
     * One saved version.
     *
     * @throws ImpulseVersionNotFoundException when the project has no such version
     */
    @Transactional(readOnly = true)
    public StoredImpulse version(UUID projectId, int version) {
        return repository
                .find(projectId, version)
                .orElseThrow(() -> new ImpulseVersionNotFoundException(version, repository.latestVersion(projectId)));
    }

    /** Every saved version, newest first. */
    @Transactional(readOnly = true)
    public List<StoredImpulse> versions(UUID projectId) {
        return repository.all(projectId);
    }

    /** What a project without a saved impulse and without data starts from (version 0, not saved). */
    public Impulse defaultImpulse() {
        return DefaultImpulse.create();
    }

    /**
     * The impulse suggested from the project's enabled training samples (all enabled samples when none is for
     * training), or empty when the project has no enabled sample.
     */
    @Transactional(readOnly = true)
    public Optional<ProjectSuggestion> suggestion(UUID projectId, CostTarget board) {
        ProjectDataSource.ProjectData summaries = summaries(projectId);
        if (summaries.isEmpty()) {
            return Optional.empty();
        }
        List<SampleSummary> basis = summaries.training().isEmpty() ? summaries.enabled() : summaries.training();
        return Optional.of(
                new ProjectSuggestion(ImpulseSuggester.suggest(basis, Optional.of(budget(board))), basis.size()));
    }

    /**
     * What an image impulse may use on {@code board}: its RAM less the runtime's (stack, serial buffers, C library
     * data), its flash less the runtime's and the DSP code (issue #20).
     */
    static DeviceBudget budget(CostTarget board) {
        return new DeviceBudget(
                board.name(),
                board.ramBytes() - DeploymentEstimator.RUNTIME_RAM_BYTES - DeploymentEstimator.DSP_RUNTIME_RAM_BYTES,
                board.flashBytes() - DeploymentEstimator.RUNTIME_FLASH_BYTES - DeploymentEstimator.DSP_CODE_BYTES);
    }

    /** How {@code impulse} fits the project's enabled samples; nothing to say without samples. */
    @Transactional(readOnly = true)
    public DataFit fit(UUID projectId, Impulse impulse) {
        ProjectDataSource.ProjectData summaries = summaries(projectId);
        return summaries.isEmpty() ? DataFit.none() : DataFit.check(impulse, DataProfile.of(summaries.enabled()));
    }

    private ProjectDataSource.ProjectData summaries(UUID projectId) {
        ProjectDataSource source = data.getIfAvailable();
        return source == null ? new ProjectDataSource.ProjectData(List.of(), List.of()) : source.summaries(projectId);
    }

    /**
     * Saves {@code impulse} as the project's next version unless it equals the latest one. The version number in
     * {@code impulse} is ignored: versions are numbered by the server. Checked first on its own (400), then against
     * the project's data (422): an impulse the data cannot feed is refused here, not in the features job.
     *
     * @throws ValidationViolation      listing every refused field
     * @throws ImpulseDataMismatchViolation listing every field that does not fit the project's samples
     */
    @Transactional
    public SaveOutcome save(UUID projectId, Impulse impulse, UUID createdBy) {
        requireValid(impulse);
        DataFit fit = fit(projectId, impulse.withVersion(1));
        if (!fit.errors().isEmpty()) {
            throw new ImpulseDataMismatchViolation(fieldProblems(fit.errors()));
        }
        List<FieldProblem> warnings = fieldProblems(fit.warnings());
        projectLocks.lock(projectId);
        Optional<StoredImpulse> latest = repository.latest(projectId);
        if (latest.isPresent() && canonical(latest.get().impulse()).equals(canonical(impulse))) {
            return new SaveOutcome(latest.get(), false, warnings);
        }
        int next = latest.map(StoredImpulse::version).orElse(0) + 1;
        StoredImpulse stored =
                new StoredImpulse(projectId, canonical(impulse).withVersion(next), clock.instant(), createdBy);
        repository.insert(stored);
        return new SaveOutcome(stored, true, warnings);
    }

    private static List<FieldProblem> fieldProblems(List<ParameterError> errors) {
        return errors.stream()
                .map(e -> new FieldProblem(e.field(), e.message()))
                .toList();
    }

    /**
     * Every problem that keeps {@code impulse} from being saved, fields named as in its JSON; empty when it can be
     * saved. The version number is not checked (the server sets it).
     */
    public static List<FieldProblem> problems(Impulse impulse) {
        Impulse numbered = impulse.withVersion(1);
        List<FieldProblem> problems = new ArrayList<>();
        for (ParameterError error : numbered.check(null)) {
            problems.add(new FieldProblem(error.field(), error.message()));
        }
        if (numbered.input() != null) {
            problems.addAll(LearningBlockSettings.check(numbered));
        }
        return problems;
    }

    /** @throws ValidationViolation listing every problem {@link #problems} finds */
    public static void requireValid(Impulse impulse) {
        List<FieldProblem> problems = problems(impulse);
        if (!problems.isEmpty()) {
            FieldProblem first = problems.get(0);
            throw new ValidationViolation(
                    "The impulse cannot be saved: " + first.field() + " " + first.message()
                            + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)." : "."),
                    problems);
        }
    }

    /**
     * The impulse as it reads back from storage: absent and null settings, set orders and number forms compare equal
     * after a JSON round trip.
     */
    private static Impulse canonical(Impulse impulse) {
        return ImpulseJson.read(ImpulseJson.write(impulse.withVersion(1)));
    }
}
