package dev.edgeforge.api.job;

import dev.edgeforge.infra.job.JobHandler;
import dev.edgeforge.infra.job.JobWorker;
import dev.edgeforge.infra.job.JobWorkerSettings;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The embedded default runs the workers in the server's JVM: one {@link JobWorker} for every {@link JobHandler}
 * bean, which the all-in-one application (platform-app) registers. The handlers are the same classes the standalone
 * training-worker and firmware-builder processes run, so turning this off ({@code EDGEFORGE_WORKERS_EMBEDDED=false})
 * and starting those processes changes nothing else.
 *
 * <p>It starts after the web server is up (late phase) and stops first, letting running jobs hand their attempt back.
 */
@Component
@ConditionalOnProperty(name = "edgeforge.workers.embedded", havingValue = "true", matchIfMissing = true)
class EmbeddedWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedWorkers.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final List<JobHandler> handlers;
    private final int concurrency;
    private JobWorker worker;

    EmbeddedWorkers(DataSource dataSource, Clock clock, ObjectProvider<JobHandler> handlers, Environment environment) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.handlers = handlers.orderedStream().toList();
        this.concurrency = environment.getProperty("edgeforge.workers.concurrency", Integer.class, 2);
    }

    @Override
    public synchronized void start() {
        if (handlers.isEmpty()) {
            // the server alone (platform-api): standalone training-worker and firmware-builder processes take the jobs
            log.info("No job handlers on the classpath: no embedded worker started; jobs wait for standalone workers");
            return;
        }
        worker = new JobWorker(
                dataSource,
                clock,
                JobWorkerSettings.builder().setConcurrency(concurrency).build(),
                handlers);
        worker.start();
        log.info("Embedded worker {} runs job types {}", worker.workerId(), worker.types());
    }

    @Override
    public synchronized void stop() {
        if (worker != null) {
            worker.close();
            worker = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return worker != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
