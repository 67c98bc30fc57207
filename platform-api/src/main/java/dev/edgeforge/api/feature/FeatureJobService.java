package dev.edgeforge.api.feature;

import dev.edgeforge.api.impulse.ImpulseNotSavedViolation;
import dev.edgeforge.api.impulse.ImpulseService;
import dev.edgeforge.api.impulse.StoredImpulse;
import dev.edgeforge.api.project.ProjectLocks;
import dev.edgeforge.infra.job.JobQueue;
import dev.edgeforge.infra.job.NewJob;
import dev.edgeforge.jobs.feature.FeatureJobPayload;
import dev.edgeforge.jobs.feature.FeatureJobResult;
import dev.edgeforge.jobs.feature.FeatureJobSample;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts feature generation jobs and finds the feature sets they made: plain reads of the {@code feature_generation}
 * rows, which {@link FeatureGenerationOutcomes} keeps up to date from the jobs' events. Callers check access first;
 * this service trusts the project id it is given.
 */
@Service
public class FeatureJobService {

    private final ImpulseService impulses;
    private final ImpulseSampleSource samples;
    private final JobQueue queue;
    private final FeatureGenerationRepository runs;
    private final ProjectLocks projectLocks;
    private final DataSource dataSource;
    private final Clock clock;

    FeatureJobService(
            ImpulseService impulses,
            ImpulseSampleSource samples,
            JobQueue queue,
            FeatureGenerationRepository runs,
            ProjectLocks projectLocks,
            DataSource dataSource,
            Clock clock) {
        this.impulses = impulses;
        this.samples = samples;
        this.queue = queue;
        this.runs = runs;
        this.projectLocks = projectLocks;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * A started job.
     *
     * @param jobId          the job, followed at {@code /api/v1/jobs/{jobId}}
     * @param impulseVersion the impulse version it computes
     * @param samples        how many enabled samples it reads
     */
    public record Started(UUID jobId, int impulseVersion, int samples) {}

    /**
     * A feature set a successful job made.
     *
     * @param jobId      the job
     * @param finishedAt when it finished
     * @param result     its result (counts, labels, manifest key)
     */
    public record FeatureSet(UUID jobId, Instant finishedAt, FeatureJobResult result) {}

    /** Starts generating the features of an impulse version (null: the latest) from the project's samples. */
    @Transactional
    public Started start(UUID projectId, Integer impulseVersion, UUID startedBy) {
        return start(projectId, impulseVersion, startedBy, samples);
    }

    /**
     * Starts generating the features of an impulse version (null: the latest) from the samples {@code source}
     * lists. The job and its {@code feature_generation} row are written in one transaction.
     *
     * @throws ImpulseNotSavedViolation    when the project has no saved impulse
     * @throws NoFeatureInputViolation     when the impulse has no processing block or there is no enabled sample
     * @throws FeatureJobRunningViolation  when a job of that version is queued or running
     */
    @Transactional
    public Started start(UUID projectId, Integer impulseVersion, UUID startedBy, ImpulseSampleSource source) {
        StoredImpulse stored = impulseVersion != null
                ? impulses.version(projectId, impulseVersion)
                : impulses.latest(projectId)
                        .orElseThrow(() -> new ImpulseNotSavedViolation("Feature generation", projectId));
        int version = stored.version();
        if (stored.impulse().processingBlocks().isEmpty()) {
            throw new NoFeatureInputViolation("Impulse version " + version
                    + " has no processing block, so it makes no features; add one and save the impulse.");
        }
        projectLocks.lock(projectId);
        Optional<FeatureGeneration> active = runs.open(projectId, version);
        if (active.isPresent()) {
            throw new FeatureJobRunningViolation(version, active.get().jobId());
        }
        List<FeatureJobSample> enabled = source.enabledSamples(projectId);
        if (enabled.isEmpty()) {
            throw new NoFeatureInputViolation("The project has no enabled sample to generate features from; "
                    + "upload data or enable samples first.");
        }
        String payload = FeatureJobPayload.of(stored.impulse(), enabled).toJson();
        UUID jobId = enqueue(NewJob.of(FeatureJobPayload.TYPE, projectId, payload));
        runs.insert(jobId, projectId, version, enabled.size(), clock.instant(), startedBy);
        return new Started(jobId, version, enabled.size());
    }

    /** The newest job of an impulse version. */
    @Transactional(readOnly = true)
    public Optional<FeatureGeneration> latestRun(UUID projectId, int impulseVersion) {
        return runs.latest(projectId, impulseVersion);
    }

    /** The feature set of the latest successful job of an impulse version. */
    @Transactional(readOnly = true)
    public Optional<FeatureSet> latestFeatureSet(UUID projectId, int impulseVersion) {
        return runs.latestSucceeded(projectId, impulseVersion)
                .map(run -> new FeatureSet(run.jobId(), run.finishedAt(), FeatureJobResult.parse(run.resultJson())));
    }

    /** Enqueues on the transaction's connection, so the job exists only if the run's row does. */
    private UUID enqueue(NewJob job) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return queue.enqueue(connection, job);
        } catch (SQLException e) {
            throw new IllegalStateException("could not enqueue the features job", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
