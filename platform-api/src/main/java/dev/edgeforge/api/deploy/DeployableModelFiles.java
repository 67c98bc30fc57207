package dev.edgeforge.api.deploy;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.device.NetworkCore;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ImpulseJson;
import dev.edgeforge.core.learning.anomaly.AnomalyModel;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.tflite.TfliteReader;
import dev.edgeforge.infra.storage.ObjectNotFoundException;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.jobs.JobJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads a deployable model's int8 graph (or its anomaly model) and impulse, checking that compiled C can run them.
 */
@Component
class DeployableModelFiles {

    /** A model ready for estimates and builds. */
    record Loaded(ModelGraph graph, Optional<Impulse> impulse) {}

    /** An anomaly model ready for estimates and builds. */
    record LoadedAnomaly(AnomalyModel model, Optional<Impulse> impulse) {}

    private final ObjectStore store;

    DeployableModelFiles(ObjectStore store) {
        this.store = store;
    }

    /** @throws ModelNotDeployableViolation naming what keeps the model from being compiled */
    Loaded load(DeployableModel model) {
        if (model.isAnomaly()) {
            throw new ModelNotDeployableViolation(
                    "Model '" + model.name() + "' is an anomaly model: it has no network to read as int8; its "
                            + "firmware scores it in float32 (deploy it as firmware or c-library).",
                    null);
        }
        byte[] bytes;
        try (InputStream in = store.get(model.int8ModelKey())) {
            bytes = in.readAllBytes();
        } catch (ObjectNotFoundException e) {
            throw new ModelNotDeployableViolation(
                    "The int8 file of model '" + model.name() + "' is missing from the " + "object store ("
                            + model.int8ModelKey() + "); quantize or import the model again.",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + model.int8ModelKey(), e);
        }
        ModelGraph graph;
        try {
            graph = new TfliteReader().read(bytes);
            NetworkCore.of(graph);
        } catch (RuntimeException e) {
            throw new ModelNotDeployableViolation(
                    "Model '" + model.name() + "' cannot be compiled for a device: " + e.getMessage(), e);
        }
        return new Loaded(graph, impulse(model));
    }

    /**
     * @throws ModelNotDeployableViolation when the stored anomaly model is missing or unreadable, or its impulse
     *     cannot be compiled
     */
    LoadedAnomaly loadAnomaly(DeployableModel model) {
        String key = model.anomaly().modelKey();
        AnomalyModel anomaly;
        try (InputStream in = store.get(key)) {
            anomaly = JobJson.mapper().readValue(in.readAllBytes(), AnomalyModel.class);
        } catch (ObjectNotFoundException e) {
            throw new ModelNotDeployableViolation(
                    "The anomaly model file of model '" + model.name() + "' is missing from the object store (" + key
                            + "); train the model again.",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        } catch (RuntimeException e) {
            throw new ModelNotDeployableViolation(
                    "The anomaly model file of model '" + model.name() + "' cannot be read: " + e.getMessage(), e);
        }
        return new LoadedAnomaly(anomaly, impulse(model));
    }

    private static Optional<Impulse> impulse(DeployableModel model) {
        Optional<Impulse> impulse = Optional.empty();
        if (model.impulseJson() != null) {
            try {
                impulse = Optional.of(ImpulseJson.read(model.impulseJson()));
                ImpulseDsp.of(impulse.get());
            } catch (RuntimeException e) {
                throw new ModelNotDeployableViolation(
                        "The impulse (v" + model.impulseVersion() + ") of model '" + model.name()
                                + "' cannot be compiled for a device: " + e.getMessage(),
                        e);
            }
        }
        return impulse;
    }
}
