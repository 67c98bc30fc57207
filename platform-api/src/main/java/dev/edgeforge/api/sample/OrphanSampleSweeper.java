package dev.edgeforge.api.sample;

import dev.edgeforge.api.project.ProjectDirectory;
import dev.edgeforge.api.storage.OwnedObjects;
import dev.edgeforge.infra.storage.ObjectInfo;
import dev.edgeforge.infra.storage.ObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes objects no row references, of every kind the platform stores under {@code projects/{projectId}/}:
 * <ul>
 *   <li>samples ({@code samples/{sha256}}): those of deleted samples, of cropped samples' old content, of deleted
 *       projects, and of uploads that died between storing the object and writing the row. Each is removed under its
 *       advisory lock after checking again that no row of any project points at it (imported samples share another
 *       project's files, issue #17; see {@link SampleStorage});</li>
 *   <li>objects owned by a row ({@link OwnedObjects}: models, deployments, features, and what other features
 *       register): those whose owner's row is gone (a model or deployment deleted while its files could not be, a
 *       project deleted while the store was away, a job that wrote for a model deleted meanwhile). An owner's row never
 *       comes back once gone (ids are never reused), so no lock is needed;</li>
 *   <li>anything else under a project whose row is gone. Folders no kind names are left alone while their project
 *       exists: an object is removed only when the sweeper knows which row would reference it.</li>
 * </ul>
 * Only objects last written before {@code edgeforge.datasets.orphan-grace-period} are candidates, which covers uploads
 * and jobs still writing their rows. Runs every {@code edgeforge.datasets.orphan-sweep-interval}.
 */
