package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.InJvmS3;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.infra.storage.S3ObjectStore;
import dev.edgeforge.jobs.deploy.DeploymentObjects;
import dev.edgeforge.jobs.feature.FeatureObjectKeys;
import dev.edgeforge.jobs.training.ModelArtifactKeys;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The orphan sweeper knows every kind of object, against a real S3 API (S3Proxy, signature v4) and the embedded
 * PostgreSQL: samples, models, deployments and features without their row are removed after the grace period; those
 * with a row, objects younger than the grace period and folders no kind names (in a project that exists) are kept;
 * everything of a project whose row is gone is removed.
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OrphanObjectSweepIT {

    private static final InJvmS3 S3 = InJvmS3.start();

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        S3.register(registry, "sweep-it");
        registry.add("edgeforge.storage.s3.region", () -> "us-east-1");
        registry.add("edgeforge.workers.embedded", () -> "false");
        registry.add("edgeforge.datasets.orphan-sweep-interval", () -> "0s");
    }

    @AfterAll
    static void stopProxy() throws Exception {
        S3.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ObjectStore store;

    @Autowired
    OrphanSampleSweeper sweeper;

    @Autowired
    SampleStorage storage;

    @Autowired
    SampleCommits commits;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyKindOfObjectWithoutItsRowIsRemovedAfterTheGracePeriodAndNothingElse() {
        assertThat(store).isInstanceOf(S3ObjectStore.class);
        TestProject project = TestProject.create(port, "Sweep");
        UUID p = project.id;

        byte[] kept = SampleFiles.eiJson(801, 20);
        SampleRow keptRow = SampleCommitsIT.row(p, kept);
        storage.storeIfMissing(keptRow.objectKey(), SampleStorage.Content.of(kept));
        commits.insert(keptRow, SampleStorage.Content.of(kept), false);
        String orphanSample = SampleStorage.objectKey(p, SampleContent.sha256(SampleFiles.eiJson(802, 20)));

        UUID model = UUID.randomUUID();
        insertModel(p, model);
        String modelKept = ModelArtifactKeys.trainRun(p, model, 1) + ModelArtifactKeys.FLOAT32_TFLITE;
        String modelOrphan = ModelArtifactKeys.trainRun(p, UUID.randomUUID(), 1) + ModelArtifactKeys.FLOAT32_TFLITE;

        UUID deployment = UUID.randomUUID();
        insertDeployment(p, deployment, model);
        String deploymentKept = DeploymentObjects.bundle(p, deployment);
        String deploymentOrphan = DeploymentObjects.bundle(p, UUID.randomUUID());

        insertImpulseVersion(p, 1);
        String featuresKept = FeatureObjectKeys.manifest(p, 1, UUID.randomUUID());
        String featuresOrphan = FeatureObjectKeys.manifest(p, 7, UUID.randomUUID());

        String unknownFolder = "projects/" + p + "/not-a-known-kind/x/y.json";
        UUID deletedProject = UUID.randomUUID();
        String ofDeletedProject = "projects/" + deletedProject + "/anything/x/y.json";
        String modelOfDeletedProject =
                ModelArtifactKeys.trainRun(deletedProject, UUID.randomUUID(), 1) + ModelArtifactKeys.METRICS;

        List<String> garbage = List.of(
                orphanSample, modelOrphan, deploymentOrphan, featuresOrphan, ofDeletedProject, modelOfDeletedProject);
        List<String> referenced = List.of(keptRow.objectKey(), modelKept, deploymentKept, featuresKept, unknownFolder);
        for (String key : garbage) {
            put(key);
        }
        for (String key : referenced) {
            if (!store.exists(key)) {
                put(key);
            }
        }

        // within the grace period nothing is touched
        sweeper.sweep(Instant.now().minusSeconds(3600));
        for (String key : garbage) {
            assertThat(store.exists(key)).as("young %s", key).isTrue();
        }

        OrphanSampleSweeper.Sweep sweep = sweeper.sweep(Instant.now().plusSeconds(60));

        for (String key : garbage) {
            assertThat(store.exists(key)).as("orphan %s", key).isFalse();
        }
        for (String key : referenced) {
            assertThat(store.exists(key)).as("referenced %s", key).isTrue();
        }
        assertThat(sweep.deletedByKind())
                .containsEntry("samples", 1)
                .containsEntry("deployments", 1)
                .containsEntry("features", 1)
                .containsEntry(OrphanSampleSweeper.OTHER, 1);
        assertThat(sweep.deletedByKind().get("models"))
                .as("one of the project, one of the deleted project")
                .isEqualTo(2);
    }

    private void put(String key) {
        store.put(key, ("object " + key).getBytes(StandardCharsets.UTF_8));
    }

    private void insertModel(UUID projectId, UUID id) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO model (id, project_id, name, kind, state, source, created_at, updated_at) "
                        + "VALUES (:id, :p, 'swept', 'classification', 'failed', 'trained', :now, :now)")
                .param("id", id)
                .param("p", projectId)
                .param("now", now)
                .update();
    }

    private void insertDeployment(UUID projectId, UUID id, UUID modelId) {
        jdbc.sql("INSERT INTO deployments (id, project_id, model_id, model_name, variant, target, format, "
                        + "state, job_id, created_at) VALUES (:id, :p, :m, 'swept', 'int8', 'cortex-m4', "
                        + "'firmware', 'failed', :job, :now)")
                .param("id", id)
                .param("p", projectId)
                .param("m", modelId)
                .param("job", UUID.randomUUID())
                .param("now", Timestamp.from(Instant.now()))
                .update();
    }

    private void insertImpulseVersion(UUID projectId, int version) {
        jdbc.sql("INSERT INTO impulse_version (project_id, version, json, created_at) VALUES (:p, :v, "
                        + "CAST('{}' AS jsonb), :now) ON CONFLICT DO NOTHING")
                .param("p", projectId)
                .param("v", version)
                .param("now", Timestamp.from(Instant.now()))
                .update();
    }
}
