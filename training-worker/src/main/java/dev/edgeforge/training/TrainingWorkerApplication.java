package dev.edgeforge.training;

import dev.edgeforge.infra.worker.StandaloneWorker;
import dev.edgeforge.infra.worker.WorkerEnvironment;

/**
 * The training worker as its own process: {@code java -jar training-worker-<version>-exec.jar}, configured by the
 * environment the server reads ({@code SPRING_DATASOURCE_URL}, {@code EDGEFORGE_STORAGE_*},
 * {@code EDGEFORGE_WORKERS_CONCURRENCY}, {@code EDGEFORGE_WORKERS_LEASE_SECONDS}; see {@link WorkerEnvironment}). It
 * runs the handlers of {@link TrainingWorkerHandlers} until SIGTERM, then hands running jobs back.
 */
public final class TrainingWorkerApplication {

    /** Logback reads this classpath resource unless {@code -Dlogback.configurationFile} names another. */
    static final String LOGBACK_CONFIGURATION = "dev/edgeforge/training/training-worker-logback.xml";

    private TrainingWorkerApplication() {}

    public static void main(String[] args) throws InterruptedException {
        // before the first logger exists; a logback.xml of our own would also configure the server, which has
        // training-worker on its classpath
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIGURATION);
        }
        // DJL must never try to download an engine: the PyTorch native library ships in the jar
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        WorkerEnvironment environment;
        try {
            environment = WorkerEnvironment.from(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("training-worker: " + e.getMessage());
            System.exit(2);
            return;
        }
        StandaloneWorker.run("training-worker", environment, TrainingWorkerHandlers::create);
    }
}
