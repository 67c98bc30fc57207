package dev.edgeforge.api.sample.dataset;

import dev.edgeforge.api.project.ProjectGrant;
import dev.edgeforge.api.sample.SampleCategory;
import dev.edgeforge.api.sample.SampleRepository;
import dev.edgeforge.api.sample.SampleRequestViolation;
import dev.edgeforge.api.sample.SampleRow;
import dev.edgeforge.api.sample.SampleStorage;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dataset versions: named snapshots of a project's sample list (every sample's name, label, category, enabled flag
 * and content reference), listed, compared with each other or with the current list, and restored.
 */
@Service
public class DatasetVersionService {

    /** Columns of a snapshot row, in the order of {@link SampleRepository#COLUMNS} minus project and updated_at. */
    private static final String SNAPSHOT_COLUMNS = "name, label, category, format, sha256, object_key, size_bytes, "
            + "sensors, interval_ms, frequency_hz, length, duration_ms, device_name, device_type, metadata, "
            + "image_width, image_height, image_channels, bounding_boxes, signature_status, content_origin, enabled, "
            + "created_at";

    private final JdbcClient jdbc;
    private final SampleRepository samples;
    private final SampleStorage storage;
    private final Clock clock;

    DatasetVersionService(JdbcClient jdbc, SampleRepository samples, SampleStorage storage, Clock clock) {
        this.jdbc = jdbc;
        this.samples = samples;
        this.storage = storage;
        this.clock = clock;
    }

    private record Version(UUID id, String name, Instant createdAt, int sampleCount) {}

