package dev.edgeforge.api.model;

import dev.edgeforge.jobs.JobJson;
import dev.edgeforge.jobs.training.ModelArtifacts;
import dev.edgeforge.jobs.training.ModelKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code model} table through plain SQL: JSON columns are jsonb, written from and read into trees. Updates that
 * apply a job's outcome are conditional on the row still waiting for that job, so applying twice (two servers, a
 * retried reconcile) changes nothing the second time.
 */
@Repository
class ModelRepository {

    private static final JsonMapper JSON = JobJson.mapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final String COLUMNS = """
            id, project_id, name, kind, state, source, error, impulse_version, dataset_version, learning_block,
            hyperparameters, seed, feature_kind, input_shape, labels, training_features_key, testing_features_key,
            uncertain_threshold, anomaly_threshold, metrics, history, summary, float32_size, int8_size,
            int8_unavailable_reason, network_key, float32_key, int8_key, kmeans_key, metrics_key, predictions_key,
            train_job_id, pending_test_job_id, test_error, created_at, updated_at, trained_at""";

    private final JdbcClient jdbc;

    ModelRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    void insert(ModelRecord m) {
        jdbc.sql("INSERT INTO model (" + COLUMNS + ") VALUES (:id, :projectId, :name, :kind, :state, :source, :error, "
                        + ":impulseVersion, :datasetVersion, CAST(:learningBlock AS jsonb), "
                        + "CAST(:hyperparameters AS jsonb), :seed, :featureKind, CAST(:inputShape AS jsonb), "
                        + "CAST(:labels AS jsonb), :trainingFeaturesKey, :testingFeaturesKey, :uncertainThreshold, "
                        + ":anomalyThreshold, CAST(:metrics AS jsonb), CAST(:history AS jsonb), "
                        + "CAST(:summary AS jsonb), "
                        + "CAST(:float32Size AS jsonb), CAST(:int8Size AS jsonb), :int8UnavailableReason, :networkKey, "
                        + ":float32Key, :int8Key, :kmeansKey, :metricsKey, :predictionsKey, :trainJobId, "
                        + ":pendingTestJobId, :testError, :createdAt, :updatedAt, :trainedAt)")
                .param("id", m.id())
                .param("projectId", m.projectId())
                .param("name", m.name())
                .param("kind", m.kind().value())
                .param("state", m.state().value())
                .param("source", m.source().value())
                .param("error", m.error())
                .param("impulseVersion", m.impulseVersion())
                .param("datasetVersion", m.datasetVersion())
                .param("learningBlock", json(m.learningBlock()))
                .param("hyperparameters", json(m.hyperparameters()))
                .param("seed", m.seed())
                .param("featureKind", m.featureKind())
                .param("inputShape", json(m.inputShape()))
                .param("labels", JSON.writeValueAsString(m.labels()))
                .param("trainingFeaturesKey", m.trainingFeaturesKey())
                .param("testingFeaturesKey", m.testingFeaturesKey())
                .param("uncertainThreshold", m.uncertainThreshold())
                .param("anomalyThreshold", m.anomalyThreshold())
                .param("metrics", json(m.metrics()))
                .param("history", json(m.history()))
                .param("summary", json(m.summary()))
                .param("float32Size", json(m.float32Size()))
                .param("int8Size", json(m.int8Size()))
                .param("int8UnavailableReason", m.int8UnavailableReason())
                .param("networkKey", m.artifacts().network())
                .param("float32Key", m.artifacts().float32())
                .param("int8Key", m.artifacts().int8())
                .param("kmeansKey", m.artifacts().kmeans())
                .param("metricsKey", m.artifacts().metrics())
                .param("predictionsKey", m.artifacts().predictions())
                .param("trainJobId", m.trainJobId())
                .param("pendingTestJobId", m.pendingTestJobId())
                .param("testError", m.testError())
                .param("createdAt", timestamp(m.createdAt()))
                .param("updatedAt", timestamp(m.updatedAt()))
                .param("trainedAt", timestamp(m.trainedAt()))
                .update();
    }

    Optional<ModelRecord> find(UUID projectId, UUID modelId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM model WHERE project_id = :projectId AND id = :id")
                .param("projectId", projectId)
                .param("id", modelId)
                .query(ModelRepository::map)
                .optional();
    }

