package dev.edgeforge.api.project;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The project row as a lock, for features that number or start things per project (impulse versions, feature jobs):
 * they lock through here instead of querying this feature's {@code project} table themselves.
 */
@Component
public class ProjectLocks {

    private final JdbcClient jdbc;

    ProjectLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the project's row until the current transaction ends; a second caller for the same project waits.
     *
     * @throws IllegalStateException outside a transaction, where the lock would be released at once
     */
    public void lock(UUID projectId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a project lock needs a transaction to last");
        }
        jdbc.sql("SELECT id FROM project WHERE id = :project FOR UPDATE")
                .param("project", projectId)
                .query(UUID.class)
                .optional();
    }
}
