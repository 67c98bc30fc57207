package dev.edgeforge.infra.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The queue's state changes, for the process that tells the rest of the application about them (the server).
 *
 * <p>Every statement that changes a job's state — a claim, a finish, a retry, a reap, a cancel — bumps the job's
 * {@code version} and notifies {@link #CHANNEL} in the same statement, whichever process runs it (an embedded worker,
 * a standalone one on another machine, the server cancelling a queued job). PostgreSQL delivers the notification when
 * that transaction commits. A listener ({@link #listen()}) wakes up on it and asks for the {@link #unpublished}
 * changes; once it has told everyone about a job's state it marks that version {@link #markPublished published}.
 *
 * <p>The notification only wakes the listener: what is due is always read from {@code jobs.published_version}
 * (migration V12), so a change made while no listener ran (the server was down) or whose notification was lost (the
 * listener's connection broke) is still found, by the next call to {@link #unpublished}. A change can be published
 * twice (two servers, a crash between publishing and marking), never lost.
 */
public final class JobStateChanges {
    /** The channel every state change of the queue notifies, with the job's id as payload. */
    public static final String CHANNEL = "job_state_changed";

    private static final String UNPUBLISHED = """
            SELECT * FROM jobs WHERE published_version < version ORDER BY updated_at, id LIMIT ?
            """;
    private static final String MARK_PUBLISHED = """
            UPDATE jobs SET published_version = ? WHERE id = ? AND published_version < ? AND version >= ?
            """;

    private final DataSource dataSource;
    private final Jdbc jdbc;

    public JobStateChanges(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Wraps a state-changing {@code UPDATE … RETURNING …} (whose rows include {@code id}) so that the same statement
     * notifies {@link #CHANNEL} of every job it changed; the wrapped statement returns the same rows. A constant of
     * the queue's own statements, never user input.
     */
    static String notifying(String updateReturning) {
        return "WITH changed AS (\n" + updateReturning + ")\n" + "SELECT changed.*, pg_notify('" + CHANNEL
                + "', CAST(changed.id AS text)) AS notified FROM changed";
    }

    /**
     * Jobs whose current state was not published yet (claimed, ended or queued again since), least recently changed
     * first. Each comes as it is now: a job that started and ended since it was last published is only ended.
     */
    public List<Job> unpublished(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return jdbc.inConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement(UNPUBLISHED)) {
                query.setInt(1, limit);
                List<Job> jobs = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(Jdbc.job(rs));
                    }
                }
                return jobs;
            }
        });
    }

    /**
     * Records that the state the job had at {@code version} was published; a later change stays unpublished.
     *
     * @return whether this call moved the mark (false: already marked, e.g. by another server)
     */
    public boolean markPublished(UUID jobId, long version) {
        Objects.requireNonNull(jobId, "jobId");
        return jdbc.inConnection(connection -> {
            try (PreparedStatement mark = connection.prepareStatement(MARK_PUBLISHED)) {
                mark.setLong(1, version);
                mark.setObject(2, jobId);
                mark.setLong(3, version);
                mark.setLong(4, version);
                return mark.executeUpdate() == 1;
            }
        });
    }

    /**
     * Starts listening on {@link #CHANNEL} on a connection of its own, held until the listener is closed.
     *
     * @throws JobQueueException when the database cannot be reached
     */
    public Listener listen() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (!connection.getAutoCommit()) {
                // LISTEN takes effect at commit; a connection left in a transaction would never hear anything
                connection.setAutoCommit(true);
            }
            try (Statement listen = connection.createStatement()) {
                listen.execute("LISTEN " + CHANNEL);
            }
            return new Listener(connection, connection.unwrap(PGConnection.class));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new JobQueueException("cannot listen for job state changes: " + e.getMessage(), e);
        }
    }

    /** A connection listening on {@link #CHANNEL}. Used by one thread at a time. */
    public static final class Listener implements AutoCloseable {
        private final Connection connection;
        private final PGConnection postgres;

        private Listener(Connection connection, PGConnection postgres) {
            this.connection = connection;
            this.postgres = postgres;
        }

        /**
         * Waits up to {@code timeout} for notifications and drains them.
         *
         * @return the ids of the jobs notified (empty when the time ran out)
         * @throws JobQueueException when the connection broke: close this listener and {@link #listen()} again
         */
        public List<UUID> await(Duration timeout) {
            long millis = Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            try {
                PGNotification[] notifications = postgres.getNotifications((int) millis);
                List<UUID> jobs = new ArrayList<>();
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        if (CHANNEL.equals(notification.getName())) {
                            parse(notification.getParameter()).ifPresent(jobs::add);
                        }
                    }
                }
                return jobs;
            } catch (SQLException e) {
                throw new JobQueueException("listening for job state changes failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            // the connection goes back to a pool: listening on there, it would buffer every notification unread
            try (Statement unlisten = connection.createStatement()) {
                unlisten.execute("UNLISTEN *");
            } catch (SQLException e) {
                // a broken connection listens to nothing any more; the pool drops it
            }
            closeQuietly(connection);
        }

        private static Optional<UUID> parse(String payload) {
            try {
                return Optional.of(UUID.fromString(payload));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // closing a broken connection: nothing to do about it, the pool replaces it
        }
    }
}
