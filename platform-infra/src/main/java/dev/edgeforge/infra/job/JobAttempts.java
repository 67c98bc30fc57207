package dev.edgeforge.infra.job;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The SQL that keeps the attempt history ({@code job_attempts}) in step with the queue: every statement that ends a
 * run also ends its open attempt row, in the same statement, so the history never disagrees with the job.
 */
final class JobAttempts {
    /** The machine this process runs on, as the attempt history names it. */
    static final String HOST = hostName();

    private JobAttempts() {}

    /**
     * Wraps an {@code UPDATE jobs … RETURNING id, state, error, progress, updated_at} that ends a run: the run's open
     * attempt row gets its end, the outcome and the reason (SQL expressions over {@code changed}, constants of this
     * package); the change is notified as {@link JobStateChanges#notifying} does.
     */
    static String ending(String updateReturning, String outcome, String reason) {
        return "WITH changed AS (\n" + updateReturning + "),\n"
                + "ended AS (\n"
                + "    UPDATE job_attempts AS a SET ended_at = changed.updated_at, outcome = " + outcome + ",\n"
                + "        reason = " + reason + ", progress = changed.progress\n"
                + "    FROM changed WHERE a.job_id = changed.id AND a.ended_at IS NULL)\n"
                + "SELECT changed.*, pg_notify('" + JobStateChanges.CHANNEL + "', CAST(changed.id AS text)) AS notified"
                + " FROM changed";
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
