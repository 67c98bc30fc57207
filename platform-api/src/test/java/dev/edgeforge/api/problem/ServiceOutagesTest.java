package dev.edgeforge.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.infra.storage.ObjectStoreException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the service cannot be reached, try again" and which are real errors. */
class ServiceOutagesTest {

    @Test
    void anUnreachableObjectStoreIsAnOutage() {
        assertThat(ServiceOutages.classify(
                        new ObjectStoreException("writing object 'a'", new ConnectException("Connection refused"))))
                .contains(ServiceOutages.Kind.OBJECT_STORE);
        assertThat(ServiceOutages.classify(new IllegalStateException(
                        "upload failed",
                        new ObjectStoreException("reading object 'a'", new SocketTimeoutException("timeout")))))
                .contains(ServiceOutages.Kind.OBJECT_STORE);
    }

    @Test
    void anObjectStoreThatAnsweredWithAnErrorIsNoOutage() {
        assertThat(ServiceOutages.classify(new ObjectStoreException("bucket policy refused")))
                .isEmpty();
        assertThat(ServiceOutages.classify(new ObjectStoreException("disk full", new IOException("No space left"))))
                .isEmpty();
        // a socket error that has nothing to do with the object store (say, the client went away) is not one either
        assertThat(ServiceOutages.classify(new IOException("Broken pipe", new ConnectException("x"))))
                .isEmpty();
    }

    @Test
    void anUnreachableDatabaseIsAnOutage() {
        assertThat(ServiceOutages.classify(new CannotGetJdbcConnectionException(
                        "no connection", new SQLTransientConnectionException("pool timed out"))))
                .contains(ServiceOutages.Kind.DATABASE);
        assertThat(ServiceOutages.classify(new CannotCreateTransactionException("no transaction")))
                .contains(ServiceOutages.Kind.DATABASE);
        assertThat(ServiceOutages.classify(new RuntimeException(new SQLException("terminating connection", "57P01"))))
                .contains(ServiceOutages.Kind.DATABASE);
        assertThat(ServiceOutages.classify(new RuntimeException(new SQLException("I/O error", "08006"))))
                .contains(ServiceOutages.Kind.DATABASE);
    }

    @Test
    void aRollbackThatFailedBecauseTheDatabaseWentAwayIsAnOutage() {
        // as ServiceOutageIT saw it: the token lookup lost its connection, then the rollback found it closed
        TransactionSystemException rollback = new TransactionSystemException(
                "Could not roll back JPA transaction", new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException(
                "I/O error", new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertThat(ServiceOutages.classify(rollback)).contains(ServiceOutages.Kind.DATABASE);

        // what Spring actually throws there with JPA: the rollback's failure in place of the cause
        JpaSystemException jpaRollback = new JpaSystemException(new TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));
        assertThat(ServiceOutages.classify(jpaRollback)).contains(ServiceOutages.Kind.DATABASE);

        TransactionSystemException noCause =
                new TransactionSystemException("Could not commit", new SQLException("deferred constraint", "23505"));
        assertThat(ServiceOutages.classify(noCause)).isEmpty();
    }

    @Test
    void aStatementTheDatabaseRefusedIsNoOutage() {
        assertThat(ServiceOutages.classify(
                        new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"))))
                .isEmpty();
        assertThat(ServiceOutages.classify(new IllegalStateException("a bug"))).isEmpty();
    }

    @Test
    void theAnswerIsA503ThatSaysWhenToTryAgain() {
        var problem = new ServiceOutages()
                .problem(
                        ServiceOutages.Kind.OBJECT_STORE,
                        new ConnectException("refused"),
                        "POST",
                        "/api/training/data");
        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getDetail())
                .isEqualTo("The object store cannot be reached right now; send the request again in 5 seconds.");
        assertThat(ServiceOutages.retryAfter().getFirst("Retry-After")).isEqualTo("5");
    }
}
