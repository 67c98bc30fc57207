package dev.edgeforge.api.tune;

import dev.edgeforge.api.job.JobSucceeded;
import dev.edgeforge.infra.job.JobQueue;
import dev.edgeforge.infra.job.NewJob;
import dev.edgeforge.jobs.JobJson;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.tune.TuneJobPayload;
import dev.edgeforge.jobs.tune.TuneJobResult;
import dev.edgeforge.jobs.tune.TuneMeasurePayload;
import dev.edgeforge.jobs.tune.TuneMeasurement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;

/**
 * Queues the {@code tune-measure} job of a tune job that succeeded with finalists, so that the firmware builder (in
 * this process or another) builds them and runs them in QEMU; and finds that job again for a tune job. The row of
 * {@code tune_measurement} and the job are written in one transaction, and the row's key is the tune job: an event
 * delivered twice queues one job.
 */
@Component
class TuneMeasurements {

    private static final Logger LOG = LoggerFactory.getLogger(TuneMeasurements.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final JobQueue queue;
    private final BoardCatalogue boards;
    private final TransactionTemplate transaction;

    TuneMeasurements(
            JdbcClient jdbc,
            DataSource dataSource,
            JobQueue queue,
            BoardCatalogue boards,
            TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.queue = queue;
        this.boards = boards;
        this.transaction = transaction;
    }

    @EventListener
    void on(JobSucceeded succeeded) {
        if (!TuneJobPayload.TYPE.equals(succeeded.type())
                || succeeded.result() == null
                || succeeded.projectId() == null) {
            return;
        }
        TuneJobResult result;
        try {
            result = JobJson.mapper().readValue(succeeded.result(), TuneJobResult.class);
        } catch (JacksonException e) {
            LOG.warn("tune job {}: its result cannot be read, nothing measured: {}", succeeded.jobId(), e.getMessage());
            return;
        }
        if (result.finalists().isEmpty()) {
            return;
        }
        Optional<Board> target = boards.find(result.target());
        Optional<Board> emulator = target.flatMap(b -> TuneMeasurement.emulatorFor(b, boards));
        if (emulator.isEmpty()) {
            return;
        }
        TuneMeasurePayload payload = new TuneMeasurePayload(
                succeeded.jobId(), result.target(), emulator.get().id(), result.finalists());
        try {
            transaction.executeWithoutResult(status -> queue(succeeded.jobId(), succeeded.projectId(), payload));
        } catch (DataIntegrityViolationException e) {
            // the project was deleted since: nothing to measure for
            LOG.info("tune job {}: not measured, its project is gone", succeeded.jobId());
        }
    }

    private void queue(UUID tuneJobId, UUID projectId, TuneMeasurePayload payload) {
        int inserted = jdbc.sql("INSERT INTO tune_measurement (tune_job_id, project_id) VALUES (:tune, :project) "
                        + "ON CONFLICT (tune_job_id) DO NOTHING")
                .param("tune", tuneJobId)
                .param("project", projectId)
                .update();
        if (inserted == 0) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        UUID measureJobId;
        try {
            measureJobId =
                    queue.enqueue(connection, NewJob.of(TuneMeasurePayload.TYPE, projectId, JobJson.write(payload)));
        } catch (SQLException e) {
            throw new IllegalStateException("enqueueing the tune-measure job failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        jdbc.sql("UPDATE tune_measurement SET measure_job_id = :job WHERE tune_job_id = :tune")
                .param("job", measureJobId)
                .param("tune", tuneJobId)
                .update();
    }

    /** The measurement job of a tune job, once queued. */
    Optional<UUID> measureJob(UUID tuneJobId) {
        return jdbc.sql("SELECT measure_job_id FROM tune_measurement WHERE tune_job_id = :tune")
                .param("tune", tuneJobId)
                .query(UUID.class)
                .optional();
    }
}