    @Transactional
    public DatasetVersionView create(ProjectGrant grant, String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw DatasetVersionNameViolation.invalid();
        }
        UUID projectId = grant.projectId();
        boolean taken = jdbc.sql("SELECT count(*) FROM dataset_version WHERE project_id = :projectId AND name = :name")
                        .param("projectId", projectId)
                        .param("name", trimmed)
                        .query(Integer.class)
                        .single()
                > 0;
        if (taken) {
            throw DatasetVersionNameViolation.taken(trimmed);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO dataset_version (id, project_id, name, sample_count, created_by, created_at) "
                        + "VALUES (:id, :projectId, :name, 0, :createdBy, :now)")
                .param("id", id)
                .param("projectId", projectId)
                .param("name", trimmed)
                .param("createdBy", grant.userId().orElse(null))
                .param("now", timestamp(now))
                .update();
        int count = jdbc.sql("INSERT INTO dataset_version_sample (version_id, sample_id, " + SNAPSHOT_COLUMNS + ") "
                        + "SELECT :id, id, " + SNAPSHOT_COLUMNS + " FROM sample WHERE project_id = :projectId")
                .param("id", id)
                .param("projectId", projectId)
                .update();
        jdbc.sql("UPDATE dataset_version SET sample_count = :count WHERE id = :id")
                .param("count", count)
                .param("id", id)
                .update();
        return view(
                new Version(id, trimmed, now, count),
                categoryCounts(List.of(id)).getOrDefault(id, Map.of()),
                labelCounts(List.of(id)).getOrDefault(id, 0L));
    }

    @Transactional(readOnly = true)
    public List<DatasetVersionView> list(ProjectGrant grant) {
        List<Version> versions = jdbc.sql("SELECT id, name, created_at, sample_count FROM dataset_version "
                        + "WHERE project_id = :projectId ORDER BY created_at DESC, id DESC")
                .param("projectId", grant.projectId())
                .query((rs, n) -> new Version(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getInt("sample_count")))
                .list();
        List<UUID> ids = versions.stream().map(Version::id).toList();
        Map<UUID, Map<String, Long>> categories = categoryCounts(ids);
        Map<UUID, Long> labels = labelCounts(ids);
        return versions.stream()
                .map(v -> view(v, categories.getOrDefault(v.id(), Map.of()), labels.getOrDefault(v.id(), 0L)))
                .toList();
    }

    /**
     * Compares a version with another version, or with the current list when {@code with} is {@code current}.
     *
     * @throws DatasetVersionNotFoundException when a version is not in this project
     */
    @Transactional(readOnly = true)
    public DatasetComparison compare(ProjectGrant grant, UUID versionId, String with) {
        Version left = require(grant, versionId);
        boolean current = with == null || with.isBlank() || "current".equalsIgnoreCase(with.strip());
        Version right = current ? null : require(grant, parseId(with));
        Map<String, Object> params = new HashMap<>();
        params.put("projectId", grant.projectId());
        params.put("left", left.id());
        if (right != null) {
            params.put("right", right.id());
        }
        String leftSet =
                "SELECT sample_id, label, category, enabled FROM dataset_version_sample " + "WHERE version_id = :left";
        String rightSet = right == null
                ? "SELECT id AS sample_id, label, category, enabled FROM sample WHERE project_id = :projectId"
                : "SELECT sample_id, label, category, enabled FROM dataset_version_sample WHERE version_id = :right";

        Map<String, long[]> counts = new TreeMap<>();
        jdbc.sql("SELECT label, category, count(*) AS n FROM (" + leftSet + ") l GROUP BY label, category")
                .params(params)
                .query(rs -> {
                    counts.computeIfAbsent(key(rs.getString("label"), rs.getString("category")), k -> new long[2])[0] =
                            rs.getLong("n");
                });
        jdbc.sql("SELECT label, category, count(*) AS n FROM (" + rightSet + ") r GROUP BY label, category")
                .params(params)
                .query(rs -> {
                    counts.computeIfAbsent(key(rs.getString("label"), rs.getString("category")), k -> new long[2])[1] =
                            rs.getLong("n");
                });
        List<DatasetComparison.Row> rows = new ArrayList<>();
        long leftTotal = 0;
        long rightTotal = 0;
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            String[] parts = e.getKey().split("\u0000", -1);
            rows.add(new DatasetComparison.Row(
                    parts[0].isEmpty() ? null : parts[0].substring(1), parts[1], e.getValue()[0], e.getValue()[1]));
            leftTotal += e.getValue()[0];
            rightTotal += e.getValue()[1];
        }
        long[] diff = jdbc.sql("SELECT count(*) FILTER (WHERE l.sample_id IS NULL) AS added, "
                        + "count(*) FILTER (WHERE r.sample_id IS NULL) AS removed, "
                        + "count(*) FILTER (WHERE l.sample_id IS NOT NULL AND r.sample_id IS NOT NULL AND "
                        + "(l.label IS DISTINCT FROM r.label OR l.category <> r.category OR l.enabled <> r.enabled)) "
                        + "AS changed FROM (" + leftSet + ") l FULL OUTER JOIN (" + rightSet + ") r "
                        + "ON l.sample_id = r.sample_id")
                .params(params)
                .query((rs, n) -> new long[] {rs.getLong("added"), rs.getLong("removed"), rs.getLong("changed")})
                .single();
        return new DatasetComparison(
                new DatasetComparison.Side(left.id(), left.name(), leftTotal),
                right == null
                        ? new DatasetComparison.Side(null, "current", rightTotal)
                        : new DatasetComparison.Side(right.id(), right.name(), rightTotal),
                rows,
                diff[0],
                diff[1],
                diff[2]);
    }

    /**
     * Sets every sample still present back to its name, label, category and enabled flag in the version, brings
     * back deleted samples whose object is still stored, and reports those that cannot come back. Samples added
     * since the version are left alone (and counted).
     */
    @Transactional
    public DatasetRestore restore(ProjectGrant grant, UUID versionId) {
        Version version = require(grant, versionId);
        UUID projectId = grant.projectId();
        Instant now = clock.instant();
        int restored = jdbc.sql("UPDATE sample s SET name = v.name, label = v.label, category = v.category, "
                        + "enabled = v.enabled, updated_at = :now FROM dataset_version_sample v "
                        + "WHERE v.version_id = :versionId AND s.id = v.sample_id AND s.project_id = :projectId "
                        + "AND (s.name <> v.name OR s.label IS DISTINCT FROM v.label OR s.category <> v.category "
                        + "OR s.enabled <> v.enabled)")
                .param("now", timestamp(now))
                .param("versionId", version.id())
                .param("projectId", projectId)
                .update();
        List<SampleRow> deleted = jdbc.sql("SELECT v.sample_id AS id, CAST(:projectId AS uuid) AS project_id, "
                        + prefixed("v.", SNAPSHOT_COLUMNS) + ", v.created_at AS updated_at "
                        + "FROM dataset_version_sample v WHERE v.version_id = :versionId "
                        + "AND NOT EXISTS (SELECT 1 FROM sample s WHERE s.id = v.sample_id) ORDER BY v.created_at")
                .param("projectId", projectId)
                .param("versionId", version.id())
                .query(samples.mapper())
                .list();
        List<DatasetRestore.SampleRef> resurrected = new ArrayList<>();
        List<DatasetRestore.SampleRef> missing = new ArrayList<>();
        for (SampleRow row : deleted) {
            DatasetRestore.SampleRef ref = new DatasetRestore.SampleRef(
                    row.id(), row.name(), row.label(), row.category().value());
            if (storage.lockAndCheck(row.objectKey())) {
                samples.insert(row.touched(now));
                resurrected.add(ref);
            } else {
                missing.add(ref);
            }
        }
        long addedSince = jdbc.sql("SELECT count(*) FROM sample s WHERE s.project_id = :projectId AND NOT EXISTS "
                        + "(SELECT 1 FROM dataset_version_sample v WHERE v.version_id = :versionId "
                        + "AND v.sample_id = s.id)")
                .param("projectId", projectId)
                .param("versionId", version.id())
                .query(Long.class)
                .single();
        return new DatasetRestore(restored, resurrected, missing, addedSince);
    }

    private Version require(ProjectGrant grant, UUID versionId) {
        return jdbc.sql("SELECT id, name, created_at, sample_count FROM dataset_version "
                        + "WHERE id = :id AND project_id = :projectId")
                .param("id", versionId)
                .param("projectId", grant.projectId())
                .query((rs, n) -> new Version(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getInt("sample_count")))
                .optional()
                .orElseThrow(() -> new DatasetVersionNotFoundException(versionId));
    }

    private static UUID parseId(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new SampleRequestViolation("with", "must be a version id or 'current', got '" + text + "'");
        }
    }

    private Map<UUID, Map<String, Long>> categoryCounts(List<UUID> versionIds) {
        Map<UUID, Map<String, Long>> counts = new HashMap<>();
        if (versionIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT version_id, category, count(*) AS n FROM dataset_version_sample "
                        + "WHERE version_id IN (:ids) GROUP BY version_id, category")
                .param("ids", versionIds)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getObject("version_id", UUID.class), k -> new HashMap<>())
                            .put(rs.getString("category"), rs.getLong("n"));
                });
        return counts;
    }

    private Map<UUID, Long> labelCounts(List<UUID> versionIds) {
        Map<UUID, Long> counts = new HashMap<>();
        if (versionIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT version_id, count(DISTINCT label) AS n FROM dataset_version_sample "
                        + "WHERE version_id IN (:ids) GROUP BY version_id")
                .param("ids", versionIds)
                .query(rs -> {
                    counts.put(rs.getObject("version_id", UUID.class), rs.getLong("n"));
                });
        return counts;
    }

    private static DatasetVersionView view(Version v, Map<String, Long> categories, long labels) {
        Map<String, Long> all = new LinkedHashMap<>();
        for (SampleCategory category : SampleCategory.values()) {
            all.put(category.value(), categories.getOrDefault(category.value(), 0L));
        }
        return new DatasetVersionView(v.id(), v.name(), v.createdAt(), v.sampleCount(), all, labels);
    }

    /** A sortable key of (label, category) that keeps null labels apart from every real label. */
    private static String key(String label, String category) {
        return (label == null ? "" : "L" + label) + "\u0000" + category;
    }

    private static String prefixed(String prefix, String columns) {
        StringBuilder out = new StringBuilder();
        for (String column : columns.split(",\\s*")) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(prefix).append(column);
        }
        return out.toString();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
