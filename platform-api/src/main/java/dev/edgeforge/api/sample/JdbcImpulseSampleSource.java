package dev.edgeforge.api.sample;

import dev.edgeforge.api.deploy.TestSampleSource;
import dev.edgeforge.api.feature.ImpulseSampleSource;
import dev.edgeforge.jobs.feature.FeatureJobSample;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ports {@link ImpulseSampleSource} of the feature-generation feature and {@link TestSampleSource} of the
 * deployment feature, on this feature's {@code sample} table
 * (migration V4): the enabled samples of a project with id, label, category, content hash, object key and file
 * name.
 */
@Component
class JdbcImpulseSampleSource implements ImpulseSampleSource, TestSampleSource {

    private final JdbcClient jdbc;

    JdbcImpulseSampleSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<FeatureJobSample> enabledSamples(UUID projectId) {
        return jdbc.sql("""
                        SELECT id, label, category, sha256, object_key, name FROM sample
                        WHERE project_id = :project AND enabled ORDER BY id""")
                .param("project", projectId)
                .query((rs, row) -> new FeatureJobSample(
                        rs.getObject("id").toString(),
                        rs.getString("label"),
                        rs.getString("category"),
                        rs.getString("object_key"),
                        rs.getString("sha256"),
                        rs.getString("name")))
                .list();
    }

    @Override
    public List<FeatureJobSample> enabledTestSamples(UUID projectId) {
        return enabledSamples(projectId).stream()
                .filter(sample -> sample.category().equals("testing"))
                .toList();
    }
}