@Component
public class OrphanSampleSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrphanSampleSweeper.class);
    private static final Pattern SAMPLE_KEY = Pattern.compile("projects/([0-9a-f-]{36})/samples/([0-9a-f]{64})");
    private static final Pattern PROJECT_KEY = Pattern.compile("projects/([0-9a-f-]{36})/([^/]+)/([^/]+)(/.*)?");
    private static final int BATCH = 500;
    /** The kind figures of objects under a deleted project in a folder no kind names. */
    static final String OTHER = "other objects of deleted projects";

    /**
     * What one sweep did.
     *
     * @param deletedByKind removed objects by kind ("samples", "models", …)
     */
    public record Sweep(int examined, int deleted, Map<String, Integer> deletedByKind) {}

    /** An object older than the grace period, and what would own it. */
    private record Candidate(String kind, UUID projectId, String owner, String key) {}

    private final ObjectStore store;
    private final SampleRepository samples;
    private final Map<String, OwnedObjects> kinds;
    private final ProjectDirectory projects;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration grace;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    OrphanSampleSweeper(
            ObjectStore store,
            SampleRepository samples,
            List<OwnedObjects> kinds,
            ProjectDirectory projects,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            DatasetProperties properties) {
        this.store = store;
        this.samples = samples;
        this.kinds = new HashMap<>();
        for (OwnedObjects kind : kinds) {
            if (kind.folder().equals("samples") || this.kinds.put(kind.folder(), kind) != null) {
                throw new IllegalStateException("two kinds of objects claim the folder " + kind.folder());
            }
        }
        this.projects = projects;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.grace = properties.orphanGracePeriod();
        this.interval = properties.orphanSweepInterval();
    }

    /** Sweeps objects older than the grace period. */
    public Sweep sweep() {
        return sweep(clock.instant().minus(grace));
    }

    /** Sweeps objects last written before {@code cutoff} that no row references. */
    public Sweep sweep(Instant cutoff) {
        int examined = 0;
        Map<String, Integer> deleted = new TreeMap<>();
        List<Candidate> batch = new ArrayList<>();
        try (Stream<ObjectInfo> objects = store.list("projects/")) {
            Iterator<ObjectInfo> it = objects.iterator();
            while (it.hasNext()) {
                ObjectInfo info = it.next();
                if (!info.lastModified().isBefore(cutoff)) {
                    continue;
                }
                Candidate candidate = candidate(info.key());
                if (candidate == null) {
                    continue;
                }
                examined++;
                batch.add(candidate);
                if (batch.size() >= BATCH) {
                    sweepBatch(batch, deleted);
                    batch.clear();
                }
            }
        }
        sweepBatch(batch, deleted);
        int total = deleted.values().stream().mapToInt(Integer::intValue).sum();
        if (total > 0) {
            log.info("Orphan sweep removed {} of {} examined objects: {}", total, examined, deleted);
        }
        return new Sweep(examined, total, Map.copyOf(deleted));
    }

    private Candidate candidate(String key) {
        Matcher sample = SAMPLE_KEY.matcher(key);
        if (sample.matches()) {
            return new Candidate("samples", UUID.fromString(sample.group(1)), sample.group(2), key);
        }
        Matcher m = PROJECT_KEY.matcher(key);
        if (!m.matches()) {
            return null;
        }
        UUID projectId;
        try {
            projectId = UUID.fromString(m.group(1));
        } catch (IllegalArgumentException e) {
            return null;
        }
        OwnedObjects kind = kinds.get(m.group(2));
        return kind != null && m.group(4) != null
                ? new Candidate(kind.kind(), projectId, m.group(3), key)
                : new Candidate(OTHER, projectId, null, key);
    }

    private void sweepBatch(List<Candidate> batch, Map<String, Integer> deleted) {
        Map<String, Map<UUID, List<Candidate>>> grouped = new HashMap<>();
        for (Candidate c : batch) {
            grouped.computeIfAbsent(c.kind(), k -> new HashMap<>())
                    .computeIfAbsent(c.projectId(), k -> new ArrayList<>())
                    .add(c);
        }
        for (Map.Entry<String, Map<UUID, List<Candidate>>> kind : grouped.entrySet()) {
            for (Map.Entry<UUID, List<Candidate>> project : kind.getValue().entrySet()) {
                int removed = switch (kind.getKey()) {
                    case "samples" -> sweepSamples(project.getKey(), project.getValue());
                    case OTHER -> sweepOfDeletedProject(project.getKey(), project.getValue());
                    default -> sweepOwned(project.getKey(), project.getValue());
                };
                if (removed > 0) {
                    deleted.merge(kind.getKey(), removed, Integer::sum);
                }
            }
        }
    }

    private int sweepSamples(UUID projectId, List<Candidate> candidates) {
        // rows of any project count: imported samples share the source project's files (issue #17)
        List<String> keys = candidates.stream()
                .map(c -> SampleStorage.objectKey(projectId, c.owner()))
                .toList();
        Set<String> referenced = samples.referencedObjects(keys);
        int deleted = 0;
        for (String key : keys) {
            if (referenced.contains(key)) {
                continue;
            }
            Boolean removed = transaction.execute(status -> {
                samples.lockObject(key);
                if (!samples.referencedObjects(List.of(key)).isEmpty()) {
                    return false;
                }
                store.delete(key);
                return true;
            });
            if (Boolean.TRUE.equals(removed)) {
                deleted++;
            }
        }
        return deleted;
    }

    private int sweepOwned(UUID projectId, List<Candidate> candidates) {
        OwnedObjects kind = kinds.values().stream()
                .filter(k -> k.kind().equals(candidates.get(0).kind()))
                .findFirst()
                .orElseThrow();
        Set<String> owners = new HashSet<>();
        candidates.forEach(c -> owners.add(c.owner()));
        Set<String> owned = new HashSet<>(jdbc.sql(kind.ownersSql())
                .param("projectId", projectId)
                .param("owners", List.copyOf(owners))
                .query(String.class)
                .list());
        return deleteAll(
                candidates.stream().filter(c -> !owned.contains(c.owner())).toList());
    }

    private int sweepOfDeletedProject(UUID projectId, List<Candidate> candidates) {
        return projects.exists(projectId) ? 0 : deleteAll(candidates);
    }

    private int deleteAll(List<Candidate> garbage) {
        for (Candidate c : garbage) {
            store.delete(c.key());
        }
        return garbage.size();
    }

    @Override
    public synchronized void start() {
        if (interval.isZero()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "orphan-sample-sweeper");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(
                this::sweepLogged, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweepLogged() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Orphan sample sweep failed; retrying in {}", interval, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
