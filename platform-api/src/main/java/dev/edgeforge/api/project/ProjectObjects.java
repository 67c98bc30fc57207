package dev.edgeforge.api.project;

import dev.edgeforge.infra.storage.ObjectInfo;
import dev.edgeforge.infra.storage.ObjectStore;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final ObjectStore store;

    ProjectObjects(ObjectStore store) {
        this.store = store;
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
        int failed = 0;
        for (String key : keys) {
            try {
                store.delete(key);
            } catch (RuntimeException e) {
                failed++;
                log.warn("Cannot delete {} of deleted project {}: {}", key, projectId, e.getMessage());
            }
        }
        log.info("Deleted {} of {} objects of deleted project {}", keys.size() - failed, keys.size(), projectId);
    }
}
