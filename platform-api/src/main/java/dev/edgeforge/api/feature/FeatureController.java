package dev.edgeforge.api.feature;

import dev.edgeforge.api.impulse.ImpulseNotSavedViolation;
import dev.edgeforge.api.impulse.ImpulseService;
import dev.edgeforge.api.job.JobStatus;
import dev.edgeforge.api.project.ProjectAccess;
import dev.edgeforge.api.project.ProjectGrant;
import dev.edgeforge.api.project.ProjectRole;
import dev.edgeforge.api.web.ProblemResponses;
import dev.edgeforge.jobs.feature.FeatureJobResult;
import dev.edgeforge.jobs.feature.FeatureManifest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Feature generation: start the job, the status and feature set of an impulse version, the explorer. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}")
@Tag(name = "Features")
class FeatureController {

    private final FeatureJobService jobs;
    private final FeatureExplorer explorer;
    private final ImpulseService impulses;
    private final ProjectAccess access;

    FeatureController(FeatureJobService jobs, FeatureExplorer explorer, ImpulseService impulses, ProjectAccess access) {
        this.jobs = jobs;
        this.explorer = explorer;
        this.impulses = impulses;
        this.access = access;
    }

    @PostMapping("/jobs/features")
    @Operation(
            summary = "Generate features",
            description = "Generate the features of an impulse version (default: the latest) from every enabled "
                    + "sample; answers 202 with the job id.")
    @ProblemResponses({ImpulseNotSavedViolation.class, NoFeatureInputViolation.class, FeatureJobRunningViolation.class})
    ResponseEntity<FeatureJobService.Started> start(
            @PathVariable UUID projectId,
            @RequestParam(name = "impulseVersion", required = false) Integer impulseVersion) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.MEMBER);
        FeatureJobService.Started started =
                jobs.start(projectId, impulseVersion, grant.userId().orElse(null));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/jobs/" + started.jobId()))
                .body(started);
    }

    /**
     * A features job as the status shows it (without the samples it reads); a running job's progress and log are the
     * job's ({@code /api/v1/jobs/{id}}).
     *
     * @param id         the job
     * @param state      queued, running, succeeded, failed or cancelled
     * @param error      why it failed or was cancelled
     * @param createdAt  enqueue time
     * @param startedAt  when a worker took it
     * @param finishedAt end
     */
    record FeatureJobView(
            UUID id, JobStatus state, String error, Instant createdAt, Instant startedAt, Instant finishedAt) {
        static FeatureJobView of(FeatureGeneration run) {
            return new FeatureJobView(
                    run.jobId(), run.state(), run.error(), run.createdAt(), run.startedAt(), run.finishedAt());
        }
    }

    /**
     * The latest feature set of a version.
     *
     * @param jobId         the job that made it
     * @param generatedAt   when that job finished
     * @param manifestKey   object key of its manifest
     * @param samples       samples in it
     * @param windows       windows in it
     * @param featureLength features per window
     * @param labels        windows per label
     * @param computed      samples that job computed
     * @param reused        samples whose stored features it reused
     */
    record FeatureSetView(
            UUID jobId,
            Instant generatedAt,
            String manifestKey,
            int samples,
            long windows,
            int featureLength,
            List<FeatureManifest.LabelCount> labels,
            int computed,
            int reused) {
        static FeatureSetView of(FeatureJobService.FeatureSet set) {
            FeatureJobResult r = set.result();
            return new FeatureSetView(
                    set.jobId(),
                    set.finishedAt(),
                    r.manifestKey(),
                    r.samples(),
                    r.windows(),
                    r.featureLength(),
                    r.labels(),
                    r.computed(),
                    r.reused());
        }
    }

    /**
     * Features of one impulse version.
     *
     * @param impulseVersion the version
     * @param status         {@code none} (never generated) or the state of its latest job
     * @param job            its latest job, or null
     * @param featureSet     the feature set of its latest successful job, or null
     */
    record FeatureStatusView(int impulseVersion, String status, FeatureJobView job, FeatureSetView featureSet) {}

    @GetMapping("/features")
    @Operation(
            summary = "Feature status",
            description = "Status of the features of an impulse version (default: the latest): the latest job and "
                    + "the latest feature set.")
    FeatureStatusView status(
            @PathVariable UUID projectId,
            @RequestParam(name = "impulseVersion", required = false) Integer impulseVersion) {
        access.requireRole(projectId, ProjectRole.VIEWER);
        int version = resolve(projectId, impulseVersion);
        Optional<FeatureGeneration> latest = jobs.latestRun(projectId, version);
        Optional<FeatureJobService.FeatureSet> set = jobs.latestFeatureSet(projectId, version);
        return new FeatureStatusView(
                version,
                latest.map(run -> run.state().value()).orElse("none"),
                latest.map(FeatureJobView::of).orElse(null),
                set.map(FeatureSetView::of).orElse(null));
    }

    @GetMapping("/features/explorer")
    @Operation(
            summary = "Feature explorer",
            description = "The feature explorer: the windows of the latest feature set of an impulse version "
                    + "(default: the latest) projected to 2D by PCA, coloured by label; large sets are thinned "
                    + "evenly.")
    ExplorerView explorer(
            @PathVariable UUID projectId,
            @RequestParam(name = "impulseVersion", required = false) Integer impulseVersion,
            @RequestParam(name = "maxPoints", defaultValue = "" + FeatureExplorer.DEFAULT_POINTS) int maxPoints) {
        access.requireRole(projectId, ProjectRole.VIEWER);
        return explorer.explore(projectId, resolve(projectId, impulseVersion), maxPoints);
    }

    private int resolve(UUID projectId, Integer impulseVersion) {
        if (impulseVersion != null) {
            return impulses.version(projectId, impulseVersion).version();
        }
        return impulses.latest(projectId)
                .orElseThrow(() -> new ImpulseNotSavedViolation("Features", projectId))
                .version();
    }
}
