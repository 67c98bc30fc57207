package dev.edgeforge.api.tune;

import dev.edgeforge.api.impulse.ImpulseDataMismatchViolation;
import dev.edgeforge.api.impulse.UnknownTargetViolation;
import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.api.project.ProjectAccess;
import dev.edgeforge.api.project.ProjectGrant;
import dev.edgeforge.api.project.ProjectRole;
import dev.edgeforge.api.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tuner: start a search, apply one of its candidates. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/jobs/tune")
@Tag(name = "Tuner")
class TuneController {

    private final TuneService tuner;
    private final ProjectAccess access;

    TuneController(TuneService tuner, ProjectAccess access) {
        this.tuner = tuner;
        this.access = access;
    }

    @PostMapping
    @Operation(
            summary = "Tune the impulse",
            description = "Search windows, DSP blocks and networks that fit a board's budget: {target, maxLatencyMs, "
                    + "maxRamBytes, maxFlashBytes, budgetMinutes, objective, seed}; omitted limits are the board's "
                    + "capacity. Answers 202 with the job id; the result lists candidates[]")
    @ProblemResponses({ValidationViolation.class, UnknownTargetViolation.class, NoDataToTuneViolation.class})
    ResponseEntity<TuneService.Started> start(
            @PathVariable UUID projectId, @RequestBody(required = false) TuneRequest request) {
        access.requireRole(projectId, ProjectRole.MEMBER);
        TuneService.Started started = tuner.start(projectId, request);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/jobs/" + started.jobId()))
                .body(started);
    }

    @GetMapping("/{jobId}")
    @Operation(
            summary = "Get a tune job with its measured finalists",
            description = "The tune job's state and, once it succeeded, its result with the finalists' costs measured "
                    + "in QEMU in place of the estimates (measured: true) once the firmware builder ran them; "
                    + "measurement says how that goes (none, pending, queued, running, succeeded, failed, cancelled)")
    @ProblemResponses({TuneNotFoundException.class})
    TuneService.TuneView get(@PathVariable UUID projectId, @PathVariable UUID jobId) {
        access.requireRole(projectId, ProjectRole.VIEWER);
        return tuner.view(projectId, jobId);
    }

    /** @param candidateId the id of one of the job's candidates */
    record ApplyRequest(String candidateId) {}

    @PostMapping("/{jobId}/apply")
    @Operation(
            summary = "Apply a tuner candidate",
            description = "Save a candidate of a finished tune job as the project's next impulse version (with its "
                    + "learning block), ready to generate features and train")
    @ProblemResponses({TuneNotFoundException.class, TuneNotFinishedViolation.class, ImpulseDataMismatchViolation.class})
    TuneService.Applied apply(
            @PathVariable UUID projectId,
            @PathVariable UUID jobId,
            @RequestBody(required = false) ApplyRequest request) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.MEMBER);
        return tuner.apply(
                projectId,
                jobId,
                request == null ? null : request.candidateId(),
                grant.userId().orElse(null));
    }
}
