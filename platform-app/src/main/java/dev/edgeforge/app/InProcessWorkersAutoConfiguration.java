package dev.edgeforge.app;

import dev.edgeforge.firmware.job.DeployJobHandler;
import dev.edgeforge.firmware.tflm.TflmCheckout;
import dev.edgeforge.firmware.tune.TuneMeasureJobHandler;
import dev.edgeforge.infra.job.JobHandler;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.infra.storage.PatientObjectStore;
import dev.edgeforge.infra.worker.StandaloneWorker;
import dev.edgeforge.jobs.board.BoardCatalogue;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The workers inside the server: every training-worker handler ({@link TrainingWorkerRegistration}) and the
 * firmware builder's deployment and tune-measure handlers become {@link JobHandler} beans, which the server's
 * embedded workers run. It is an auto-configuration so that having this module on the classpath is what turns the
 * server (platform-api) into the all-in-one application; the server alone has no worker classes and leaves the jobs
 * to standalone worker processes. Off with {@code edgeforge.workers.embedded=false}
 * ({@code EDGEFORGE_WORKERS_EMBEDDED}), so a distributed deployment does not load DJL into the server even when it
 * runs this jar.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "edgeforge.workers.embedded", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(FirmwareProperties.class)
@Import(TrainingWorkerRegistration.class)
public class InProcessWorkersAutoConfiguration {

    @Bean
    DeployJobHandler deployJobHandler(
            ObjectStore store,
            BoardCatalogue boards,
            FirmwareProperties properties,
            @Value("${edgeforge.data-dir:./data}") Path dataDir,
            @Value("${edgeforge.tflm.dir:}") String tflmDir) {
        Path workDir = properties.workDir() != null ? properties.workDir() : dataDir.resolve("firmware");
        return DeployJobHandler.builder()
                .setObjectStore(new PatientObjectStore(store, StandaloneWorker.STORAGE_PATIENCE))
                .setWorkDirectory(workDir.toAbsolutePath().normalize())
                .optBoards(boards)
                .optCompilerTimeLimit(properties.compilerTimeLimit())
                .optVerificationTimeLimit(properties.verificationTimeLimit())
                .optVerificationInstances(
                        properties.verificationInstances() > 0
                                ? properties.verificationInstances()
                                : Runtime.getRuntime().availableProcessors())
                .optVerificationSample(properties.verificationSample())
                // EDGEFORGE_TFLM_DIR: checked here, so a wrong path stops the application with its reason
                .optTflmDirectory(
                        tflmDir.isBlank()
                                ? null
                                : TflmCheckout.open(Path.of(tflmDir.trim())).root())
                .build();
    }

    @Bean
    TuneMeasureJobHandler tuneMeasureJobHandler(
            ObjectStore store,
            BoardCatalogue boards,
            FirmwareProperties properties,
            @Value("${edgeforge.data-dir:./data}") Path dataDir) {
        Path workDir = properties.workDir() != null ? properties.workDir() : dataDir.resolve("firmware");
        return new TuneMeasureJobHandler(
                store,
                workDir.toAbsolutePath().normalize(),
                boards,
                properties.compilerTimeLimit(),
                properties.verificationTimeLimit());
    }
}
