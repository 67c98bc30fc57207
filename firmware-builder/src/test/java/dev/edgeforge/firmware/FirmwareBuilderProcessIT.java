package dev.edgeforge.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.model.Activation;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.FullyConnectedOptions;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.Quantization;
import dev.edgeforge.core.tflite.TfliteWriter;
import dev.edgeforge.infra.job.Job;
import dev.edgeforge.infra.job.JobQueue;
import dev.edgeforge.infra.job.JobState;
import dev.edgeforge.infra.job.NewJob;
import dev.edgeforge.infra.storage.FileSystemObjectStore;
import dev.edgeforge.infra.testing.SharedPostgres;
import dev.edgeforge.infra.testing.TestDatabase;
import dev.edgeforge.jobs.deploy.DeployJobPayload;
import dev.edgeforge.jobs.deploy.DeployResult;
import dev.edgeforge.jobs.deploy.DeploymentObjects;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The standalone firmware-builder process ({@code java -jar target/firmware-builder-*-exec.jar}, built by this
 * module's package phase) against a real PostgreSQL with the real migrations and a filesystem object store: it
 * takes a deployment job from the queue, stores the bundle, and stops on SIGTERM.
 */
class FirmwareBuilderProcessIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;

    @Test
    void theExecJarTakesADeploymentJobFromTheQueueAndStopsOnSigterm() throws Exception {
        TestDatabase database = SharedPostgres.freshDatabase("firmware_process");
        Path objects = work.resolve("objects");
        FileSystemObjectStore store = new FileSystemObjectStore(objects);
        UUID projectId = UUID.randomUUID();
        UUID modelId = UUID.randomUUID();
        UUID deploymentId = UUID.randomUUID();
        String modelKey = "projects/" + projectId + "/models/" + modelId + "/model-int8.tflite";
        store.put(modelKey, new TfliteWriter().write(tinyModel()));
        JobQueue queue = new JobQueue(database.dataSource(), Clock.systemUTC());
        UUID jobId = queue.enqueue(NewJob.of(
                DeployJobPayload.TYPE,
                projectId,
                JSON.writeValueAsString(new DeployJobPayload(
                        deploymentId,
                        modelId,
                        "tiny",
                        List.of("a", "b", "c"),
                        "int8",
                        "netduinoplus2-qemu",
                        "firmware",
                        modelKey,
                        null,
                        null,
                        null,
                        List.of()))));

        Path log = work.resolve("firmware-builder.log");
        ProcessBuilder command = new ProcessBuilder(
                        javaExecutable(), "-Xmx256m", "-jar", execJar().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        command.environment().put("SPRING_DATASOURCE_URL", database.jdbcUrl());
        command.environment().put("SPRING_DATASOURCE_USERNAME", database.user());
        command.environment().put("EDGEFORGE_STORAGE_ROOT", objects.toString());
        command.environment().put("EDGEFORGE_WORK_DIR", work.resolve("scratch").toString());
        Process process = command.start();
        try {
            Job job = awaitTerminal(queue, jobId, Duration.ofMinutes(3));
            assertThat(job.state())
                    .as(job.error() + "\n" + Files.readString(log))
                    .isEqualTo(JobState.SUCCEEDED);
            DeployResult result = JSON.readValue(job.result(), DeployResult.class);
            assertThat(result.verification().verified()).isTrue();
            assertThat(result.bundle().key()).isEqualTo(DeploymentObjects.bundle(projectId, deploymentId));
            assertThat(store.exists(result.bundle().key())).isTrue();
            assertThat(store.stat(result.bundle().key()).size())
                    .isEqualTo(result.bundle().bytes());
            assertThat(queue.logs(jobId, 0, 100))
                    .extracting(line -> line.line())
                    .anyMatch(line -> line.startsWith("VERIFIED"));
            assertThat(Files.isDirectory(work.resolve("scratch/edgeforge-firmware/cache")))
                    .isTrue();
        } finally {
            process.destroy(); // SIGTERM: the worker hands running jobs back and exits
            boolean exited = process.waitFor(30, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly();
            }
            assertThat(exited).as("stopped within 30 s of SIGTERM").isTrue();
        }
        String output = Files.readString(log);
        assertThat(output)
                .contains("firmware-builder")
                .contains("started")
                // the handlers' job types, in no fixed order
                .containsPattern("types \\[[^\\]]*\\bdeploy\\b[^\\]]*\\]")
                .contains("stopping");
        assertThat(output).doesNotContain(" DEBUG ");
    }

    private static Job awaitTerminal(JobQueue queue, UUID jobId, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Job job = queue.find(jobId).orElseThrow();
        while (!job.state().isTerminal() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            job = queue.find(jobId).orElseThrow();
        }
        return job;
    }

    private static ModelGraph tinyModel() {
        ModelGraph.Builder b = ModelGraph.builder();
        int in = b.addTensor("x", DataType.INT8, new int[] {1, 4}, Quantization.perTensor(0.1f, 0));
        int w = b.addInt8Constant("w", new int[] {3, 4}, Quantization.perTensor(0.05f, 0), new byte[] {
            10, -20, 30, -40, 5, 6, 7, 8, -9, 10, -11, 12
        });
        int bias = b.addInt32Constant("b", new int[] {3}, Quantization.perTensor(0.005f, 0), new int[] {1, 2, 3});
        int out = b.addTensor("y", DataType.INT8, new int[] {1, 3}, Quantization.perTensor(0.2f, -5));
        b.addOperator(
                OpType.FULLY_CONNECTED, FullyConnectedOptions.of(Activation.RELU), new int[] {in, w, bias}, new int[] {
                    out
                });
        return b.setInputs(in).setOutputs(out).build();
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path execJar() throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(Path.of("target"), "firmware-builder-*-exec.jar")) {
            found.forEach(jars::add);
        }
        assertThat(jars)
                .as("the exec jar from 'mvn package' in " + Path.of("target").toAbsolutePath())
                .hasSize(1);
        return jars.get(0);
    }
}