    List<ModelRecord> list(UUID projectId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM model WHERE project_id = :projectId "
                        + "ORDER BY created_at DESC, id DESC")
                .param("projectId", projectId)
                .query(ModelRepository::map)
                .list();
    }

    boolean rename(UUID projectId, UUID modelId, String name, Instant now) {
        return jdbc.sql("UPDATE model SET name = :name, updated_at = :now WHERE project_id = :projectId AND id = :id")
                        .param("name", name)
                        .param("now", timestamp(now))
                        .param("projectId", projectId)
                        .param("id", modelId)
                        .update()
                == 1;
    }

    boolean setAnomalyThreshold(UUID projectId, UUID modelId, double threshold, Instant now) {
        return jdbc.sql("UPDATE model SET anomaly_threshold = :threshold, updated_at = :now "
                                + "WHERE project_id = :projectId AND id = :id AND kind = 'anomaly'")
                        .param("threshold", threshold)
                        .param("now", timestamp(now))
                        .param("projectId", projectId)
                        .param("id", modelId)
                        .update()
                == 1;
    }

    boolean delete(UUID projectId, UUID modelId) {
        return jdbc.sql("DELETE FROM model WHERE project_id = :projectId AND id = :id")
                        .param("projectId", projectId)
                        .param("id", modelId)
                        .update()
                == 1;
    }

    /** A model waiting for a job: its train job (state training) or a test job not applied yet. */
    record Waiting(UUID modelId, UUID projectId, UUID jobId) {}

    /** Models still training, optionally of one project only. */
    List<Waiting> training(UUID projectId) {
        return jdbc.sql("SELECT id, project_id, train_job_id FROM model WHERE state = 'training'"
                        + (projectId == null ? "" : " AND project_id = :projectId"))
                .params(projectParams(projectId))
                .query((rs, row) -> new Waiting(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)))
                .list();
    }

    /** Models whose latest test job has not been applied yet. */
    List<Waiting> pendingTests(UUID projectId) {
        return jdbc.sql("SELECT id, project_id, pending_test_job_id FROM model WHERE pending_test_job_id IS NOT NULL"
                        + (projectId == null ? "" : " AND project_id = :projectId"))
                .params(projectParams(projectId))
                .query((rs, row) -> new Waiting(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)))
                .list();
    }

    private static Map<String, Object> projectParams(UUID projectId) {
        return projectId == null ? Map.of() : Map.of("projectId", projectId);
    }

    /** What a finished training puts into the row. */
    record Trained(
            List<String> labels,
            JsonNode inputShape,
            JsonNode metrics,
            JsonNode history,
            JsonNode summary,
            JsonNode float32Size,
            JsonNode int8Size,
            String int8UnavailableReason,
            Double anomalyThreshold,
            ModelArtifacts artifacts) {}

    /** Makes a training model ready; false when it no longer waits for {@code jobId}. */
    boolean markTrained(UUID modelId, UUID jobId, Trained t, Instant now) {
        return jdbc.sql("""
                        UPDATE model SET state = 'ready', error = NULL, labels = CAST(:labels AS jsonb),
                            input_shape = CAST(:inputShape AS jsonb), metrics = CAST(:metrics AS jsonb),
                            history = CAST(:history AS jsonb), summary = CAST(:summary AS jsonb),
                            float32_size = CAST(:float32Size AS jsonb), int8_size = CAST(:int8Size AS jsonb),
                            int8_unavailable_reason = :int8UnavailableReason, anomaly_threshold = :anomalyThreshold,
                            network_key = :networkKey, float32_key = :float32Key, int8_key = :int8Key,
                            kmeans_key = :kmeansKey, metrics_key = :metricsKey, predictions_key = :predictionsKey,
                            trained_at = :now, updated_at = :now
                        WHERE id = :id AND state = 'training' AND train_job_id = :jobId""")
                        .param("labels", JSON.writeValueAsString(t.labels()))
                        .param("inputShape", json(t.inputShape()))
                        .param("metrics", json(t.metrics()))
                        .param("history", json(t.history()))
                        .param("summary", json(t.summary()))
                        .param("float32Size", json(t.float32Size()))
                        .param("int8Size", json(t.int8Size()))
                        .param("int8UnavailableReason", t.int8UnavailableReason())
                        .param("anomalyThreshold", t.anomalyThreshold())
                        .param("networkKey", t.artifacts().network())
                        .param("float32Key", t.artifacts().float32())
                        .param("int8Key", t.artifacts().int8())
                        .param("kmeansKey", t.artifacts().kmeans())
                        .param("metricsKey", t.artifacts().metrics())
                        .param("predictionsKey", t.artifacts().predictions())
                        .param("now", timestamp(now))
                        .param("id", modelId)
                        .param("jobId", jobId)
                        .update()
                == 1;
    }

    /** Ends a training model as failed or cancelled; false when it no longer waits for {@code jobId}. */
    boolean markEnded(UUID modelId, UUID jobId, ModelState state, String error, Instant now) {
        return jdbc.sql("UPDATE model SET state = :state, error = :error, updated_at = :now "
                                + "WHERE id = :id AND state = 'training' AND train_job_id = :jobId")
                        .param("state", state.value())
                        .param("error", error)
                        .param("now", timestamp(now))
                        .param("id", modelId)
                        .param("jobId", jobId)
                        .update()
                == 1;
    }

    void setPendingTest(UUID modelId, UUID jobId, Instant now) {
        jdbc.sql("UPDATE model SET pending_test_job_id = :jobId, updated_at = :now WHERE id = :id")
                .param("jobId", jobId)
                .param("now", timestamp(now))
                .param("id", modelId)
                .update();
    }

    /** Puts a test job's evaluation into the row; false when another test job was started since. */
    boolean applyTest(
            UUID modelId,
            UUID jobId,
            JsonNode metrics,
            JsonNode summary,
            String predictionsKey,
            String testingFeaturesKey,
            Double uncertainThreshold,
            Instant now) {
        return jdbc.sql("""
                        UPDATE model SET metrics = CAST(:metrics AS jsonb), summary = CAST(:summary AS jsonb),
                            predictions_key = :predictionsKey, testing_features_key = :testingFeaturesKey,
                            uncertain_threshold = COALESCE(:uncertainThreshold, uncertain_threshold),
                            pending_test_job_id = NULL, test_error = NULL, updated_at = :now
                        WHERE id = :id AND pending_test_job_id = :jobId""")
                        .param("metrics", json(metrics))
                        .param("summary", json(summary))
                        .param("predictionsKey", predictionsKey)
                        .param("testingFeaturesKey", testingFeaturesKey)
                        .param("uncertainThreshold", uncertainThreshold)
                        .param("now", timestamp(now))
                        .param("id", modelId)
                        .param("jobId", jobId)
                        .update()
                == 1;
    }

    /** Records why a test job did not produce an evaluation; the previous one stays. */
    boolean failTest(UUID modelId, UUID jobId, String error, Instant now) {
        return jdbc.sql("UPDATE model SET pending_test_job_id = NULL, test_error = :error, updated_at = :now "
                                + "WHERE id = :id AND pending_test_job_id = :jobId")
                        .param("error", error)
                        .param("now", timestamp(now))
                        .param("id", modelId)
                        .param("jobId", jobId)
                        .update()
                == 1;
    }

    private static ModelRecord map(ResultSet rs, int row) throws SQLException {
        return new ModelRecord(
                rs.getObject("id", UUID.class),
                rs.getObject("project_id", UUID.class),
                rs.getString("name"),
                ModelKind.fromValue(rs.getString("kind")),
                ModelState.of(rs.getString("state")),
                ModelSource.of(rs.getString("source")),
                rs.getString("error"),
                (Integer) rs.getObject("impulse_version"),
                (Integer) rs.getObject("dataset_version"),
                tree(rs.getString("learning_block")),
                tree(rs.getString("hyperparameters")),
                (Long) rs.getObject("seed"),
                rs.getString("feature_kind"),
                tree(rs.getString("input_shape")),
                JSON.readValue(rs.getString("labels"), STRINGS),
                rs.getString("training_features_key"),
                rs.getString("testing_features_key"),
                (Double) rs.getObject("uncertain_threshold"),
                (Double) rs.getObject("anomaly_threshold"),
                tree(rs.getString("metrics")),
                tree(rs.getString("history")),
                tree(rs.getString("summary")),
                tree(rs.getString("float32_size")),
                tree(rs.getString("int8_size")),
                rs.getString("int8_unavailable_reason"),
                new ModelArtifacts(
                        rs.getString("network_key"),
                        rs.getString("float32_key"),
                        rs.getString("int8_key"),
                        rs.getString("kmeans_key"),
                        rs.getString("metrics_key"),
                        rs.getString("predictions_key")),
                rs.getObject("train_job_id", UUID.class),
                rs.getObject("pending_test_job_id", UUID.class),
                rs.getString("test_error"),
                instant(rs.getObject("created_at", OffsetDateTime.class)),
                instant(rs.getObject("updated_at", OffsetDateTime.class)),
                instant(rs.getObject("trained_at", OffsetDateTime.class)));
    }

    private static String json(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : JSON.writeValueAsString(node);
    }

    private static JsonNode tree(String json) {
        return json == null ? null : JSON.readTree(json);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
