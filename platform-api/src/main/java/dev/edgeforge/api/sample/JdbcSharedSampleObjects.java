package dev.edgeforge.api.sample;

import dev.edgeforge.api.project.SharedSampleObjects;
import dev.edgeforge.infra.storage.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes a deleted project's sample files unless a row of another project still points at them (imported samples
 * share files, issue #17). Works in batches, each in one transaction holding the files' locks (the lock a restore or
 * an import takes before it checks a file and writes its row), so no row can come to point at a file deleted here.
 */
@Component
class JdbcSharedSampleObjects implements SharedSampleObjects {

    private static final int BATCH = 500;

    private final SampleRepository samples;
    private final ObjectStore store;
    private final TransactionTemplate transaction;

    JdbcSharedSampleObjects(SampleRepository samples, ObjectStore store, PlatformTransactionManager transactions) {
        this.samples = samples;
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public int deleteUnreferenced(List<String> keys) {
        int kept = 0;
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<String> batch = new ArrayList<>(keys.subList(from, Math.min(keys.size(), from + BATCH)));
            batch.sort(null); // the lock order every writer of several files uses
            Integer keptHere = transaction.execute(status -> {
                samples.lockObjects(batch);
                Set<String> referenced = samples.referencedObjects(batch);
                for (String key : batch) {
                    if (!referenced.contains(key)) {
                        store.delete(key);
                    }
                }
                return referenced.size();
            });
            kept += keptHere == null ? 0 : keptHere;
        }
        return kept;
    }
}
