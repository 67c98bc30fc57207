package dev.edgeforge.api.deploy;

import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.api.project.ProjectAccess;
import dev.edgeforge.api.project.ProjectRole;
import dev.edgeforge.api.web.Downloads;
import dev.edgeforge.api.web.ProblemResponses;
import dev.edgeforge.infra.storage.ObjectStore;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Deployments of a project: request one, follow it, download its bundle. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/deployments")
class DeploymentController {

    private final DeploymentService deployments;
    private final ProjectAccess access;
    private final ObjectStore store;

    DeploymentController(DeploymentService deployments, ProjectAccess access, ObjectStore store) {
        this.deployments = deployments;
        this.access = access;
        this.store = store;
    }

    /** Starts a build: 202 with the deployment (state {@code queued}) and its job. */
    @PostMapping
    @Operation(
            summary = "Build a deployment",
            description = "Starts a firmware build for a model, target board and format; answers 202 with the "
                    + "deployment (state queued) and its job. 422 deployment-does-not-fit when the estimate exceeds "
                    + "the board's RAM or flash, unless allowOverBudget is set.")
    @ProblemResponses({
        ValidationViolation.class,
        DeployableModelNotFoundException.class,
        ModelNotDeployableViolation.class,
        DeploymentDoesNotFitViolation.class
    })
    ResponseEntity<DeploymentView> create(@PathVariable UUID projectId, @RequestBody DeploymentRequest request) {
        DeploymentView created = deployments.create(access.requireRole(projectId, ProjectRole.MEMBER), request);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/projects/" + projectId + "/deployments/" + created.id()))
                .body(created);
    }

    /** Newest first, at most {@value DeploymentService#LIST_LIMIT}. */
    @GetMapping
    @Operation(
            summary = "List deployments",
            description = "The project's deployments, newest first, with their state, figures and verification.")
    List<DeploymentView> list(@PathVariable UUID projectId) {
        return deployments.list(access.requireRole(projectId, ProjectRole.VIEWER));
    }

    @GetMapping("/{deploymentId}")
    @Operation(
            summary = "Get a deployment",
            description = "One deployment: its state, the bundle's sizes, measured figures and the result of "
                    + "verifying it in the emulator.")
    DeploymentView get(@PathVariable UUID projectId, @PathVariable UUID deploymentId) {
        return deployments.get(access.requireRole(projectId, ProjectRole.VIEWER), deploymentId);
    }

    /** The bundle ZIP; 409 {@code deployment-not-ready} until the deployment is ready. */
    @GetMapping("/{deploymentId}/download")
    @Operation(
            summary = "Download a deployment bundle",
            description = "The bundle as a ZIP; 409 deployment-not-ready until the build has finished.")
    @ProblemResponses({DeploymentNotFoundException.class, DeploymentNotReadyViolation.class})
    ResponseEntity<InputStreamResource> download(@PathVariable UUID projectId, @PathVariable UUID deploymentId) {
        DeploymentService.Download bundle =
                deployments.download(access.requireRole(projectId, ProjectRole.VIEWER), deploymentId);
        String digest = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(bundle.sha256()));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .contentLength(bundle.bytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(bundle.fileName()))
                // RFC 9530: lets clients check what they received
                .header("Repr-Digest", "sha-256=:" + digest + ":")
                .body(new InputStreamResource(store.get(bundle.objectKey())));
    }
}
