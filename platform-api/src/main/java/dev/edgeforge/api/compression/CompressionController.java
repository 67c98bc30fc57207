package dev.edgeforge.api.compression;

import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.api.web.Downloads;
import dev.edgeforge.api.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Compression of a project's models: start, report, variant downloads, the variant to deploy. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}")
class CompressionController {

    private final CompressionService compressions;

    CompressionController(CompressionService compressions) {
        this.compressions = compressions;
    }

    /** Starts a compress job ({@link CompressRequest}); follow it at {@code /api/v1/jobs/{jobId}}. */
    @PostMapping(path = "/jobs/compress", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Compress a model",
            description = "Starts a compress job on a ready model (int8 quantization, pruning, distillation as the "
                    + "body asks); answers 202 with the job id. Follow it at /api/v1/jobs/{jobId}. 400 for an "
                    + "unknown technique, 404 for an unknown model, 409 while the model is not ready.")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @ProblemResponses({
        ValidationViolation.class,
        CompressionModelNotFoundException.class,
        ModelNotCompressibleViolation.class,
        ModelNotReadyForCompressionViolation.class,
        CompressionRunningViolation.class
    })
    CompressionStarted start(@PathVariable UUID projectId, @RequestBody JsonNode body) {
        return compressions.start(projectId, body);
    }

    /** The model's latest compress job, its latest report and the variant chosen for deployment. */
    @GetMapping("/models/{modelId}/compression")
    @Operation(
            summary = "A model's compression report",
            description = "The model's latest compress job, its latest report (each variant's size, accuracy and "
                    + "latency estimate) and the variant chosen for deployment.")
    CompressionView compression(@PathVariable UUID projectId, @PathVariable UUID modelId) {
        return compressions.view(projectId, modelId);
    }

    /** A variant's {@code .tflite}, from the report of {@code jobId} (default: the latest report). */
    @GetMapping("/models/{modelId}/variants/{variant}/tflite")
    @Operation(
            summary = "Download a compressed variant",
            description = "A variant's .tflite file from the report of jobId (default: the latest report); 404 "
                    + "when the report has no such variant.")
    ResponseEntity<byte[]> tflite(
            @PathVariable UUID projectId,
            @PathVariable UUID modelId,
            @PathVariable String variant,
            @RequestParam(name = "jobId", required = false) UUID jobId) {
        CompressionService.VariantFile file = compressions.tflite(projectId, modelId, variant, jobId);
        return Downloads.file(file.fileName(), file.bytes());
    }

    /** Chooses the variant to deploy: {@code {"variant": "structured-pruning-int8", "jobId": null}}. */
    @PostMapping(path = "/models/{modelId}/deploy-variant", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Choose the variant to deploy",
            description = "Chooses the compressed variant that deployments of this model build, e.g. {\"variant\": "
                    + "\"structured-pruning-int8\", \"jobId\": null} (null: the latest report); 404 when the report "
                    + "has no such variant.")
    CompressionView.ChosenVariantView deployVariant(
            @PathVariable UUID projectId, @PathVariable UUID modelId, @RequestBody DeployVariantRequest request) {
        return compressions.choose(projectId, modelId, request);
    }
}
