package dev.edgeforge.api.model;

import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.api.project.ProjectAccess;
import dev.edgeforge.api.project.ProjectRole;
import dev.edgeforge.core.feature.FeatureFormatException;
import dev.edgeforge.core.feature.FeatureRow;
import dev.edgeforge.core.feature.FeatureSetReader;
import dev.edgeforge.core.learning.export.CalibrationSet;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.Tensor;
import dev.edgeforge.core.model.stats.ModelStats;
import dev.edgeforge.core.quantization.PostTrainingQuantizer;
import dev.edgeforge.core.quantization.QuantizationOptions;
import dev.edgeforge.core.tflite.TfliteFormatException;
import dev.edgeforge.core.tflite.TfliteReader;
import dev.edgeforge.core.tflite.TfliteWriter;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.jobs.JobJson;
import dev.edgeforge.jobs.training.GraphSize;
import dev.edgeforge.jobs.training.ModelArtifactKeys;
import dev.edgeforge.jobs.training.ModelArtifacts;
import dev.edgeforge.jobs.training.ModelKind;
import dev.edgeforge.jobs.training.TrainJobPayload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bring your own model: an uploaded {@code .tflite} file is read by the hostile-input-safe {@link TfliteReader}
 * (any problem is a 400 naming it), measured ({@link ModelStats}) and stored as an imported model. An int8 file is
 * deployable as it is. A float32 file is quantized to int8 only when the project has training features of the
 * model's input size to calibrate with; otherwise its int8 variant is marked unavailable, with the reason.
 */
@Service
public class ModelImportService {

    /** Activation memory an imported model may need; a microcontroller model needs a few hundred KiB. */
    static final int MAX_ARENA_BYTES = 64 << 20;

    private static final long CALIBRATION_SEED = 42;

    private final ProjectAccess access;
    private final ModelRepository models;
    private final ObjectStore store;
    private final ObjectProvider<FeatureSetLocator> locator;
    private final Clock clock;
    private final long maxBytes;

