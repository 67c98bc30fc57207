package dev.edgeforge.api.problem;

import dev.edgeforge.infra.storage.ObjectStoreException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.TransactionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure because the database or the object store cannot be reached (stopped, restarting, network) from any
 * other: such a request is answered 503 with {@code Retry-After} (the client may simply send it again), not 500, and
 * the log gets one line per kind of outage and minute instead of a stack trace per request (issue #16: 35,000 log
 * lines in 28 s).
 */
@Component
public class ServiceOutages {

    /** What could not be reached. */
    public enum Kind {
        DATABASE(
                new ProblemType("database-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable"),
                "the database"),
        OBJECT_STORE(
                new ProblemType("storage-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Object storage unavailable"),
                "the object store");

        private final ProblemType type;
        private final String what;

        Kind(ProblemType type, String what) {
            this.type = type;
            this.what = what;
        }

        public ProblemType type() {
            return type;
        }
    }

    /** What clients are told to wait before sending the request again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** One log line per kind of outage within this long. */
    static final Duration LOG_EVERY = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(ServiceOutages.class);

    private final Map<Kind, AtomicLong> lastLogged = new EnumMap<>(Kind.class);
    private final Map<Kind, AtomicInteger> unlogged = new EnumMap<>(Kind.class);

    public ServiceOutages() {
        for (Kind kind : Kind.values()) {
            lastLogged.put(kind, new AtomicLong(System.nanoTime() - LOG_EVERY.toNanos() - 1));
            unlogged.put(kind, new AtomicInteger());
        }
    }

    /** Which service {@code failure} says could not be reached, if any. */
    public static Optional<Kind> classify(Throwable failure) {
        boolean objectStore = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                // the database went away mid-transaction and the rollback failed too: the rollback's failure
                // ("Connection is closed", no SQL state) hides the cause, which Spring keeps beside it, not under it
                Optional<Kind> cause = classify(rollback.getApplicationException());
                if (cause.isPresent()) {
                    return cause;
                }
            }
            if (t instanceof ObjectStoreException) {
                objectStore = true;
            } else if (objectStore
                    && (t instanceof SocketException
                            || t instanceof InterruptedIOException
                            || t instanceof UnknownHostException)) {
                // connection refused or reset, timed out, name not resolved: not a refusal by a server that answered
                return Optional.of(Kind.OBJECT_STORE);
            } else if (t instanceof TransactionException && t.getCause() instanceof SQLException) {
                // a rollback the connection could not carry out ("Unable to rollback against JDBC Connection",
                // caused by the pool's "Connection is closed", which has no SQL state): the database went away
                // mid-transaction; Spring throws it in place of the failure that started the rollback
                return Optional.of(Kind.DATABASE);
            } else if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || (t instanceof SQLException sql && isConnectionState(sql.getSQLState()))) {
                return Optional.of(Kind.DATABASE);
            }
        }
        return Optional.empty();
    }

    private static boolean isConnectionState(String state) {
        // 08: connection exception; 57P01-03: shutting down, crashed, starting up; 53300: too many connections
        return state != null && (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300"));
    }

    /** The 503 problem for an outage of {@code kind}; logs it unless this kind was logged within the last minute. */
    public ProblemDetail problem(Kind kind, Throwable failure, String method, String path) {
        AtomicLong last = lastLogged.get(kind);
        long now = System.nanoTime();
        long previous = last.get();
        if (now - previous > LOG_EVERY.toNanos() && last.compareAndSet(previous, now)) {
            int skipped = unlogged.get(kind).getAndSet(0);
            log.warn(
                    "{} cannot be reached ({}) on {} {}; answering 503 until it is back{}",
                    capitalized(kind.what),
                    rootMessage(failure),
                    method,
                    path,
                    skipped == 0 ? "" : " (" + skipped + " more such answers in the last minute)");
        } else {
            unlogged.get(kind).incrementAndGet();
        }
        return Problems.detail(
                kind.type,
                capitalized(kind.what) + " cannot be reached right now; send the request again in "
                        + RETRY_AFTER.toSeconds() + " seconds.");
    }

    /** The {@code Retry-After} header of those answers. */
    public static HttpHeaders retryAfter() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
        return headers;
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
