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
 * apply a job's outcome are conditional on the row still waiting for that job, so applying twice (two servers, an
 * event delivered again) changes nothing the second time.
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
                .param("source", m.identity().source().value())
                .param("error", m.status().error())
                .param("impulseVersion", m.lineage().impulseVersion())
                .param("datasetVersion", m.lineage().datasetVersion())
                .param("learningBlock", json(m.lineage().learningBlock()))
                .param("hyperparameters", json(m.lineage().hyperparameters()))
                .param("seed", m.lineage().seed())
                .param("featureKind", m.lineage().featureKind())
                .param("inputShape", json(m.signature().inputShape()))
                .param("labels", JSON.writeValueAsString(m.labels()))
                .param("trainingFeaturesKey", m.lineage().trainingFeaturesKey())
                .param("testingFeaturesKey", m.lineage().testingFeaturesKey())
                .param("uncertainThreshold", m.evaluation().uncertainThreshold())
                .param("anomalyThreshold", m.evaluation().anomalyThreshold())
                .param("metrics", json(m.evaluation().metrics()))
                .param("history", json(m.evaluation().history()))
                .param("summary", json(m.evaluation().summary()))
                .param("float32Size", json(m.files().float32Size()))
                .param("int8Size", json(m.files().int8Size()))
                .param("int8UnavailableReason", m.files().int8UnavailableReason())
                .param("networkKey", m.artifacts().network())
                .param("float32Key", m.artifacts().float32())
                .param("int8Key", m.artifacts().int8())
                .param("kmeansKey", m.artifacts().kmeans())
                .param("metricsKey", m.artifacts().metrics())
                .param("predictionsKey", m.artifacts().predictions())
                .param("trainJobId", m.status().trainJobId())
                .param("pendingTestJobId", m.status().pendingTestJobId())
                .param("testError", m.status().testError())
                .param("createdAt", timestamp(m.identity().createdAt()))
                .param("updatedAt", timestamp(m.identity().updatedAt()))
                .param("trainedAt", timestamp(m.status().trainedAt()))
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

    /** The new threshold with the metrics recomputed at it, in one statement. */
    boolean setAnomalyThreshold(UUID projectId, UUID modelId, double threshold, JsonNode metrics, Instant now) {
        return jdbc.sql("UPDATE model SET anomaly_threshold = :threshold, metrics = CAST(:metrics AS jsonb), "
                                + "updated_at = :now WHERE project_id = :projectId AND id = :id AND kind = 'anomaly'")
                        .param("threshold", threshold)
                        .param("metrics", json(metrics))
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

    /** The model still training with this train job, if any. */
    Optional<UUID> waitingForTraining(UUID trainJobId) {
        return jdbc.sql("SELECT id FROM model WHERE train_job_id = :jobId AND state = 'training'")
                .param("jobId", trainJobId)
                .query(UUID.class)
                .optional();
    }

    /** A model waiting for the outcome of a test job. */
    record Waiting(UUID modelId, UUID projectId) {}

    /** The model whose pending test job this is, if any. */
    Optional<Waiting> waitingForTest(UUID testJobId) {
        return jdbc.sql("SELECT id, project_id FROM model WHERE pending_test_job_id = :jobId")
                .param("jobId", testJobId)
                .query((rs, row) -> new Waiting(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .optional();
    }

    /** What a finished training puts into the row (the evaluation's test figures come with a test job). */
    record Trained(
            ModelRecord.Signature signature,
            JsonNode metrics,
            JsonNode history,
            JsonNode summary,
            Double anomalyThreshold,
            ModelRecord.Files files) {}

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
                        .param("labels", JSON.writeValueAsString(t.signature().labels()))
                        .param("inputShape", json(t.signature().inputShape()))
                        .param("metrics", json(t.metrics()))
                        .param("history", json(t.history()))
                        .param("summary", json(t.summary()))
                        .param("float32Size", json(t.files().float32Size()))
                        .param("int8Size", json(t.files().int8Size()))
                        .param("int8UnavailableReason", t.files().int8UnavailableReason())
                        .param("anomalyThreshold", t.anomalyThreshold())
                        .param("networkKey", t.files().keys().network())
                        .param("float32Key", t.files().keys().float32())
                        .param("int8Key", t.files().keys().int8())
                        .param("kmeansKey", t.files().keys().kmeans())
                        .param("metricsKey", t.files().keys().metrics())
                        .param("predictionsKey", t.files().keys().predictions())
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
                new ModelRecord.Identity(
                        rs.getObject("id", UUID.class),
                        rs.getObject("project_id", UUID.class),
                        rs.getString("name"),
                        ModelKind.fromValue(rs.getString("kind")),
                        ModelSource.of(rs.getString("source")),
                        instant(rs.getObject("created_at", OffsetDateTime.class)),
                        instant(rs.getObject("updated_at", OffsetDateTime.class))),
                new ModelRecord.Status(
                        ModelState.of(rs.getString("state")),
                        rs.getString("error"),
                        rs.getObject("train_job_id", UUID.class),
                        rs.getObject("pending_test_job_id", UUID.class),
                        rs.getString("test_error"),
                        instant(rs.getObject("trained_at", OffsetDateTime.class))),
                new ModelRecord.Lineage(
                        (Integer) rs.getObject("impulse_version"),
                        (Integer) rs.getObject("dataset_version"),
                        tree(rs.getString("learning_block")),
                        tree(rs.getString("hyperparameters")),
                        (Long) rs.getObject("seed"),
                        rs.getString("feature_kind"),
                        rs.getString("training_features_key"),
                        rs.getString("testing_features_key")),
                new ModelRecord.Signature(
                        tree(rs.getString("input_shape")), JSON.readValue(rs.getString("labels"), STRINGS)),
                new ModelRecord.Evaluation(
                        tree(rs.getString("metrics")),
                        tree(rs.getString("history")),
                        tree(rs.getString("summary")),
                        (Double) rs.getObject("uncertain_threshold"),
                        (Double) rs.getObject("anomaly_threshold")),
                new ModelRecord.Files(
                        new ModelArtifacts(
                                rs.getString("network_key"),
                                rs.getString("float32_key"),
                                rs.getString("int8_key"),
                                rs.getString("kmeans_key"),
                                rs.getString("metrics_key"),
                                rs.getString("predictions_key")),
                        tree(rs.getString("float32_size")),
                        tree(rs.getString("int8_size")),
                        rs.getString("int8_unavailable_reason")));
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
