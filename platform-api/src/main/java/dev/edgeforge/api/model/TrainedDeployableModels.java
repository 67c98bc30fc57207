package dev.edgeforge.api.model;

import dev.edgeforge.api.deploy.DeployableModel;
import dev.edgeforge.api.deploy.DeployableModelSource;
import dev.edgeforge.core.impulse.ImpulseJson;
import dev.edgeforge.jobs.training.ModelKind;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The deployment feature's view of models: every ready model with an int8 .tflite, trained or imported. A trained
 * model brings its impulse when the firmware can run it (one processing block), so the device computes features
 * itself, and its test split's features as the windows the emulator must answer exactly as the server.
 */
@Component
class TrainedDeployableModels implements DeployableModelSource {

    private final ModelRepository models;
    private final ImpulseLookup impulses;

    TrainedDeployableModels(ModelRepository models, ImpulseLookup impulses) {
        this.models = models;
        this.impulses = impulses;
    }

    @Override
    public Optional<DeployableModel> find(UUID projectId, UUID modelId) {
        return models.find(projectId, modelId)
                .filter(TrainedDeployableModels::deployable)
                .map(this::view);
    }

    @Override
    public List<DeployableModel> list(UUID projectId) {
        return models.list(projectId).stream()
                .filter(TrainedDeployableModels::deployable)
                .map(this::view)
                .toList();
    }

    private static boolean deployable(ModelRecord model) {
        return model.state() == ModelState.READY
                && model.artifacts() != null
                && (model.artifacts().int8() != null || anomaly(model));
    }

    /** An anomaly model with its stored model and a threshold: the firmware scores it on the device. */
    private static boolean anomaly(ModelRecord model) {
        return model.kind() == ModelKind.ANOMALY
                && model.artifacts().kmeans() != null
                && model.evaluation().anomalyThreshold() != null;
    }

    private DeployableModel view(ModelRecord model) {
        String impulseJson = null;
        if (model.lineage().impulseVersion() != null) {
            impulseJson = impulses.find(model.projectId(), model.lineage().impulseVersion())
                    .filter(impulse -> impulse.processingBlocks().size() == 1)
                    .map(ImpulseJson::write)
                    .orElse(null);
        }
        return new DeployableModel(
                model.id(),
                model.name(),
                model.labels(),
                anomaly(model) ? null : model.artifacts().int8(),
                model.artifacts().float32(),
                impulseJson != null ? model.lineage().impulseVersion() : null,
                impulseJson,
                model.lineage().testingFeaturesKey(),
                anomaly(model)
                        ? new DeployableModel.Anomaly(
                                model.artifacts().kmeans(), model.evaluation().anomalyThreshold())
                        : null);
    }
}
