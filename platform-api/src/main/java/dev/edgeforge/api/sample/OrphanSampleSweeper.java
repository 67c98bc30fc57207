package dev.edgeforge.api.sample;

import dev.edgeforge.infra.storage.ObjectInfo;
import dev.edgeforge.infra.storage.ObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes sample objects no row points at: those of deleted samples, of cropped samples' old content, of deleted
 * projects, and of uploads that died between storing the object and writing the row. Only objects older than
 * {@code edgeforge.datasets.orphan-grace-period} are candidates, and each is removed under its advisory lock after
 * checking again that no row points at it (see {@link SampleStorage}). Runs every
 * {@code edgeforge.datasets.orphan-sweep-interval}.
 */
@Component
public class OrphanSampleSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrphanSampleSweeper.class);
    private static final Pattern SAMPLE_KEY = Pattern.compile("projects/([0-9a-f-]{36})/samples/([0-9a-f]{64})");
    private static final int BATCH = 500;

    /** What one sweep did. */
    public record Sweep(int examined, int deleted) {}

    private final ObjectStore store;
    private final SampleRepository samples;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration grace;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    OrphanSampleSweeper(
            ObjectStore store,
            SampleRepository samples,
            PlatformTransactionManager transactions,
            Clock clock,
            DatasetProperties properties) {
        this.store = store;
        this.samples = samples;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.grace = properties.orphanGracePeriod();
        this.interval = properties.orphanSweepInterval();
    }

    /** Sweeps objects older than the grace period. */
    public Sweep sweep() {
        return sweep(clock.instant().minus(grace));
    }

    /** Sweeps sample objects last written before {@code cutoff} that no row points at. */
    public Sweep sweep(Instant cutoff) {
        int examined = 0;
        int deleted = 0;
        Map<UUID, List<String>> batch = new HashMap<>();
        int pending = 0;
        try (Stream<ObjectInfo> objects = store.list("projects/")) {
            Iterator<ObjectInfo> it = objects.iterator();
            while (it.hasNext()) {
                ObjectInfo info = it.next();
                Matcher m = SAMPLE_KEY.matcher(info.key());
                if (!m.matches() || !info.lastModified().isBefore(cutoff)) {
                    continue;
                }
                examined++;
                batch.computeIfAbsent(UUID.fromString(m.group(1)), k -> new ArrayList<>())
                        .add(m.group(2));
                if (++pending >= BATCH) {
                    deleted += sweepBatch(batch);
                    batch.clear();
                    pending = 0;
                }
            }
        }
        deleted += sweepBatch(batch);
        if (deleted > 0) {
            log.info("Orphan sweep removed {} of {} examined sample objects", deleted, examined);
        }
        return new Sweep(examined, deleted);
    }

    private int sweepBatch(Map<UUID, List<String>> batch) {
        int deleted = 0;
        for (Map.Entry<UUID, List<String>> project : batch.entrySet()) {
            Set<String> referenced = samples.referencedKeys(project.getKey(), project.getValue());
            for (String sha : project.getValue()) {
                if (referenced.contains(sha)) {
                    continue;
                }
                String key = SampleStorage.objectKey(project.getKey(), sha);
                Boolean removed = transaction.execute(status -> {
                    samples.lockObject(key);
                    if (samples.findBySha(project.getKey(), sha).isPresent()) {
                        return false;
                    }
                    store.delete(key);
                    return true;
                });
                if (Boolean.TRUE.equals(removed)) {
                    deleted++;
                }
            }
        }
        return deleted;
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
