package dev.edgeforge.api.deploy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where deployment finds models: the port the models feature implements (as a Spring bean) so this package needs
 * neither its tables nor its classes. Several beans may exist (trained models, imported models); deployment asks
 * each. Access has been checked by the caller: implementations only look up.
 *
 * <p>Contract: a returned model's {@code int8ModelKey} (and {@code testWindowsKey}, when not null) name objects that
 * exist in the object store and do not change afterwards (a deployment reads them later, from another process).
 */
public interface DeployableModelSource {

    /** The model {@code modelId} of project {@code projectId}, if it exists there and has an int8 .tflite. */
    Optional<DeployableModel> find(UUID projectId, UUID modelId);

    /** The project's deployable models, newest first (the Deployment page's model picker). */
    List<DeployableModel> list(UUID projectId);
}
