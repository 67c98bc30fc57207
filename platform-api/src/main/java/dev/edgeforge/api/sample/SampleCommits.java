package dev.edgeforge.api.sample;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.sample.quota.QuotaRoom;
import dev.edgeforge.api.sample.quota.StorageQuotaService;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of ingested samples: the rows of uploads that arrive while a commit is under way are written together
 * in the next transaction, so many devices uploading at once share one commit (one write-ahead-log flush) instead of
 * paying one each.
 *
 * <p>"Acknowledged means durable" holds as with one transaction per sample: each upload's object is stored (and
 * forced to disk) before its row is queued, and {@link #insert} returns only once the transaction holding its row
 * has committed. A transaction follows the protocol of {@link SampleStorage#insert} for every row in it: the
 * project's quota lock, then the objects' locks (in key order, so two transactions cannot deadlock), a check that
 * each object is still there (stored again if the sweeper took it), then the rows.
 *
 * <p>What one upload did wrong stays its own: a duplicate refused or a quota reached answers that upload alone and
 * leaves its row out. A transaction that fails as a whole answers its own members with that failure and nobody else;
 * when the failure is one row's (a constraint of the table), each member is committed again alone, so only the row at
 * fault is refused. A deadlock with another kind of writer is retried once.
 *
 * <p>There is no extra thread: the first waiting upload commits for everyone queued (the others wait for the lock,
 * and find their rows committed, or commit the next group themselves), so an upload that arrives alone is committed
 * at once, without waiting for company.
 */
@Component
public class SampleCommits {

    /** Most rows in one transaction: bounds its locks and the wait of the last row in it. */
    static final int MAX_GROUP = 256;

    /** Counter of samples stored (Prometheus {@code edgeforge_samples_ingested_total{category}}). */
    static final String INGESTED = "edgeforge.samples.ingested";

    /** One upload waiting for its row to be committed. */
    record Member(
            SampleRow row, SampleStorage.Content content, boolean refuseDuplicate, CompletableFuture<SampleRow> done) {

        Member(SampleRow row, SampleStorage.Content content, boolean refuseDuplicate) {
            this(row, content, refuseDuplicate, new CompletableFuture<>());
        }
    }

    private final ConcurrentLinkedQueue<Member> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock committer = new ReentrantLock();
    private final SampleStorage storage;
    private final SampleRepository samples;
    private final StorageQuotaService quotas;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;

    SampleCommits(
            SampleStorage storage,
            SampleRepository samples,
            StorageQuotaService quotas,
            PlatformTransactionManager transactions,
            MeterRegistry meters) {
        this.meters = meters;
        this.storage = storage;
        this.samples = samples;
        this.quotas = quotas;
        this.transaction = new TransactionTemplate(transactions);
        // its own transaction whatever the committing thread is in: it commits other uploads' rows too
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Inserts the row of an object already stored by {@link SampleStorage#storeIfMissing}; returns once the row is
     * committed.
     *
     * @param refuseDuplicate throw {@link DuplicateSampleViolation} when the project already has a row with this
     *                        content (or an upload committed just before it in the same transaction brought it)
     * @throws DuplicateSampleViolation as above (409)
     * @throws dev.edgeforge.api.sample.quota.StorageQuotaViolation past the project's storage quota (413)
     */
    public SampleRow insert(SampleRow row, SampleStorage.Content content, boolean refuseDuplicate) {
        Member member = new Member(row, content, refuseDuplicate);
        queue.add(member);
        while (!member.done().isDone()) {
            committer.lock();
            try {
                if (!member.done().isDone()) {
                    commitQueued();
                }
            } finally {
                committer.unlock();
            }
        }
        return answer(member);
    }

    private void commitQueued() {
        List<Member> group = new ArrayList<>();
        Member next;
        while (group.size() < MAX_GROUP && (next = queue.poll()) != null) {
            group.add(next);
        }
        if (!group.isEmpty()) {
            commit(group);
        }
    }

    /** Commits one group; completes every member, with its row or its failure. */
    void commit(List<Member> group) {
        try {
            commitOnce(group);
        } catch (PessimisticLockingFailureException deadlock) {
            try {
                commitOnce(group);
            } catch (RuntimeException e) {
                failAll(group, e);
            }
        } catch (DataIntegrityViolationException e) {
            if (group.size() == 1) {
                failAll(group, e);
            } else {
                group.forEach(member -> commit(List.of(member)));
            }
        } catch (RuntimeException | Error e) {
            failAll(group, e);
        }
    }

    private void commitOnce(List<Member> group) {
        Map<Member, RuntimeException> refused = new HashMap<>();
        transaction.executeWithoutResult(status -> {
            refused.clear(); // a retried transaction decides afresh
            Map<UUID, List<Member>> byProject = new LinkedHashMap<>();
            group.forEach(m -> byProject
                    .computeIfAbsent(m.row().projectId(), k -> new ArrayList<>())
                    .add(m));
            // quota locks first, then object locks: the order SampleStorage.insert takes them in
            Map<UUID, Optional<QuotaRoom>> rooms = new HashMap<>();
            for (UUID projectId : new TreeSet<>(byProject.keySet())) {
                rooms.put(
                        projectId,
                        quotas.lockRoom(
                                projectId,
                                byProject.get(projectId).stream()
                                        .map(m -> m.row().sha256())
                                        .toList()));
            }
            TreeSet<String> keys = new TreeSet<>();
            group.forEach(m -> keys.add(m.row().objectKey()));
            samples.lockObjects(List.copyOf(keys));
            List<SampleRow> rows = new ArrayList<>();
            Set<String> ensured = new HashSet<>();
            for (Map.Entry<UUID, List<Member>> project : byProject.entrySet()) {
                Set<String> inTable = samples.existingShas(
                        project.getKey(),
                        project.getValue().stream()
                                .filter(Member::refuseDuplicate)
                                .map(m -> m.row().sha256())
                                .toList());
                Map<String, SampleRow> inGroup = new HashMap<>();
                for (Member member : project.getValue()) {
                    SampleRow row = member.row();
                    try {
                        if (member.refuseDuplicate()) {
                            refuseDuplicate(row, inTable, inGroup);
                        }
                        rooms.get(project.getKey()).ifPresent(room -> room.take(row.sha256(), row.sizeBytes()));
                    } catch (EdgeForgeException e) {
                        refused.put(member, e);
                        continue;
                    }
                    inGroup.putIfAbsent(row.sha256(), row);
                    if (ensured.add(row.objectKey())) {
                        storage.ensureStored(row.objectKey(), member.content());
                    }
                    rows.add(row);
                }
            }
            samples.insertAll(rows);
        });
        // committed: only now is anyone answered
        for (Member member : group) {
            RuntimeException refusal = refused.get(member);
            if (refusal != null) {
                member.done().completeExceptionally(refusal);
            } else {
                // edgeforge_samples_ingested_total: samples stored by this server (committed rows only)
                meters.counter(INGESTED, "category", member.row().category().value())
                        .increment();
                member.done().complete(member.row());
            }
        }
    }

    private void refuseDuplicate(SampleRow row, Set<String> inTable, Map<String, SampleRow> inGroup) {
        SampleRow existing = inTable.contains(row.sha256())
                ? samples.findBySha(row.projectId(), row.sha256()).orElseThrow()
                : inGroup.get(row.sha256());
        if (existing != null) {
            throw new DuplicateSampleViolation("A sample with the same content already exists in this project ('"
                    + existing.name() + "', id " + existing.id() + "); duplicates were refused.");
        }
    }

    private static void failAll(List<Member> group, Throwable failure) {
        group.forEach(m -> m.done().completeExceptionally(failure));
    }

    private static SampleRow answer(Member member) {
        try {
            return member.done().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the commit", e);
        } catch (ExecutionException e) {
            // the committing thread's exception as it was, so outages still answer 503 and violations their 4xx
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
