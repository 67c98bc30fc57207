package dev.edgeforge.api.model;

import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.api.project.ProjectRole;
import dev.edgeforge.core.feature.FeatureExtractor;
import dev.edgeforge.core.feature.FeatureInputViolation;
import dev.edgeforge.core.feature.FeatureSource;
import dev.edgeforge.core.feature.WindowFeatures;
import dev.edgeforge.core.format.SampleFormatException;
import dev.edgeforge.core.format.SampleParseOptions;
import dev.edgeforge.core.format.SampleParsers;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ImpulseViolation;
import dev.edgeforge.core.learning.anomaly.AnomalyModel;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.stats.GraphPredictor;
import dev.edgeforge.core.tflite.TfliteReader;
import dev.edgeforge.jobs.training.ModelKind;
import dev.edgeforge.jobs.training.TrainJobPayload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Live classification: a stored sample (by id) or an uploaded file, turned into windows and features by the impulse
 * version the model was trained on, exactly as the feature job does, then run through the model's float32 and int8
 * graphs (or scored by its K-means model) window by window.
 */
@Service
public class LiveClassificationService {

    private final ModelService models;
    private final ModelFiles files;
    private final ObjectProvider<ImpulseLookup> impulses;
    private final ObjectProvider<SampleLookup> samples;

    LiveClassificationService(
            ModelService models,
            ModelFiles files,
            ObjectProvider<ImpulseLookup> impulses,
            ObjectProvider<SampleLookup> samples) {
        this.models = models;
        this.files = files;
        this.impulses = impulses;
        this.samples = samples;
    }

    /** Classifies either the project's sample {@code sampleId} or the uploaded {@code file}. */
    public ClassificationView classify(
            UUID projectId, UUID modelId, String sampleId, MultipartFile file, Double threshold) {
        ModelRecord model = models.find(projectId, modelId, ProjectRole.VIEWER);
        if (!model.isReady()) {
            throw new ModelNotReadyViolation(model.name(), model.state());
        }
        boolean hasFile = file != null && !file.isEmpty();
        boolean hasSample = sampleId != null && !sampleId.isBlank();
        if (hasFile == hasSample) {
            throw new ValidationViolation(
                    "sampleId",
                    "send either a sampleId or a file (multipart field 'file'), " + "not "
                            + (hasFile ? "both" : "neither"));
        }
        if (threshold != null && !ModelService.validThreshold(model.kind(), threshold)) {
            throw new ValidationViolation(
                    "threshold", "must be between 0 and 1 (classification) or a finite number (anomaly)");
        }
        Impulse impulse = impulse(projectId, model);
        String name;
        String label = null;
        FeatureSource source;
        if (hasSample) {
            SampleLookup lookup = samples.getIfAvailable();
            SampleLookup.StoredSample sample = (lookup == null
                            ? Optional.<SampleLookup.StoredSample>empty()
                            : lookup.find(projectId, sampleId.trim()))
                    .orElseThrow(() -> new SampleNotFoundException(sampleId));
            name = sample.sampleId();
            label = sample.label();
            source = sample.source();
        } else {
            name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
            source = parse(name, file);
        }
        List<WindowFeatures> windows;
        try {
            windows = new FeatureExtractor(impulse).compute(source);
        } catch (FeatureInputViolation e) {
            throw new LiveClassificationViolation("'" + name + "' cannot be classified: " + e.getMessage(), e);
        } catch (ImpulseViolation e) {
            throw new ModelCapabilityViolation("The model's impulse version "
                    + model.lineage().impulseVersion() + " cannot compute features: " + e.getMessage());
        }
        int inputLength = ModelViews.elementCount(model.signature().inputShape());
        if (!windows.isEmpty() && inputLength > 0 && windows.get(0).features().length != inputLength) {
            throw new ModelCapabilityViolation("Impulse version "
                    + model.lineage().impulseVersion() + " gives "
                    + windows.get(0).features().length + " features per window, but the model takes " + inputLength
                    + ".");
        }
        double used = threshold != null
                ? threshold
                : model.kind() == ModelKind.ANOMALY
                        ? model.evaluation().anomalyThreshold()
                        : model.evaluation().uncertainThreshold() != null
                                ? model.evaluation().uncertainThreshold()
                                : TrainJobPayload.DEFAULT_UNCERTAIN_THRESHOLD;
        return model.kind() == ModelKind.ANOMALY
                ? anomaly(model, name, label, windows, used)
                : network(model, name, label, windows, used);
    }

