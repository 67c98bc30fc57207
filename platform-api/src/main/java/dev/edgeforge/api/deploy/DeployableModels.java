package dev.edgeforge.api.deploy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every {@link DeployableModelSource} bean, asked in order; none means the project has no deployable models. */
@Component
class DeployableModels {

    private final List<DeployableModelSource> sources;

    DeployableModels(ObjectProvider<DeployableModelSource> sources) {
        this.sources = sources.orderedStream().toList();
    }

    /** The model, if a source knows it in this project. */
    Optional<DeployableModel> find(UUID projectId, UUID modelId) {
        for (DeployableModelSource source : sources) {
            Optional<DeployableModel> model = source.find(projectId, modelId);
            if (model.isPresent()) {
                return model;
            }
        }
        return Optional.empty();
    }

    /** @throws DeployableModelNotFoundException when no source knows the model in this project */
    DeployableModel require(UUID projectId, UUID modelId) {
        for (DeployableModelSource source : sources) {
            Optional<DeployableModel> model = source.find(projectId, modelId);
            if (model.isPresent()) {
                return model.get();
            }
        }
        throw new DeployableModelNotFoundException(projectId, modelId);
    }

    List<DeployableModel> list(UUID projectId) {
        return sources.stream()
                .flatMap(source -> source.list(projectId).stream())
                .toList();
    }
}
