package dev.edgeforge.api.sample;

import dev.edgeforge.api.impulse.ProjectDataSource;
import dev.edgeforge.core.impulse.suggest.SampleSummary;
import dev.edgeforge.core.sample.Sensor;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The impulse feature's {@link ProjectDataSource} on this feature's {@code sample} table: one summary per enabled
 * sample from its stored metadata (format, sensors, interval, duration), without reading any sample's bytes.
 */
@Component
class JdbcProjectDataSource implements ProjectDataSource {

    private static final TypeReference<List<Sensor>> SENSORS = new TypeReference<>() {};
    private static final String SUMMARIES = """
            SELECT category, format, sensors, interval_ms, duration_ms FROM sample
            WHERE project_id = :project AND enabled ORDER BY id""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcProjectDataSource(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public ProjectData summaries(UUID projectId) {
        List<SampleSummary> training = new ArrayList<>();
        List<SampleSummary> enabled = new ArrayList<>();
        jdbc.sql(SUMMARIES).param("project", projectId).query(rs -> {
            List<Sensor> sensors = json.readValue(rs.getString("sensors"), SENSORS);
            StoredFormat format = StoredFormat.valueOf(rs.getString("format"));
            SampleSummary summary = new SampleSummary(
                    kind(format, sensors),
                    sensors.stream().map(Sensor::name).toList(),
                    rs.getDouble("interval_ms"),
                    rs.getDouble("duration_ms"));
            enabled.add(summary);
            if (SampleCategory.TRAINING.value().equals(rs.getString("category"))) {
                training.add(summary);
            }
        });
        return new ProjectData(training, enabled);
    }

    /** Images by format; sound when stored as WAV or every sensor is in WAV units (audio in other containers). */
    private static SampleSummary.Kind kind(StoredFormat format, List<Sensor> sensors) {
        if (format.isImage()) {
            return SampleSummary.Kind.IMAGE;
        }
        boolean sound = format == StoredFormat.WAV
                || (!sensors.isEmpty() && sensors.stream().allMatch(s -> "wav".equalsIgnoreCase(s.units())));
        return sound ? SampleSummary.Kind.AUDIO : SampleSummary.Kind.SENSOR;
    }
}
