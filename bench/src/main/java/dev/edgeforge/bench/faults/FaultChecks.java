package dev.edgeforge.bench.faults;

import dev.edgeforge.infra.storage.ObjectInfo;
import dev.edgeforge.infra.storage.ObjectStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

/** The operator's checks after the faults, straight on the database and the bucket (not through the server). */
final class FaultChecks {

    private final DataSource database;
    private final ObjectStore store;

    FaultChecks(DataSource database, ObjectStore store) {
        this.database = database;
        this.store = store;
    }

    /** Acknowledged samples (by SHA-256) of the project without their row or without their object. */
    List<String> lostSamples(UUID projectId, List<String> acknowledged) throws SQLException {
        Set<String> rows = new HashSet<>(strings("SELECT sha256 FROM sample WHERE project_id = ?", projectId));
        List<String> lost = new ArrayList<>();
        for (String sha : new HashSet<>(acknowledged)) {
            if (!rows.contains(sha) || !store.exists("projects/" + projectId + "/samples/" + sha)) {
                lost.add(sha);
            }
        }
        return lost;
    }

    /**
     * Objects no row references: a sample object no sample row (or dataset version row) points at; a model's,
     * deployment's or impulse version's object without that row; anything under a project that is gone or outside
     * {@code projects/}.
     */
    List<String> orphans() throws SQLException {
        // rows point at their object by key: an imported dataset's rows share the stored files of another project
        Set<String> samples = new HashSet<>(strings("SELECT object_key FROM sample"));
        samples.addAll(strings("SELECT object_key FROM dataset_version_sample"));
        Set<String> models = new HashSet<>(strings("SELECT project_id || '/' || id FROM model"));
        Set<String> deployments = new HashSet<>(strings("SELECT project_id || '/' || id FROM deployments"));
        Set<String> impulses = new HashSet<>(strings("SELECT project_id || '/' || version FROM impulse_version"));
        Set<String> projects = new HashSet<>(strings("SELECT id::text FROM project"));
        List<String> orphans = new ArrayList<>();
        try (Stream<ObjectInfo> objects = store.list("")) {
            objects.map(ObjectInfo::key).forEach(key -> {
                String[] parts = key.split("/");
                boolean referenced = parts.length >= 4
                        && parts[0].equals("projects")
                        && projects.contains(parts[1])
                        && switch (parts[2]) {
                            case "samples" -> samples.contains(key);
                            case "models" -> models.contains(parts[1] + "/" + parts[3]);
                            case "deployments" -> deployments.contains(parts[1] + "/" + parts[3]);
                            case "features" -> impulses.contains(parts[1] + "/" + parts[3]);
                            default -> true;
                        };
                if (!referenced) {
                    orphans.add(key);
                }
            });
        }
        return orphans;
    }

    /**
     * Whether the job ran to its end exactly once: succeeded, exactly one successful attempt, and the row it was for
     * made ready by it (a model, a deployment; a features job has its job only).
     */
    boolean exactlyOnce(UUID job, String type) throws SQLException {
        List<String> state = strings("SELECT state FROM jobs WHERE id = ?", job);
        if (!state.equals(List.of("succeeded"))) {
            return false;
        }
        List<String> succeeded =
                strings("SELECT outcome FROM job_attempts WHERE job_id = ? AND outcome = 'succeeded'", job);
        if (succeeded.size() != 1) {
            return false;
        }
        return switch (type) {
            case "train" ->
                strings("SELECT state FROM model WHERE train_job_id = ?", job).equals(List.of("ready"));
            case "deploy" ->
                strings("SELECT state FROM deployments WHERE job_id = ?", job).equals(List.of("ready"));
            default -> true;
        };
    }

    /** Jobs of the project nobody asked for (a duplicate would be one). */
    int jobsOfProject(UUID projectId) throws SQLException {
        return strings("SELECT id::text FROM jobs WHERE project_id = ?", projectId)
                .size();
    }

    /** An attempt that did not succeed: who ran it, when it ended, how and why. */
    record LostAttempt(UUID job, int run, String worker, Instant ended, String outcome, String reason) {}

    List<LostAttempt> unsuccessfulAttempts() throws SQLException {
        String sql = "SELECT job_id, run, worker_id, ended_at, outcome, coalesce(reason, '') FROM job_attempts "
                + "WHERE outcome IS NOT NULL AND outcome NOT IN ('succeeded', 'cancelled') ORDER BY ended_at";
        List<LostAttempt> attempts = new ArrayList<>();
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Timestamp ended = rows.getTimestamp(4);
                attempts.add(new LostAttempt(
                        rows.getObject(1, UUID.class),
                        rows.getInt(2),
                        rows.getString(3),
                        ended.toInstant(),
                        rows.getString(5),
                        rows.getString(6)));
            }
        }
        return attempts;
    }

    /** Each status's count among {@code outcomes}. */
    static Map<Integer, Integer> histogram(List<UploadClients.Outcome> outcomes) {
        Map<Integer, Integer> counts = new TreeMap<>();
        outcomes.forEach(o -> counts.merge(o.status(), 1, Integer::sum));
        return counts;
    }

    private List<String> strings(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
