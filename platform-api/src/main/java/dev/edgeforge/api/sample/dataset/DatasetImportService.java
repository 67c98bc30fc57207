package dev.edgeforge.api.sample.dataset;

import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.api.project.ProjectAccess;
import dev.edgeforge.api.project.ProjectGrant;
import dev.edgeforge.api.project.ProjectRole;
import dev.edgeforge.api.sample.SampleCategory;
import dev.edgeforge.api.sample.SampleRepository;
import dev.edgeforge.api.sample.SampleRow;
import dev.edgeforge.api.sample.SampleStorage;
import dev.edgeforge.api.sample.quota.StorageQuotaService;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings a dataset version of another project into a project (issue #17: teams sharing datasets): each sample of the
 * version becomes a new row of this project with the version's name, label, category and settings, pointing at the
 * same stored file. No byte is copied: sample objects are shared by content, and an object stays while any row of any
 * project points at it (the orphan sweeper and project deletion check every project's rows, see
 * {@code OrphanSampleSweeper} and {@code JdbcSharedSampleObjects}).
 *
 * <p>Races: the version's row is read {@code FOR SHARE}, so the source project cannot be deleted (its versions go with
 * it) until the import commits, and its deletion then sees the new rows and keeps the shared files. Each file is locked
 * and checked as a restore does, so the sweeper cannot remove one between the check and the insert; a file already
 * gone is reported as missing. The quota lock is taken first, as uploads take it.
 */
@Service
public class DatasetImportService {

    /** The snapshot's columns that become the new row's, as {@link SampleRepository#mapper()} reads them. */
    private static final String COPIED = "v.name, v.label, v.category, v.format, v.sha256, v.object_key, v.size_bytes, "
            + "v.sensors, v.interval_ms, v.frequency_hz, v.length, v.duration_ms, v.device_name, v.device_type, "
            + "v.metadata, v.image_width, v.image_height, v.image_channels, v.bounding_boxes, v.signature_status, "
            + "v.content_origin, v.enabled";

    private final JdbcClient jdbc;
    private final ProjectAccess access;
    private final SampleRepository samples;
    private final SampleStorage storage;
    private final StorageQuotaService quotas;
    private final Clock clock;

    DatasetImportService(
            JdbcClient jdbc,
            ProjectAccess access,
            SampleRepository samples,
            SampleStorage storage,
            StorageQuotaService quotas,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.samples = samples;
        this.storage = storage;
        this.quotas = quotas;
        this.clock = clock;
    }

    /**
     * Imports version {@code versionId} of project {@code sourceProjectId} into the project of {@code target}.
     *
     * @throws ValidationViolation             an id missing, or the source being this project (400)
     * @throws dev.edgeforge.api.project.ProjectNotFoundException the caller cannot read the source project (404)
     * @throws DatasetVersionNotFoundException the version is not one of the source project (404)
     * @throws dev.edgeforge.api.sample.quota.StorageQuotaViolation the project's quota has no room for it (413)
     */
    @Transactional
    public DatasetImport importVersion(ProjectGrant target, UUID sourceProjectId, UUID versionId) {
        if (sourceProjectId == null) {
            throw new ValidationViolation(
                    "sourceProjectId", "is required: the id of the project whose dataset version to import");
        }
        if (versionId == null) {
            throw new ValidationViolation("versionId", "is required: the id of one of the source project's versions");
        }
        if (sourceProjectId.equals(target.projectId())) {
            throw new ValidationViolation(
                    "sourceProjectId", "is this project: import from another one (restore a version of this one)");
        }
        // 404 when the caller may not read it, exactly as for a project that does not exist
        access.requireRole(sourceProjectId, ProjectRole.VIEWER);
        String versionName = jdbc.sql(
                        "SELECT name FROM dataset_version WHERE id = :id AND project_id = :projectId FOR SHARE")
                .param("id", versionId)
                .param("projectId", sourceProjectId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new DatasetVersionNotFoundException(versionId));
        Instant now = clock.instant();
        List<SampleRow> rows = new ArrayList<>(jdbc.sql("SELECT v.sample_id AS id, CAST(:projectId AS uuid) "
                        + "AS project_id, " + COPIED + ", CAST(:now AS timestamptz) AS created_at, "
                        + "CAST(:now AS timestamptz) AS updated_at "
                        + "FROM dataset_version_sample v WHERE v.version_id = :versionId ORDER BY v.created_at, "
                        + "v.sample_id")
                .param("projectId", target.projectId())
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("versionId", versionId)
                .query(samples.mapper())
                .list());
        Map<String, Long> contents = new HashMap<>();
        rows.forEach(row -> contents.put(row.sha256(), row.sizeBytes()));
        quotas.requireRoomLocked(target.projectId(), contents);
        // one lock order for every importer and restorer of these files
        rows.sort(Comparator.comparing(SampleRow::objectKey));
        Map<String, Integer> byCategory = new LinkedHashMap<>();
        for (SampleCategory category : SampleCategory.values()) {
            byCategory.put(category.value(), 0);
        }
        TreeSet<String> labels = new TreeSet<>();
        List<DatasetRestore.SampleRef> missing = new ArrayList<>();
        int imported = 0;
        for (SampleRow row : rows) {
            if (!storage.lockAndCheck(row.objectKey())) {
                missing.add(new DatasetRestore.SampleRef(
                        row.id(), row.name(), row.label(), row.category().value()));
                continue;
            }
            samples.insert(asNew(row));
            imported++;
            byCategory.merge(row.category().value(), 1, Integer::sum);
            if (row.label() != null) {
                labels.add(row.label());
            }
        }
        return new DatasetImport(
                sourceProjectId, versionId, versionName, imported, byCategory, List.copyOf(labels), missing);
    }

    /** The version's row (read with its sample id in the source project) as a new sample of this project. */
    private static SampleRow asNew(SampleRow row) {
        return new SampleRow(
                UUID.randomUUID(),
                row.projectId(),
                row.name(),
                row.label(),
                row.category(),
                row.format(),
                row.sha256(),
                row.objectKey(),
                row.sizeBytes(),
                row.sensors(),
                row.intervalMs(),
                row.frequencyHz(),
                row.length(),
                row.durationMs(),
                row.deviceName(),
                row.deviceType(),
                row.metadata(),
                row.image(),
                row.boundingBoxes(),
                row.signatureStatus(),
                row.contentOrigin(),
                row.enabled(),
                row.createdAt(),
                row.updatedAt());
    }
}
