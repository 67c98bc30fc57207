package dev.edgeforge.firmware.job;

import dev.edgeforge.firmware.tflm.TflmCheckout;
import dev.edgeforge.firmware.tune.TuneMeasureJobHandler;
import dev.edgeforge.infra.job.JobHandler;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.infra.worker.WorkerEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The job handlers of the firmware-builder service, for its standalone process. */
public final class FirmwareBuilderHandlers {

    private FirmwareBuilderHandlers() {}

    /**
     * The deployment handler with its scratch space (builds and build cache) in
     * {@code <EDGEFORGE_WORK_DIR>/edgeforge-firmware}, and a TFLM checkout from {@code EDGEFORGE_TFLM_DIR} if set; the
     * tune-measure handler with the same scratch space.
     */
    public static List<JobHandler> create(ObjectStore store, WorkerEnvironment env) {
        return create(store, env, System.getenv());
    }

    static List<JobHandler> create(ObjectStore store, WorkerEnvironment env, Map<String, String> variables) {
        return List.of(
                DeployJobHandler.builder()
                        .setObjectStore(store)
                        .setWorkDirectory(workDirectory(env))
                        .optTflmDirectory(tflmDirectory(variables).orElse(null))
                        .build(),
                new TuneMeasureJobHandler(store, workDirectory(env)));
    }

    /**
     * {@code EDGEFORGE_TFLM_DIR}, checked at start-up so a wrong path stops the worker with its reason instead of
     * failing every tflm deployment later.
     */
    static Optional<Path> tflmDirectory(Map<String, String> variables) {
        String value = variables.get("EDGEFORGE_TFLM_DIR");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(TflmCheckout.open(Path.of(value.trim())).root());
    }

    static Path workDirectory(WorkerEnvironment env) {
        return env.workDir().resolve("edgeforge-firmware").toAbsolutePath().normalize();
    }
}
