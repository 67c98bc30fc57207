package dev.edgeforge.firmware.job;

import dev.edgeforge.firmware.tune.TuneMeasureJobHandler;
import dev.edgeforge.infra.job.JobHandler;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.infra.worker.WorkerEnvironment;
import java.nio.file.Path;
import java.util.List;

/** The job handlers of the firmware-builder service, for its standalone process. */
public final class FirmwareBuilderHandlers {

    private FirmwareBuilderHandlers() {}

    /**
     * The deployment and tune-measure handlers with its scratch space (builds and build cache) in
     * {@code <EDGEFORGE_WORK_DIR>/edgeforge-firmware}.
     */
    public static List<JobHandler> create(ObjectStore store, WorkerEnvironment env) {
        return List.of(
                DeployJobHandler.builder()
                        .setObjectStore(store)
                        .setWorkDirectory(workDirectory(env))
                        .build(),
                new TuneMeasureJobHandler(store, workDirectory(env)));
    }

    static Path workDirectory(WorkerEnvironment env) {
        return env.workDir().resolve("edgeforge-firmware").toAbsolutePath().normalize();
    }
}