    ModelImportService(
            ProjectAccess access,
            ModelRepository models,
            ObjectStore store,
            ObjectProvider<FeatureSetLocator> locator,
            Clock clock,
            @Value("${edgeforge.models.max-import-bytes:16777216}") long maxBytes) {
        this.access = access;
        this.models = models;
        this.store = store;
        this.locator = locator;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /**
     * @param name           the model's name; default the file name
     * @param kind           classification (default) or regression
     * @param impulseVersion the impulse whose features the model takes, for live classification; optional
     */
    public ModelView importTflite(
            UUID projectId, MultipartFile file, String name, String kind, Integer impulseVersion) {
        access.requireRole(projectId, ProjectRole.MEMBER);
        if (file == null || file.isEmpty()) {
            throw new ValidationViolation("file", "is required: the .tflite file to import");
        }
        String fileName =
                file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                        ? "model.tflite"
                        : file.getOriginalFilename();
        if (file.getSize() > maxBytes) {
            throw new ModelFileTooLargeViolation(fileName, file.getSize(), maxBytes);
        }
        ModelKind modelKind = parseKind(kind);
        String modelName = name == null || name.isBlank() ? fileName.replaceFirst("\\.tflite$", "") : name.trim();
        if (modelName.length() > 200) {
            throw new ValidationViolation("name", "must be at most 200 characters");
        }
        if (impulseVersion != null && impulseVersion < 1) {
            throw new ValidationViolation("impulseVersion", "must be 1 or more");
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the upload", e);
        }
        ModelGraph graph = read(fileName, bytes);
        ModelStats stats = stats(fileName, graph);
        Tensor input = graph.inputTensor(0);
        List<String> labels = graph.labels();
        boolean float32Model = isFloat32(graph);

        UUID modelId = UUID.randomUUID();
        String folder = ModelArtifactKeys.importRun(projectId, modelId);
        String float32Key = null;
        String int8Key;
        GraphSize float32Size = null;
        GraphSize int8Size;
        String int8Unavailable = null;
        if (float32Model) {
            float32Key = folder + ModelArtifactKeys.FLOAT32_TFLITE;
            store.put(float32Key, bytes);
            float32Size = GraphSize.of(stats, bytes.length);
            Quantized quantized = quantize(projectId, graph);
            if (quantized.bytes() != null) {
                int8Key = folder + ModelArtifactKeys.INT8_TFLITE;
                store.put(int8Key, quantized.bytes());
                int8Size = GraphSize.of(ModelStats.of(quantized.graph()), quantized.bytes().length);
            } else {
                int8Key = null;
                int8Size = null;
                int8Unavailable = quantized.reason();
            }
        } else {
            int8Key = folder + ModelArtifactKeys.INT8_TFLITE;
            store.put(int8Key, bytes);
            int8Size = GraphSize.of(stats, bytes.length);
        }
        Instant now = clock.instant();
        models.insert(new ModelRecord(
                new ModelRecord.Identity(modelId, projectId, modelName, modelKind, ModelSource.IMPORTED, now, now),
                ModelRecord.Status.imported(now),
                ModelRecord.Lineage.imported(impulseVersion),
                new ModelRecord.Signature(JobJson.mapper().valueToTree(sampleShape(input)), labels),
                ModelRecord.Evaluation.none(
                        modelKind == ModelKind.CLASSIFICATION ? TrainJobPayload.DEFAULT_UNCERTAIN_THRESHOLD : null),
                new ModelRecord.Files(
                        new ModelArtifacts(null, float32Key, int8Key, null, null, null),
                        float32Size == null ? null : JobJson.mapper().valueToTree(float32Size),
                        int8Size == null ? null : JobJson.mapper().valueToTree(int8Size),
                        int8Unavailable)));
        return ModelViews.view(models.find(projectId, modelId).orElseThrow());
    }

    private static ModelGraph read(String fileName, byte[] bytes) {
        try {
            return new TfliteReader().read(bytes);
        } catch (TfliteFormatException e) {
            throw new TfliteFileViolation(fileName, e.getMessage(), e);
        }
    }

    private static ModelStats stats(String fileName, ModelGraph graph) {
        if (graph.inputs().length != 1 || graph.outputs().length < 1) {
            throw new TfliteFileViolation(
                    fileName,
                    "it has " + graph.inputs().length + " inputs and " + graph.outputs().length
                            + " outputs; EdgeForge runs models with one input",
                    null);
        }
        ModelStats stats;
        try {
            stats = ModelStats.of(graph);
        } catch (RuntimeException e) {
            throw new TfliteFileViolation(fileName, "its graph cannot be planned (" + e.getMessage() + ")", e);
        }
        if (stats.arenaBytes() > MAX_ARENA_BYTES) {
            throw new TfliteFileViolation(
                    fileName,
                    "it needs " + stats.arenaBytes() + " bytes of activation memory; " + "at most " + MAX_ARENA_BYTES
                            + " are accepted",
                    null);
        }
        return stats;
    }

    /** A model whose tensors are all float32 (or int32 shapes/indices): a float32 model, not yet quantized. */
    private static boolean isFloat32(ModelGraph graph) {
        return graph.inputTensor(0).type() == DataType.FLOAT32
                && graph.tensors().stream()
                        .noneMatch(t ->
                                t.type() == DataType.INT8 || t.type() == DataType.UINT8 || t.type() == DataType.INT16);
    }

    /** The input shape of one sample: the tensor's shape without a leading batch dimension of 1. */
    private static int[] sampleShape(Tensor input) {
        int[] shape = input.shape();
        return shape.length > 1 && shape[0] == 1 ? Arrays.copyOfRange(shape, 1, shape.length) : shape;
    }

    private record Quantized(ModelGraph graph, byte[] bytes, String reason) {}

    private Quantized quantize(UUID projectId, ModelGraph float32) {
        FeatureSetLocator port = locator.getIfAvailable();
        Optional<LocatedFeatures> features = port == null ? Optional.empty() : port.locate(projectId);
        int inputLength = float32.inputTensor(0).elementCount();
        if (features.isEmpty()) {
            return new Quantized(
                    null,
                    null,
                    "No calibration set: the project has no training features to quantize this float32 model with; "
                            + "generate features and import it again, or import an int8 file.");
        }
        List<float[]> rows;
        try {
            rows = calibrationRows(features.get().trainingKey(), inputLength);
        } catch (FeatureFormatException | UncheckedIOException e) {
            return new Quantized(null, null, "No calibration set: the training features cannot be read.");
        }
        if (rows.isEmpty()) {
            return new Quantized(
                    null,
                    null,
                    "No calibration set: the project's features have a different length " + "than the model's input ("
                            + inputLength + " values); quantize it with matching features.");
        }
        int[] candidates = new int[rows.size()];
        Arrays.setAll(candidates, i -> i);
        List<float[]> calibration = CalibrationSet.select(
                rows.toArray(float[][]::new), candidates, CalibrationSet.DEFAULT_SIZE, CALIBRATION_SEED);
        try {
            ModelGraph int8 =
                    new PostTrainingQuantizer(QuantizationOptions.recommended()).quantize(float32, calibration);
            return new Quantized(int8, new TfliteWriter().write(int8), null);
        } catch (RuntimeException e) {
            return new Quantized(null, null, "Quantizing the float32 model failed: " + e.getMessage());
        }
    }

    private List<float[]> calibrationRows(String key, int inputLength) {
        List<float[]> rows = new ArrayList<>();
        try (InputStream in = store.get(key);
                FeatureSetReader reader = new FeatureSetReader(in)) {
            if (reader.header().featureLength() != inputLength) {
                return rows;
            }
            while (reader.hasNext()) {
                FeatureRow row = reader.next();
                rows.add(row.features());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static ModelKind parseKind(String kind) {
        if (kind == null || kind.isBlank()) {
            return ModelKind.CLASSIFICATION;
        }
        ModelKind parsed;
        try {
            parsed = ModelKind.fromValue(kind.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationViolation("kind", "must be classification or regression");
        }
        if (parsed == ModelKind.ANOMALY) {
            throw new ValidationViolation(
                    "kind",
                    "must be classification or regression: anomaly models are K-means "
                            + "models trained in the project, not TFLite files");
        }
        return parsed;
    }
}
