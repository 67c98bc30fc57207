package dev.edgeforge.api.sample.quota;

import dev.edgeforge.api.project.ProjectDirectory;
import dev.edgeforge.api.project.ProjectNotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Storage quotas and usage. Usage is computed, never stored: the size of the distinct contents (sha256) the
 * project's sample rows point at, so that duplicates count once and a deleted sample frees its bytes at once.
 *
 * <p>An upload is checked twice: {@link #requireRoom} before anything of it is stored (the whole upload is refused),
 * and {@link #requireRoomLocked} in the transaction that inserts each row, under a per-project lock, so that
 * uploads running at the same time cannot pass the quota together. Projects without a quota skip both.
 */
@Service
public class StorageQuotaService {

    /** Usage of a project: each content once, whatever the number of rows pointing at it. */
    private static final String USAGE = "SELECT coalesce(sum(size_bytes), 0) FROM (SELECT DISTINCT ON (sha256) "
            + "size_bytes FROM sample WHERE project_id = :projectId ORDER BY sha256) AS contents";

    private final JdbcClient jdbc;
    private final ProjectDirectory projects;
    private final Clock clock;

    StorageQuotaService(JdbcClient jdbc, ProjectDirectory projects, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public StorageUsage usage(UUID projectId) {
        return new StorageUsage(used(projectId), quota(projectId).orElse(null));
    }

    /** Every project with its usage and quota, by name, for administrators. */
    @Transactional(readOnly = true)
    public List<ProjectStorage> all() {
        Map<UUID, Long> used = new HashMap<>();
        jdbc.sql("SELECT project_id, sum(size_bytes) AS used FROM (SELECT DISTINCT ON (project_id, sha256) project_id, "
                        + "size_bytes FROM sample ORDER BY project_id, sha256) AS contents GROUP BY project_id")
                .query(rs -> {
                    used.put(rs.getObject("project_id", UUID.class), rs.getLong("used"));
                });
        Map<UUID, Long> quotas = new HashMap<>();
        jdbc.sql("SELECT project_id, quota_bytes FROM project_storage_quota").query(rs -> {
            quotas.put(rs.getObject("project_id", UUID.class), rs.getLong("quota_bytes"));
        });
        return projects.all().stream()
                .map(p -> new ProjectStorage(p.id(), p.name(), used.getOrDefault(p.id(), 0L), quotas.get(p.id())))
                .toList();
    }

    /**
     * Sets or removes (null) a project's quota.
     *
     * @throws ProjectNotFoundException when there is no such project
     */
    @Transactional
    public StorageUsage setQuota(UUID projectId, Long quotaBytes, UUID adminId) {
        if (!projects.exists(projectId)) {
            throw new ProjectNotFoundException(projectId);
        }
        if (quotaBytes == null) {
            jdbc.sql("DELETE FROM project_storage_quota WHERE project_id = :id")
                    .param("id", projectId)
                    .update();
        } else {
            jdbc.sql("INSERT INTO project_storage_quota (project_id, quota_bytes, updated_by, updated_at) "
                            + "VALUES (:id, :quota, :admin, :now) ON CONFLICT (project_id) DO UPDATE SET "
                            + "quota_bytes = EXCLUDED.quota_bytes, updated_by = EXCLUDED.updated_by, "
                            + "updated_at = EXCLUDED.updated_at")
                    .param("id", projectId)
                    .param("quota", quotaBytes)
                    .param("admin", adminId)
                    .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update();
        }
        return usage(projectId);
    }

    /**
     * Before an upload stores anything: refuses it whole when its content that the project does not hold yet would
     * take the project past its quota.
     *
     * @param contents size of each content of the upload, by sha256
     * @throws StorageQuotaViolation (413)
     */
    // no transaction of its own: a project without a quota costs one query (a round trip, not four), on every device
    // upload; the check that counts is requireRoomLocked's
    public void requireRoom(UUID projectId, Map<String, Long> contents) {
        Optional<Long> quota = quota(projectId);
        if (quota.isPresent() && !contents.isEmpty()) {
            check(projectId, quota.get(), contents);
        }
    }

    /**
     * The same check in the transaction that inserts rows for {@code contents}, holding a per-project lock until
     * it commits: a second upload waits, then sees these rows in its usage.
     *
     * @throws StorageQuotaViolation (413)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireRoomLocked(UUID projectId, Map<String, Long> contents) {
        Optional<Long> quota = quota(projectId);
        if (quota.isEmpty() || contents.isEmpty()) {
            return;
        }
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "storage-quota:" + projectId)
                .query((rs, n) -> 1)
                .single();
        check(projectId, quota.get(), contents);
    }

    /**
     * For a transaction that inserts the rows of several uploads at once (group commit): takes the project's quota
     * lock, as {@link #requireRoomLocked} does, and answers the room left, which each upload then takes from in
     * turn; empty when the project has no quota.
     *
     * @param shas the contents the uploads bring, so that those the project already holds count nothing
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<QuotaRoom> lockRoom(UUID projectId, Collection<String> shas) {
        Optional<Long> quota = quota(projectId);
        if (quota.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "storage-quota:" + projectId)
                .query((rs, n) -> 1)
                .single();
        Set<String> held = Set.copyOf(
                jdbc.sql("SELECT DISTINCT sha256 FROM sample WHERE project_id = :projectId " + "AND sha256 IN (:shas)")
                        .param("projectId", projectId)
                        .param("shas", shas)
                        .query(String.class)
                        .list());
        return Optional.of(new QuotaRoom(quota.get(), used(projectId), held));
    }

    private void check(UUID projectId, long quota, Map<String, Long> contents) {
        Set<String> held = Set.copyOf(
                jdbc.sql("SELECT DISTINCT sha256 FROM sample WHERE project_id = :projectId " + "AND sha256 IN (:shas)")
                        .param("projectId", projectId)
                        .param("shas", contents.keySet())
                        .query(String.class)
                        .list());
        long added = contents.entrySet().stream()
                .filter(e -> !held.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum();
        if (added == 0) {
            return;
        }
        long used = used(projectId);
        if (used + added > quota) {
            throw new StorageQuotaViolation(quota, used, added);
        }
    }

    private long used(UUID projectId) {
        return jdbc.sql(USAGE).param("projectId", projectId).query(Long.class).single();
    }

    private Optional<Long> quota(UUID projectId) {
        return jdbc.sql("SELECT quota_bytes FROM project_storage_quota WHERE project_id = :projectId")
                .param("projectId", projectId)
                .query(Long.class)
                .optional();
    }
}
