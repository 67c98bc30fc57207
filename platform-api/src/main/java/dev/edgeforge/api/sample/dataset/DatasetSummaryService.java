package dev.edgeforge.api.sample.dataset;

import dev.edgeforge.api.project.ProjectGrant;
import dev.edgeforge.api.sample.SampleCategory;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The dataset's summary, and rebalancing training and testing to 80/20 per label. */
@Service
public class DatasetSummaryService {

    /** Share of each label's training + testing samples that rebalancing puts in testing. */
    static final double TESTING_SHARE = 0.2;

    private final JdbcClient jdbc;
    private final Clock clock;

    DatasetSummaryService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Group(String label, String category, DatasetSummary.Totals totals) {}

    @Transactional(readOnly = true)
    public DatasetSummary summary(ProjectGrant grant) {
        List<Group> groups = jdbc.sql("SELECT label, category, count(*) AS n, count(*) FILTER (WHERE enabled) AS e, "
                        + "coalesce(sum(duration_ms), 0) AS d FROM sample WHERE project_id = :projectId "
                        + "GROUP BY label, category ORDER BY label NULLS LAST, category")
                .param("projectId", grant.projectId())
                .query((rs, n) -> new Group(
                        rs.getString("label"),
                        rs.getString("category"),
                        new DatasetSummary.Totals(rs.getLong("n"), rs.getLong("e"), rs.getDouble("d"))))
                .list();
        return summarize(groups, files(grant.projectId()));
    }

    private record Files(DatasetSummary.Signatures signatures, DatasetSummary.Export export) {}

    /** Signature statuses and what the export writes; CSV is the one format the export converts. */
    private Files files(UUID projectId) {
        return jdbc.sql("SELECT count(*) FILTER (WHERE signature_status = 'VERIFIED') AS verified, "
                        + "count(*) FILTER (WHERE signature_status = 'NOT_VERIFIED') AS unverified, "
                        + "count(*) FILTER (WHERE signature_status = 'INVALID') AS invalid, "
                        + "count(*) FILTER (WHERE signature_status = 'NOT_SIGNED') AS unsigned, "
                        + "count(*) FILTER (WHERE content_origin = 'uploaded' AND format <> 'CSV') AS as_uploaded, "
                        + "count(*) FILTER (WHERE content_origin = 'uploaded' AND format <> 'CSV' "
                        + "AND signature_status IN ('VERIFIED', 'NOT_VERIFIED', 'INVALID')) AS signed, "
                        + "count(*) FILTER (WHERE content_origin = 'edited') AS edited, "
                        + "count(*) FILTER (WHERE content_origin = 'uploaded' AND format = 'CSV') AS converted "
                        + "FROM sample WHERE project_id = :projectId")
                .param("projectId", projectId)
                .query((rs, n) -> new Files(
                        new DatasetSummary.Signatures(
                                rs.getLong("verified"),
                                rs.getLong("unverified"),
                                rs.getLong("invalid"),
                                rs.getLong("unsigned")),
                        new DatasetSummary.Export(
                                rs.getLong("as_uploaded"),
                                rs.getLong("signed"),
                                rs.getLong("edited"),
                                rs.getLong("converted"))))
                .single();
    }

    private static DatasetSummary summarize(List<Group> groups, Files files) {
        Map<String, DatasetSummary.Totals> byCategory = new LinkedHashMap<>();
        for (SampleCategory category : SampleCategory.values()) {
            byCategory.put(category.value(), DatasetSummary.Totals.ZERO);
        }
        Map<String, Map<String, DatasetSummary.Totals>> byLabel = new LinkedHashMap<>();
        DatasetSummary.Totals total = DatasetSummary.Totals.ZERO;
        for (Group g : groups) {
            total = total.plus(g.totals());
            byCategory.merge(g.category(), g.totals(), DatasetSummary.Totals::plus);
            byLabel.computeIfAbsent(g.label(), k -> new LinkedHashMap<>()).put(g.category(), g.totals());
        }
        List<DatasetSummary.CategoryTotals> categories = new ArrayList<>();
        byCategory.forEach((category, totals) -> categories.add(new DatasetSummary.CategoryTotals(category, totals)));
        List<DatasetSummary.LabelTotals> labels = new ArrayList<>();
        byLabel.forEach((label, cats) -> {
            DatasetSummary.Totals training = cats.getOrDefault("training", DatasetSummary.Totals.ZERO);
            DatasetSummary.Totals testing = cats.getOrDefault("testing", DatasetSummary.Totals.ZERO);
            DatasetSummary.Totals anomaly = cats.getOrDefault("anomaly", DatasetSummary.Totals.ZERO);
            labels.add(new DatasetSummary.LabelTotals(
                    label, training, testing, anomaly, training.plus(testing).plus(anomaly)));
        });
        long training = byCategory.get("training").count();
        long testing = byCategory.get("testing").count();
        long both = training + testing;
        return new DatasetSummary(
                total,
                categories,
                labels,
                new DatasetSummary.TrainTest(
                        training,
                        testing,
                        both == 0 ? 0 : training / (double) both,
                        both == 0 ? 0 : testing / (double) both),
                files.signatures(),
                files.export());
    }

    /** What a rebalance moved. */
    public record Rebalance(int movedToTesting, int movedToTraining, DatasetSummary summary) {}

    /**
     * Moves samples between training and testing so that, within each label, {@code round(0.2 n)} of its n training
     * and testing samples are in testing. Only the surplus side moves (as few samples as possible), and which ones is
     * decided by content hash (lowest SHA-256 first), so the result depends on the data alone and a second
     * rebalance moves nothing. Anomaly samples stay where they are.
     */
    @Transactional
    public Rebalance rebalance(ProjectGrant grant) {
        List<String> moved = jdbc.sql("WITH ranked AS ("
                        + " SELECT id, category,"
                        + "  count(*) OVER (PARTITION BY label) AS n,"
                        + "  count(*) FILTER (WHERE category = 'testing') OVER (PARTITION BY label) AS t,"
                        + "  row_number() OVER (PARTITION BY label, category ORDER BY sha256, id) AS rn"
                        + " FROM sample WHERE project_id = :projectId AND category IN ('training', 'testing')),"
                        + " wanted AS (SELECT id, category, t, rn,"
                        + "  round(n * CAST(:share AS numeric))::bigint AS target FROM ranked)"
                        + " UPDATE sample s SET category = CASE WHEN w.category = 'testing' THEN 'training'"
                        + "  ELSE 'testing' END, updated_at = :now"
                        + " FROM wanted w WHERE s.id = w.id AND s.project_id = :projectId AND ("
                        + "  (w.category = 'testing' AND w.t > w.target AND w.rn <= w.t - w.target)"
                        + "  OR (w.category = 'training' AND w.t < w.target AND w.rn <= w.target - w.t))"
                        + " RETURNING s.category")
                .param("projectId", grant.projectId())
                .param("share", TESTING_SHARE)
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .query(String.class)
                .list();
        int toTesting = (int) moved.stream().filter("testing"::equals).count();
        return new Rebalance(toTesting, moved.size() - toTesting, summary(grant));
    }
}
