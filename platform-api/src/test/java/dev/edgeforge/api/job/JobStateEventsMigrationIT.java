package dev.edgeforge.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.infra.job.Job;
import dev.edgeforge.infra.job.JobStateChanges;
import dev.edgeforge.infra.testing.MigrationsDirectory;
import dev.edgeforge.infra.testing.SharedPostgres;
import dev.edgeforge.infra.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An installation that ran V1–V9 upgrades to the job events (V12): what the old server had applied counts as
 * published, what a model or deployment still waits for is published on the first start, and the compression and
 * feature generation rows take over what they used to read from the queue on every request.
 */
class JobStateEventsMigrationIT {

    private final TestDatabase db = SharedPostgres.emptyDatabase("JobStateEventsMigrationIT");
    private final JdbcClient sql = JdbcClient.create(db.dataSource());

    private Flyway flyway(String target) {
        return Flyway.configure()
                .dataSource(db.dataSource())
                .locations("filesystem:" + MigrationsDirectory.find())
                .target(target)
                .load();
    }

    @Test
    void rowsOfAV9InstallationAreCarriedOver() {
        flyway("9").migrate();
        UUID project = UUID.randomUUID();
        sql.sql("INSERT INTO project (id, name, created_at, updated_at) VALUES (:id, 'Upgraded', now(), now())")
                .param("id", project)
                .update();
        sql.sql("INSERT INTO impulse_version (project_id, version, json, created_at) VALUES (:p, 1, '{}', now())")
                .param("p", project)
                .update();

        // a train job that succeeded while the old server was down: its model still says training
        UUID waitedFor = job(project, "train", "succeeded", "{}", "{\"labels\": [\"a\"]}", null);
        sql.sql("""
                        INSERT INTO model (id, project_id, name, kind, state, source, train_job_id, created_at,
                                           updated_at)
                        VALUES (gen_random_uuid(), :p, 'Waiting', 'classification', 'training', 'trained', :job,
                                now(), now())""").param("p", project).param("job", waitedFor).update();
        // a deploy job the old server applied: its deployment is ready
        UUID applied = job(project, "deploy", "succeeded", "{}", "{}", null);
        String readyDeployment = """
                INSERT INTO deployments (id, project_id, model_id, model_name, variant, target, format, state, job_id,
                                         bundle_object_key, created_at, finished_at)
                VALUES (gen_random_uuid(), :p, gen_random_uuid(), 'm', 'int8', 'netduinoplus2-qemu', 'firmware',
                        'ready', :job, 'projects/x/bundle.zip', now(), now())""";
        sql.sql(readyDeployment).param("p", project).param("job", applied).update();
        // compression and feature generation rows, which knew nothing but their job's id
        UUID compressed = job(
                project,
                "compress",
                "succeeded",
                "{\"options\": {\"magnitudePruning\": {\"targetSparsity\": 0.5}}}",
                "{\"reportKey\": \"projects/x/compression-report.json\"}",
                null);
        sql.sql("INSERT INTO model_compression_job (job_id, project_id, model_id, created_at) "
                        + "VALUES (:job, :p, gen_random_uuid(), now())")
                .param("job", compressed)
                .param("p", project)
                .update();
        UUID failedFeatures = job(project, "features", "failed", "{}", null, "no samples");
        UUID missingJob = UUID.randomUUID();
        for (UUID featureJob : List.of(failedFeatures, missingJob)) {
            sql.sql("INSERT INTO feature_generation (job_id, project_id, impulse_version, sample_count, created_at) "
                            + "VALUES (:job, :p, 1, 3, now())")
                    .param("job", featureJob)
                    .param("p", project)
                    .update();
        }

        flyway("latest").migrate();

        assertThat(new JobStateChanges(db.dataSource()).unpublished(100))
                .extracting(Job::id)
                .containsExactly(waitedFor);
        Map<String, Object> compression = sql.sql("SELECT state, options::text AS options, result::text AS result "
                        + "FROM model_compression_job WHERE job_id = :job")
                .param("job", compressed)
                .query()
                .singleRow();
        assertThat(compression.get("state")).isEqualTo("succeeded");
        assertThat((String) compression.get("options")).contains("\"targetSparsity\": 0.5");
        assertThat((String) compression.get("result")).contains("compression-report.json");
        assertThat(featureRow(failedFeatures)).containsEntry("state", "failed").containsEntry("error", "no samples");
        assertThat(featureRow(missingJob))
                .containsEntry("state", "failed")
                .containsEntry("error", "its job no longer exists");
    }

    private Map<String, Object> featureRow(UUID jobId) {
        return sql.sql("SELECT state, error FROM feature_generation WHERE job_id = :job")
                .param("job", jobId)
                .query()
                .singleRow();
    }

    /** A job as the V2 queue left it after it ended (two state changes: claimed, then ended). */
    private UUID job(UUID project, String type, String state, String payload, String result, String error) {
        UUID id = UUID.randomUUID();
        sql.sql("""
                        INSERT INTO jobs (id, project_id, type, state, payload, result, progress, attempts,
                                          max_attempts, run_at, error, version, created_at, started_at, finished_at,
                                          updated_at)
                        VALUES (:id, :p, :type, :state, CAST(:payload AS jsonb), CAST(:result AS jsonb), 1, 1, 3,
                                now(), :error, 2, now(), now(), now(), now())""")
                .param("id", id)
                .param("p", project)
                .param("type", type)
                .param("state", state)
                .param("payload", payload)
                .param("result", result)
                .param("error", error)
                .update();
        return id;
    }
}
