package dev.edgeforge.api.sample;

import dev.edgeforge.core.format.labels.BoundingBox;
import dev.edgeforge.core.sample.ImageInfo;
import dev.edgeforge.core.sample.Sensor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code sample} table, in plain SQL. Every query is scoped to one project. */
@Repository
public class SampleRepository {

    /** Columns of {@code sample} in {@link #mapper}'s terms, shared with the dataset versions' snapshot table. */
    public static final String COLUMNS = "id, project_id, name, label, category, format, sha256, object_key, "
            + "size_bytes, sensors, interval_ms, frequency_hz, length, duration_ms, device_name, device_type, "
            + "metadata, image_width, image_height, image_channels, bounding_boxes, signature_status, "
            + "content_origin, enabled, created_at, updated_at";

    private static final TypeReference<List<Sensor>> SENSORS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {};
    private static final TypeReference<List<BoundingBox>> BOXES = new TypeReference<>() {};

    private static final String INSERT = "INSERT INTO sample (" + COLUMNS + ") VALUES (:id, :projectId, :name, "
            + ":label, :category, :format, :sha256, :objectKey, :sizeBytes, :sensors::jsonb, :intervalMs, "
            + ":frequencyHz, :length, :durationMs, :deviceName, :deviceType, :metadata::jsonb, :imageWidth, "
            + ":imageHeight, :imageChannels, :boxes::jsonb, :signatureStatus, :contentOrigin, :enabled, :createdAt, "
            + ":updatedAt)";
    private static final int INSERT_BATCH = 100;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final JsonMapper json;
    private final RowMapper<SampleRow> mapper;

    SampleRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named, JsonMapper json) {
        this.jdbc = jdbc;
        this.named = named;
        this.json = json;
        this.mapper = this::map;
    }

    /** The mapper for {@link #COLUMNS}, for other tables that hold sample rows. */
    public RowMapper<SampleRow> mapper() {
        return mapper;
    }

    public void insert(SampleRow row) {
        jdbc.sql(INSERT).params(params(row)).update();
    }

    Map<String, Object> params(SampleRow row) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", row.id());
        p.put("projectId", row.projectId());
        p.put("name", row.name());
        p.put("label", row.label());
        p.put("category", row.category().value());
        p.put("format", row.format().name());
        p.put("sha256", row.sha256());
        p.put("objectKey", row.objectKey());
        p.put("sizeBytes", row.sizeBytes());
        p.put("sensors", json.writeValueAsString(row.sensors()));
        p.put("intervalMs", row.intervalMs());
        p.put("frequencyHz", row.frequencyHz());
        p.put("length", row.length());
        p.put("durationMs", row.durationMs());
        p.put("deviceName", row.deviceName());
        p.put("deviceType", row.deviceType());
        p.put("metadata", json.writeValueAsString(row.metadata()));
        p.put("imageWidth", row.image() == null ? null : row.image().width());
        p.put("imageHeight", row.image() == null ? null : row.image().height());
        p.put("imageChannels", row.image() == null ? null : row.image().channels());
        p.put("boxes", json.writeValueAsString(row.boundingBoxes()));
        p.put("signatureStatus", row.signatureStatus());
        p.put("contentOrigin", row.contentOrigin().value());
        p.put("enabled", row.enabled());
        p.put("createdAt", timestamp(row.createdAt()));
        p.put("updatedAt", timestamp(row.updatedAt()));
        return p;
    }

    public Optional<SampleRow> find(UUID projectId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sample WHERE project_id = :projectId AND id = :id")
                .param("projectId", projectId)
                .param("id", id)
                .query(mapper)
                .optional();
    }

    /** @throws SampleNotFoundException when the project has no such sample */
    public SampleRow require(UUID projectId, UUID id) {
        return find(projectId, id).orElseThrow(() -> new SampleNotFoundException(id));
    }

    /** Up to {@code limit} samples after {@code cursor} (null: from the newest), newest first. */
    List<SampleRow> page(UUID projectId, SampleFilter filter, SampleCursor cursor, int limit) {
        SampleSelection selection = SampleSelection.of(projectId, filter).after(cursor);
        return jdbc.sql("SELECT " + COLUMNS + " FROM sample" + selection.where()
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .params(selection.params())
                .param("limit", limit)
                .query(mapper)
                .list();
    }

    /** Up to {@code limit} samples after {@code last} (null: from the newest), in the list's order. */
    public List<SampleRow> pageAfter(UUID projectId, SampleFilter filter, SampleRow last, int limit) {
        return page(projectId, filter, last == null ? null : SampleCursor.after(last), limit);
    }

    /** A sample with this content already in the project, if any. */
    public Optional<SampleRow> findBySha(UUID projectId, String sha256) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sample WHERE project_id = :projectId AND sha256 = :sha "
                        + "ORDER BY created_at LIMIT 1")
                .param("projectId", projectId)
                .param("sha", sha256)
                .query(mapper)
                .optional();
    }

    /**
     * Which of {@code keys} (sample object keys) a row of any project points at: a project's rows may share another
     * project's files (dataset imports, issue #17).
     */
    public Set<String> referencedObjects(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT DISTINCT object_key FROM sample WHERE object_key IN (:keys)")
                .param("keys", List.copyOf(keys))
                .query(String.class)
                .list());
    }

    /**
     * Serializes writers of one object key until the transaction ends ({@code pg_advisory_xact_lock}), so that the
     * orphan sweeper never removes an object while a row pointing at it is being written.
     */
    /**
     * Takes the advisory locks of several objects at once, in the order given (callers sort the keys, so two
     * transactions locking overlapping sets cannot deadlock each other).
     */
    void lockObjects(List<String> sortedKeys) {
        if (sortedKeys.isEmpty()) {
            return;
        }
        jdbc.sql("SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) FROM unnest(ARRAY[:keys]::text[]) "
                        + "AS k")
                .param("keys", sortedKeys)
                .query(Long.class)
                .single();
    }

    /** The project's rows among these contents, by sha256 (duplicate checks of a group commit). */
    Set<String> existingShas(UUID projectId, Collection<String> shas) {
        if (shas.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(
                jdbc.sql("SELECT DISTINCT sha256 FROM sample WHERE project_id = :projectId " + "AND sha256 IN (:shas)")
                        .param("projectId", projectId)
                        .param("shas", shas)
                        .query(String.class)
                        .list());
    }

    /** Inserts rows in one round trip per {@value #INSERT_BATCH}. */
    void insertAll(List<SampleRow> rows) {
        for (int from = 0; from < rows.size(); from += INSERT_BATCH) {
            List<SampleRow> chunk = rows.subList(from, Math.min(rows.size(), from + INSERT_BATCH));
            named.batchUpdate(
                    INSERT,
                    chunk.stream()
                            .map(this::params)
                            .map(MapSqlParameterSource::new)
                            .toArray(SqlParameterSource[]::new));
        }
    }

    public void lockObject(String objectKey) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", objectKey)
                .query((rs, n) -> 1)
                .single();
    }

    /** Writes name, label, category and enabled; returns whether the row exists. */
    boolean updateFields(SampleRow row, Instant now) {
        return jdbc.sql("UPDATE sample SET name = :name, label = :label, category = :category, enabled = :enabled, "
                                + "updated_at = :now WHERE project_id = :projectId AND id = :id")
                        .param("name", row.name())
                        .param("label", row.label())
                        .param("category", row.category().value())
                        .param("enabled", row.enabled())
                        .param("now", timestamp(now))
                        .param("projectId", row.projectId())
                        .param("id", row.id())
                        .update()
                == 1;
    }

    /** Points the row at new content (crop): object, format, size, length, duration and sensors. */
    boolean updateContent(SampleRow row) {
        Map<String, Object> p = params(row);
        return jdbc.sql("UPDATE sample SET format = :format, sha256 = :sha256, object_key = :objectKey, "
                                + "size_bytes = :sizeBytes, sensors = :sensors::jsonb, interval_ms = :intervalMs, "
                                + "frequency_hz = :frequencyHz, length = :length, duration_ms = :durationMs, "
                                + "signature_status = :signatureStatus, content_origin = :contentOrigin, "
                                + "updated_at = :updatedAt "
                                + "WHERE project_id = :projectId AND id = :id")
                        .params(p)
                        .update()
                == 1;
    }

    /** Up to {@code limit} rows of the selection in id order (pages of the signature re-check). */
    List<SampleRow> pageById(SampleSelection selection, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sample" + selection.where() + " ORDER BY id LIMIT :limit")
                .params(selection.params())
                .param("limit", limit)
                .query(mapper)
                .list();
    }

    /**
     * Sets the signature status of a row that still holds the content and status it was checked with (a crop or
     * another check in between leaves it alone); returns whether it was set.
     */
    boolean updateSignature(SampleRow checked, SampleSignature signature, Instant now) {
        return jdbc.sql("UPDATE sample SET signature_status = :signature, updated_at = :now WHERE project_id = "
                                + ":projectId AND id = :id AND sha256 = :sha256 AND signature_status = :old")
                        .param("signature", signature.stored())
                        .param("now", timestamp(now))
                        .param("projectId", checked.projectId())
                        .param("id", checked.id())
                        .param("sha256", checked.sha256())
                        .param("old", checked.signatureStatus())
                        .update()
                == 1;
    }

    public boolean delete(UUID projectId, UUID id) {
        return jdbc.sql("DELETE FROM sample WHERE project_id = :projectId AND id = :id")
                        .param("projectId", projectId)
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Counts the selection. */
    int count(SampleSelection selection) {
        return jdbc.sql("SELECT count(*) FROM sample" + selection.where())
                .params(selection.params())
                .query(Integer.class)
                .single();
    }

    int setLabel(SampleSelection selection, String label, Instant now) {
        return jdbc.sql("UPDATE sample SET label = :newLabel, updated_at = :now" + selection.where())
                .params(selection.params())
                .param("newLabel", label)
                .param("now", timestamp(now))
                .update();
    }

    int setCategory(SampleSelection selection, SampleCategory category, Instant now) {
        return jdbc.sql("UPDATE sample SET category = :newCategory, updated_at = :now" + selection.where())
                .params(selection.params())
                .param("newCategory", category.value())
                .param("now", timestamp(now))
                .update();
    }

    int setEnabled(SampleSelection selection, boolean enabled, Instant now) {
        return jdbc.sql("UPDATE sample SET enabled = :newEnabled, updated_at = :now" + selection.where())
                .params(selection.params())
                .param("newEnabled", enabled)
                .param("now", timestamp(now))
                .update();
    }

    int deleteAll(SampleSelection selection) {
        return jdbc.sql("DELETE FROM sample" + selection.where())
                .params(selection.params())
                .update();
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private SampleRow map(ResultSet rs, int rowNum) throws SQLException {
        Integer width = (Integer) rs.getObject("image_width");
        ImageInfo image =
                width == null ? null : new ImageInfo(width, rs.getInt("image_height"), rs.getInt("image_channels"));
        return new SampleRow(
                rs.getObject("id", UUID.class),
                rs.getObject("project_id", UUID.class),
                rs.getString("name"),
                rs.getString("label"),
                SampleCategory.fromValue(rs.getString("category")),
                StoredFormat.valueOf(rs.getString("format")),
                rs.getString("sha256"),
                rs.getString("object_key"),
                rs.getLong("size_bytes"),
                json.readValue(rs.getString("sensors"), SENSORS),
                rs.getDouble("interval_ms"),
                rs.getDouble("frequency_hz"),
                rs.getInt("length"),
                rs.getDouble("duration_ms"),
                rs.getString("device_name"),
                rs.getString("device_type"),
                json.readValue(rs.getString("metadata"), METADATA),
                image,
                json.readValue(rs.getString("bounding_boxes"), BOXES),
                rs.getString("signature_status"),
                ContentOrigin.fromValue(rs.getString("content_origin")),
                rs.getBoolean("enabled"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
