package dev.edgeforge.api.project;

import dev.edgeforge.infra.storage.ObjectInfo;
import dev.edgeforge.infra.storage.ObjectStore;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every object of a project lives under {@code projects/{projectId}/} (samples, features, models, deployments), so
 * deleting a project deletes that prefix. It happens after the deleting transaction commits: a rollback leaves the
 * rows and their objects as they were, and a row never points at a missing object.
 */
@Component
class ProjectObjects {

    private static final Logger log = LoggerFactory.getLogger(ProjectObjects.class);

    /** A sample file's key: {@code projects/{projectId}/samples/{sha256}}. */
    private static final Pattern SAMPLE_KEY = Pattern.compile("projects/[^/]+/samples/[0-9a-f]{64}");

    private final ObjectStore store;
    private final ObjectProvider<SharedSampleObjects> shared;

    ProjectObjects(ObjectStore store, ObjectProvider<SharedSampleObjects> shared) {
        this.store = store;
        this.shared = shared;
    }

    static String prefix(UUID projectId) {
        return "projects/" + projectId + "/";
    }

    /** Deletes the project's objects once the current transaction has committed (at once without one). */
    void deleteAfterCommit(UUID projectId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            deleteAll(projectId);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deleteAll(projectId);
            }
        });
    }

    /**
     * Deletes every object under the project's prefix. A failure is logged, not thrown: the project is gone already,
     * and what is left is garbage without a row.
     */
    void deleteAll(UUID projectId) {
        String prefix = prefix(projectId);
        List<String> keys;
        try (var listing = store.list(prefix)) {
            keys = listing.map(ObjectInfo::key).toList();
        } catch (RuntimeException e) {
            log.warn(
                    "Cannot list the objects of deleted project {} ({}); they stay as garbage",
                    projectId,
                    e.getMessage());
            return;
        }
        // sample files other projects' rows may share (imports) go through the sample feature, which keeps those
        List<String> sampleKeys =
                keys.stream().filter(k -> SAMPLE_KEY.matcher(k).matches()).toList();
        int kept = 0;
        if (!sampleKeys.isEmpty()) {
            SharedSampleObjects samples = shared.getIfAvailable();
            try {
                kept = samples == null ? sampleKeys.size() : samples.deleteUnreferenced(sampleKeys);
            } catch (RuntimeException e) {
                kept = sampleKeys.size();
                log.warn(
                        "Cannot delete the sample files of deleted project {} ({}); the orphan sweeper will",
                        projectId,
                        e.getMessage());
            }
            keys = keys.stream().filter(k -> !SAMPLE_KEY.matcher(k).matches()).toList();
        }
        int failed = 0;
        for (String key : keys) {
            try {
                store.delete(key);
            } catch (RuntimeException e) {
                failed++;
                log.warn("Cannot delete {} of deleted project {}: {}", key, projectId, e.getMessage());
            }
        }
        log.info(
                "Deleted {} of {} objects of deleted project {}; {} sample files kept, shared with other projects",
                keys.size() - failed + sampleKeys.size() - kept,
                keys.size() + sampleKeys.size(),
                projectId,
                kept);
    }
}
