package dev.edgeforge.api.job;

import dev.edgeforge.api.project.ProjectAccess;
import dev.edgeforge.api.project.ProjectRole;
import dev.edgeforge.infra.job.Job;
import dev.edgeforge.infra.job.JobListQuery;
import dev.edgeforge.infra.job.JobLogLine;
import dev.edgeforge.infra.job.JobQueue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Job status, logs and cancel, for every job type. */
@RestController
@RequestMapping("/api/v1")
class JobController {

    private final JobQueue queue;
    private final JobAccess jobs;
    private final ProjectAccess projects;
    private final JobLogStreams streams;
    private final PublishedEnds ends;

    JobController(JobQueue queue, JobAccess jobs, ProjectAccess projects, JobLogStreams streams, PublishedEnds ends) {
        this.queue = queue;
        this.jobs = jobs;
        this.projects = projects;
        this.streams = streams;
        this.ends = ends;
    }

    /**
     * A job's state, progress, attempts and a result summary: small enough to poll. A job that just ended is answered
     * once its end reached the features' rows (see {@link PublishedEnds}).
     */
    @GetMapping("/jobs/{jobId}")
    @Operation(
            summary = "Get a job",
            description = "A job's state, progress, attempts (worker, host, outcome), a short summary of its "
                    + "result and links to its payload, result and logs. Small enough to poll.")
    JobView get(@PathVariable UUID jobId) {
        Job job = ends.awaitPublished(jobs.require(jobId, ProjectRole.VIEWER));
        return JobView.of(job, queue.attempts(jobId));
    }

    /** What the job was given (for a features job: every sample's object key), as the feature wrote it. */
    @GetMapping(path = "/jobs/{jobId}/payload", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A job's payload",
            description = "What the job was given, as the feature that started it wrote it (for a features job: "
                    + "every sample's object key).")
    @ApiResponse(
            responseCode = "200",
            description = "What the job was given, as a JSON object whose members depend on the job's type",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
    ResponseEntity<String> payload(@PathVariable UUID jobId) {
        Job job = jobs.require(jobId, ProjectRole.VIEWER);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(job.payload());
    }

    /** The whole result the job wrote; 404 {@code job-result-not-found} while it has none. */
    @GetMapping(path = "/jobs/{jobId}/result", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A job's result",
            description = "The whole result the job wrote; 404 job-result-not-found while it has none.")
    @ApiResponse(
            responseCode = "200",
            description = "The result the job wrote, as a JSON object whose members depend on the job's type",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
    ResponseEntity<String> result(@PathVariable UUID jobId) {
        Job job = jobs.require(jobId, ProjectRole.VIEWER);
        if (job.result() == null) {
            throw new JobResultNotFoundException(jobId, JobStatus.of(job.state()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(job.result());
    }

    /** The log as a Server-Sent Events stream that ends when the job does. */
    @GetMapping(path = "/jobs/{jobId}/logs", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Follow a job's log",
            description = "The log as a Server-Sent Events stream that ends when the job does; resumes after "
                    + "Last-Event-ID or after.")
    SseEmitter stream(
            @PathVariable UUID jobId,
            @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
            @RequestParam(name = "after", defaultValue = "0") long after) {
        jobs.require(jobId, ProjectRole.VIEWER);
        return streams.open(jobId, lastEventId != null ? lastEventId : after);
    }

    /** The log lines after {@code after}, for scripts that poll instead of streaming. */
    @GetMapping(path = "/jobs/{jobId}/logs", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Read a job's log",
            description = "The log lines after 'after' (at most limit), for scripts that poll instead of streaming.")
    List<LogLineView> lines(
            @PathVariable UUID jobId,
            @RequestParam(name = "after", defaultValue = "0") long after,
            @RequestParam(name = "limit", defaultValue = "1000") int limit) {
        jobs.require(jobId, ProjectRole.VIEWER);
        return queue.logs(jobId, after, Math.max(1, Math.min(limit, 10_000))).stream()
                .map(LogLineView::of)
                .toList();
    }

    @PostMapping("/jobs/{jobId}/cancel")
    @Operation(
            summary = "Cancel a job",
            description =
                    "A queued job is cancelled at once; a running one is flagged and its worker stops it at its next "
                            + "heartbeat.")
    JobView cancel(@PathVariable UUID jobId) {
        jobs.require(jobId, ProjectRole.MEMBER);
        return JobView.of(queue.requestCancel(jobId), queue.attempts(jobId));
    }

    @GetMapping("/projects/{projectId}/jobs")
    @Operation(
            summary = "List a project's jobs",
            description = "The project's jobs, newest first, optionally of one type (features, train, test, "
                    + "compress, deploy).")
    List<JobView> list(
            @PathVariable UUID projectId,
            @RequestParam(name = "type", required = false) String type,
            @RequestParam(name = "limit", defaultValue = "50") int limit) {
        projects.requireRole(projectId, ProjectRole.VIEWER);
        JobListQuery query = JobListQuery.latest(Math.max(1, Math.min(limit, 500)));
        if (type != null && !type.isBlank()) {
            query = query.withType(type);
        }
        return queue.list(projectId, query).stream().map(JobView::listed).toList();
    }

    record LogLineView(long seq, Instant at, String line) {
        static LogLineView of(JobLogLine line) {
            return new LogLineView(line.seq(), line.at(), line.line());
        }
    }
}
