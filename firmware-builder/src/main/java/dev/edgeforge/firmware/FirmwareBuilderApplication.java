package dev.edgeforge.firmware;

import dev.edgeforge.firmware.job.FirmwareBuilderHandlers;
import dev.edgeforge.infra.worker.StandaloneWorker;
import dev.edgeforge.infra.worker.WorkerEnvironment;

/**
 * The firmware-builder process: takes deployment jobs from the PostgreSQL queue until SIGTERM. Configured by the
 * same environment as the server ({@code SPRING_DATASOURCE_URL}, {@code EDGEFORGE_STORAGE_*}, see
 * {@link WorkerEnvironment}); needs arm-none-eabi-gcc and qemu-system-arm on the PATH.
 *
 * <pre>
 * SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:5432/edgeforge EDGEFORGE_STORAGE_ROOT=./data/objects \
 *   java -jar firmware-builder/target/firmware-builder-*-exec.jar
 * </pre>
 */
public final class FirmwareBuilderApplication {

    private FirmwareBuilderApplication() {}

    /** The process's logback configuration (INFO to the console), unless one is given. */
    static final String LOGBACK_CONFIGURATION = "firmware-builder-logback.xml";

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIGURATION); // before the first logger
        }
        WorkerEnvironment env;
        try {
            env = WorkerEnvironment.from(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("firmware-builder: " + e.getMessage());
            System.exit(2);
            return;
        }
        StandaloneWorker.run("firmware-builder", env, FirmwareBuilderHandlers::create);
    }
}
