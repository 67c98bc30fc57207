package dev.edgeforge.api.model;

import dev.edgeforge.api.web.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A project's models: list, details, rename, delete, {@code .tflite} download and import, testing, live runs. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/models")
class ModelController {

    private final ModelService models;
    private final ModelImportService imports;
    private final LiveClassificationService live;

    ModelController(ModelService models, ModelImportService imports, LiveClassificationService live) {
        this.models = models;
        this.imports = imports;
        this.live = live;
    }

    @GetMapping
    @Operation(
            summary = "List models",
            description =
                    "The project's models, newest first, with their state, sizes and a summary of their test figures.")
    List<ModelListItem> list(@PathVariable UUID projectId) {
        return models.list(projectId);
    }

    @GetMapping("/{modelId}")
    @Operation(
            summary = "Get a model",
            description = "One model: its impulse version, learning block, training history and test metrics "
                    + "(top-1 accuracy, uncertain rate, per-sample accuracy, macro F1, confusion matrix; for anomaly "
                    + "models AUC and the threshold's figures).")
    ModelView get(@PathVariable UUID projectId, @PathVariable UUID modelId) {
        return models.get(projectId, modelId);
    }

    @PatchMapping("/{modelId}")
    @Operation(
            summary = "Change a model",
            description = "Rename a model or change its thresholds (e.g. anomalyThreshold); the test figures are "
                    + "recomputed for the new threshold.")
    ModelView update(
            @PathVariable UUID projectId, @PathVariable UUID modelId, @RequestBody UpdateModelRequest request) {
        return models.update(projectId, modelId, request);
    }

    @DeleteMapping("/{modelId}")
    @Operation(
            summary = "Delete a model",
            description = "Deletes the model and its files; a model still training has its job cancelled first.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID projectId, @PathVariable UUID modelId) {
        models.delete(projectId, modelId);
    }

    /** The model as a {@code .tflite} file; {@code variant} is {@code int8} (default) or {@code float32}. */
    @GetMapping("/{modelId}/tflite")
    @Operation(
            summary = "Download a model",
            description = "The model as a .tflite file; variant is int8 (default) or float32.")
    ResponseEntity<byte[]> tflite(
            @PathVariable UUID projectId,
            @PathVariable UUID modelId,
            @RequestParam(name = "variant", defaultValue = "int8") String variant) {
        ModelService.TfliteFile file = models.tflite(projectId, modelId, variant);
        return Downloads.file(file.fileName(), file.bytes());
    }

    /**
     * Bring your own model: multipart field {@code file} (a {@code .tflite}), optional {@code name}, {@code kind}
     * (classification or regression) and {@code impulseVersion} (for live classification).
     */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import a .tflite model",
            description = "Imports a .tflite file (multipart field file) as a ready model of the project, checked "
                    + "operator by operator; 400 names what cannot be read or run.")
    @ResponseStatus(HttpStatus.CREATED)
    ModelView importTflite(
            @PathVariable UUID projectId,
            @RequestPart("file") MultipartFile file,
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "impulseVersion", required = false) Integer impulseVersion) {
        return imports.importTflite(projectId, file, name, kind, impulseVersion);
    }

    /** Every test window with its prediction at {@code threshold} (default: the model's). */
    @GetMapping("/{modelId}/predictions")
    @Operation(
            summary = "Test predictions",
            description = "Every test window with its prediction at threshold (default: the model's).")
    PredictionsView predictions(
            @PathVariable UUID projectId,
            @PathVariable UUID modelId,
            @RequestParam(name = "threshold", required = false) Double threshold) {
        return models.predictions(projectId, modelId, threshold);
    }

    /** Live classification of a stored sample: {@code {"sampleId": "...", "threshold": 0.6}}. */
    @PostMapping(path = "/{modelId}/classify", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Classify a stored sample",
            description = "Live classification of a stored sample: {\"sampleId\": \"...\", \"threshold\": 0.6}; "
                    + "answers each window's scores.")
    ClassificationView classifySample(
            @PathVariable UUID projectId, @PathVariable UUID modelId, @RequestBody ClassifyRequest request) {
        return live.classify(projectId, modelId, request.sampleId(), null, request.threshold());
    }

    /** Live classification of an uploaded sample file: multipart field {@code file}, optional {@code threshold}. */
    @PostMapping(path = "/{modelId}/classify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Classify an uploaded file",
            description = "Live classification of an uploaded sample file: multipart field file, optional "
                    + "threshold; the file is not stored.")
    ClassificationView classifyFile(
            @PathVariable UUID projectId,
            @PathVariable UUID modelId,
            @RequestPart("file") MultipartFile file,
            @RequestParam(name = "threshold", required = false) Double threshold) {
        return live.classify(projectId, modelId, null, file, threshold);
    }

    record ClassifyRequest(String sampleId, Double threshold) {}
}
