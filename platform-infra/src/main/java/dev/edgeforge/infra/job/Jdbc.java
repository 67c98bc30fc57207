package dev.edgeforge.infra.job;

import java.net.SocketException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

/** The little JDBC plumbing the queue needs: one short unit of work per connection, rows to records. */
final class Jdbc {
    /** PostgreSQL's SQLSTATE for malformed input text, e.g. invalid JSON cast to jsonb. */
    static final String INVALID_TEXT_REPRESENTATION = "22P02";

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code work} on a connection of its own and commits it. Committing explicitly keeps the queue correct
     * even when the pool hands out connections with auto-commit off.
     */
    <T> T inConnection(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                T result = work.run(connection);
                if (!autoCommit) {
                    connection.commit();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                if (!autoCommit) {
                    connection.rollback();
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new JobQueueException("job queue database access failed: " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code failure} says the database could not be reached or went away (connection refused or reset,
     * server shutting down or starting, pool timeout), as opposed to a statement the database refused: the former is
     * worth retrying, the latter is not.
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof SocketException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P01-03: admin/crash shutdown, cannot connect now; 53300: too many
                return state.startsWith("08") || state.startsWith("57P0") || state.equals("53300");
            }
        }
        return false;
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Job job(ResultSet rs) throws SQLException {
        return new Job(
                rs.getObject("id", UUID.class),
                rs.getObject("project_id", UUID.class),
                rs.getString("type"),
                JobState.fromDbValue(rs.getString("state")),
                rs.getString("payload"),
                rs.getString("result"),
                rs.getDouble("progress"),
                rs.getInt("attempts"),
                rs.getInt("max_attempts"),
                getInstant(rs, "run_at"),
                rs.getString("lease_owner"),
                getInstant(rs, "lease_expires_at"),
                rs.getBoolean("cancel_requested"),
                rs.getString("error"),
                rs.getLong("version"),
                rs.getLong("published_version"),
                getInstant(rs, "created_at"),
                getInstant(rs, "started_at"),
                getInstant(rs, "finished_at"),
                getInstant(rs, "updated_at"));
    }
}