    private Impulse impulse(UUID projectId, ModelRecord model) {
        if (model.lineage().impulseVersion() == null) {
            throw new ModelCapabilityViolation("The model '" + model.name() + "' was imported without an impulse "
                    + "version, so EdgeForge cannot compute its features from a raw sample; import it with "
                    + "impulseVersion.");
        }
        ImpulseLookup lookup = impulses.getIfAvailable();
        return (lookup == null
                        ? Optional.<Impulse>empty()
                        : lookup.find(projectId, model.lineage().impulseVersion()))
                .orElseThrow(() -> new ModelCapabilityViolation("Impulse version "
                        + model.lineage().impulseVersion() + " of the model is not available any more."));
    }

    private static FeatureSource parse(String name, MultipartFile file) {
        try {
            return FeatureSource.of(SampleParsers.parse(
                    name, file.getBytes(), SampleParseOptions.defaults().withKeepImagePixels(true)));
        } catch (SampleFormatException e) {
            throw new LiveClassificationViolation("The file '" + name + "' cannot be read: " + e.getMessage(), e);
        } catch (FeatureInputViolation e) {
            throw new LiveClassificationViolation(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ClassificationView network(
            ModelRecord model, String name, String label, List<WindowFeatures> windows, double threshold) {
        GraphPredictor float32 = predictor(model.artifacts().float32());
        GraphPredictor int8 = predictor(model.artifacts().int8());
        boolean classification = model.kind() == ModelKind.CLASSIFICATION;
        List<ClassificationView.Window> results = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (WindowFeatures window : windows) {
            float[] f = float32 == null ? null : float32.predict(window.features());
            float[] q = int8 == null ? null : int8.predict(window.features());
            String fp = f == null ? null : predicted(model, f, threshold, classification);
            String qp = q == null ? null : predicted(model, q, threshold, classification);
            results.add(new ClassificationView.Window(window.windowIndex(), window.windowStartMs(), f, fp, q, qp));
            if (classification) {
                counts.merge(fp != null ? fp : qp, 1, Integer::sum);
            }
        }
        return new ClassificationView(
                model.id(), name, label, model.kind().value(), model.labels(), threshold, results, counts);
    }

    private static String predicted(ModelRecord model, float[] outputs, double threshold, boolean classification) {
        if (classification) {
            return ModelPredictions.className(model.labels(), outputs, threshold);
        }
        List<String> parts = new ArrayList<>();
        for (float v : outputs) {
            parts.add(String.format(Locale.ROOT, "%.4f", v));
        }
        return String.join(", ", parts);
    }

    private ClassificationView anomaly(
            ModelRecord model, String name, String label, List<WindowFeatures> windows, double threshold) {
        AnomalyModel anomalyModel = files.json(model.artifacts().kmeans(), AnomalyModel.class);
        List<ClassificationView.Window> results = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (WindowFeatures window : windows) {
            double score = anomalyModel.score(window.features());
            String predicted = score > threshold ? ModelPredictions.ANOMALY : ModelPredictions.NORMAL;
            results.add(new ClassificationView.Window(
                    window.windowIndex(), window.windowStartMs(), new float[] {(float) score}, predicted, null, null));
            counts.merge(predicted, 1, Integer::sum);
        }
        return new ClassificationView(
                model.id(), name, label, model.kind().value(), List.of("score"), threshold, results, counts);
    }

    private GraphPredictor predictor(String key) {
        if (key == null) {
            return null;
        }
        ModelGraph graph = new TfliteReader().read(files.bytes(key));
        return new GraphPredictor(graph);
    }
}
