package dev.edgeforge.api.model;

import dev.edgeforge.api.compression.CompressibleModel;
import dev.edgeforge.api.compression.CompressibleModelSource;
import dev.edgeforge.core.learning.FeatureKind;
import dev.edgeforge.core.learning.Hyperparameters;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.jobs.JobJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The compression feature's port {@link CompressibleModelSource}, on this feature's {@code model} table (migration
 * V6), read-only. JSON columns hold what {@link ModelRepository} wrote with the jobs' mapper, so the same mapper
 * reads them; a column that no longer parses leaves the value {@code null}, which makes the model incompressible
 * rather than failing the page.
 */
@Component
class JdbcCompressibleModelSource implements CompressibleModelSource {

    private static final JsonMapper JSON = JobJson.mapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final String COLUMNS = """
            id, project_id, name, kind, state, source, network_key, learning_block::text, hyperparameters::text,
            training_features_key, testing_features_key, feature_kind, input_shape::text, labels::text, created_at""";

    private final JdbcClient jdbc;

    JdbcCompressibleModelSource(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public Optional<CompressibleModel> find(UUID projectId, UUID modelId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM model WHERE project_id = :projectId AND id = :id")
                .param("projectId", projectId)
                .param("id", modelId)
                .query(JdbcCompressibleModelSource::map)
                .optional();
    }

    @Override
    public List<CompressibleModel> list(UUID projectId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM model WHERE project_id = :projectId "
                        + "ORDER BY created_at DESC, id DESC")
                .param("projectId", projectId)
                .query(JdbcCompressibleModelSource::map)
                .list();
    }

    private static CompressibleModel map(ResultSet rs, int row) throws SQLException {
        List<String> labels = read(rs.getString(14), STRINGS);
        String featureKind = rs.getString(12);
        return new CompressibleModel(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                CompressibleModel.State.fromValue(rs.getString(5)),
                rs.getString(6),
                rs.getString(7),
                read(rs.getString(8), LearningBlock.class),
                read(rs.getString(9), Hyperparameters.class),
                rs.getString(10),
                rs.getString(11),
                featureKind == null ? null : read(JSON.writeValueAsString(featureKind), FeatureKind.class),
                read(rs.getString(13), TensorShape.class),
                labels,
                rs.getObject(15, OffsetDateTime.class).toInstant());
    }

    private static <T> T read(String json, Class<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, type);
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, type);
        } catch (JacksonException e) {
            return null;
        }
    }
}
