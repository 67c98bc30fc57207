package dev.edgeforge.infra.job;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Figures of the whole queue for monitoring, read from its tables in two grouped queries: what waits and runs per job
 * type, and what ended per type and outcome. Every server reads the same table, so every server reports the same
 * cluster-wide figures.
 */
public final class JobQueueStatistics {

    /**
     * One read.
     *
     * @param queued     jobs waiting for a worker, per type
     * @param oldestAge  seconds the oldest waiting job of each type has waited
     * @param running    jobs running, per type
     * @param ended      jobs ever ended, per {@code type/state} (succeeded, failed, cancelled)
     * @param runSeconds their run time summed (start of their last attempt, or creation, to their end), per
     *                   {@code type/state}
     */
    public record Figures(
            Map<String, Long> queued,
            Map<String, Double> oldestAge,
            Map<String, Long> running,
            Map<String, Long> ended,
            Map<String, Double> runSeconds) {

        public static final Figures NONE = new Figures(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    private static final String WAITING_AND_RUNNING = """
            SELECT type, state, count(*) AS n, extract(epoch FROM now() - min(created_at)) AS age
              FROM jobs WHERE state IN ('queued', 'running') GROUP BY type, state""";
    private static final String ENDED = """
            SELECT type, state, count(*) AS n,
                   coalesce(sum(extract(epoch FROM finished_at - coalesce(started_at, created_at))), 0) AS s
              FROM jobs WHERE state IN ('succeeded', 'failed', 'cancelled') GROUP BY type, state""";

    private final Jdbc jdbc;

    public JobQueueStatistics(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Reads the figures now. */
    public Figures read() {
        return jdbc.inConnection(connection -> {
            Map<String, Long> queued = new HashMap<>();
            Map<String, Double> oldest = new HashMap<>();
            Map<String, Long> running = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(WAITING_AND_RUNNING);
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString("type");
                    if ("queued".equals(rs.getString("state"))) {
                        queued.put(type, rs.getLong("n"));
                        oldest.put(type, Math.max(0, rs.getDouble("age")));
                    } else {
                        running.put(type, rs.getLong("n"));
                    }
                }
            }
            Map<String, Long> ended = new HashMap<>();
            Map<String, Double> seconds = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(ENDED);
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString("type") + "/" + rs.getString("state");
                    ended.put(key, rs.getLong("n"));
                    seconds.put(key, Math.max(0, rs.getDouble("s")));
                }
            }
            return new Figures(
                    Map.copyOf(queued),
                    Map.copyOf(oldest),
                    Map.copyOf(running),
                    Map.copyOf(ended),
                    Map.copyOf(seconds));
        });
    }
}
