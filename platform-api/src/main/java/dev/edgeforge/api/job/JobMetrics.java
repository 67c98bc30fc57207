package dev.edgeforge.api.job;

import dev.edgeforge.infra.job.JobQueueStatistics;
import dev.edgeforge.infra.job.JobQueueStatistics.Figures;
import dev.edgeforge.jobs.compress.CompressJobPayload;
import dev.edgeforge.jobs.deploy.DeployJobPayload;
import dev.edgeforge.jobs.feature.FeatureJobPayload;
import dev.edgeforge.jobs.training.TestJobPayload;
import dev.edgeforge.jobs.training.TrainJobPayload;
import dev.edgeforge.jobs.tune.TuneJobPayload;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Prometheus metrics of the job queue, read from the {@code jobs} table, so every server reports the same figures for
 * the whole cluster (workers in their own processes included) and nothing is lost with a restart:
 * <ul>
 *   <li>{@code edgeforge_jobs_queued{type}}: jobs waiting for a worker (what an autoscaler of workers follows);</li>
 *   <li>{@code edgeforge_jobs_oldest_queued_age_seconds{type}}: how long the oldest of them has waited (0 when none);
 *   </li>
 *   <li>{@code edgeforge_jobs_running{type}};</li>
 *   <li>{@code edgeforge_jobs_ended_total{type,outcome}} (succeeded, failed, cancelled): jobs ever ended, so
 *       {@code increase()} over a window counts the jobs that ended in it; deploy jobs are the firmware builds;</li>
 *   <li>{@code edgeforge_jobs_run_seconds_total{type,outcome}}: their run time summed (start of the last attempt to
 *       the end), so {@code increase(run_seconds) / increase(ended)} is the mean run time in a window.</li>
 * </ul>
 * The table is read at most every {@link #REFRESH} (a scrape reads every series at once); job types never seen yet
 * get their series when they first appear.
 */
@Component
class JobMetrics {

    static final Duration REFRESH = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(JobMetrics.class);
    private static final List<String> KNOWN_TYPES = List.of(
            FeatureJobPayload.TYPE,
            TrainJobPayload.TYPE,
            TestJobPayload.TYPE,
            CompressJobPayload.TYPE,
            DeployJobPayload.TYPE,
            TuneJobPayload.TYPE);
    private static final List<String> OUTCOMES = List.of("succeeded", "failed", "cancelled");

    private final JobQueueStatistics statistics;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Set<String> registeredTypes = ConcurrentHashMap.newKeySet();
    private volatile Figures snapshot = Figures.NONE;
    private volatile Instant readAt = Instant.EPOCH;

    JobMetrics(JobQueueStatistics statistics, MeterRegistry registry, Clock clock) {
        this.statistics = statistics;
        this.registry = registry;
        this.clock = clock;
        KNOWN_TYPES.forEach(this::register);
    }

    private void register(String type) {
        if (!registeredTypes.add(type)) {
            return;
        }
        Gauge.builder("edgeforge.jobs.queued", this, m -> m.current().queued().getOrDefault(type, 0L))
                .description("Jobs waiting for a worker")
                .tag("type", type)
                .register(registry);
        Gauge.builder(
                        "edgeforge.jobs.oldest.queued.age",
                        this,
                        m -> m.current().oldestAge().getOrDefault(type, 0.0))
                .description("How long the oldest queued job has waited")
                .baseUnit("seconds")
                .tag("type", type)
                .register(registry);
        Gauge.builder("edgeforge.jobs.running", this, m -> m.current().running().getOrDefault(type, 0L))
                .description("Jobs a worker runs now")
                .tag("type", type)
                .register(registry);
        for (String outcome : OUTCOMES) {
            String key = type + "/" + outcome;
            FunctionCounter.builder(
                            "edgeforge.jobs.ended",
                            this,
                            m -> m.current().ended().getOrDefault(key, 0L))
                    .description("Jobs ended, by outcome")
                    .tags("type", type, "outcome", outcome)
                    .register(registry);
            FunctionCounter.builder(
                            "edgeforge.jobs.run.seconds",
                            this,
                            m -> m.current().runSeconds().getOrDefault(key, 0.0))
                    .description("Run time of the ended jobs, summed (start of their last attempt to their end)")
                    .tags("type", type, "outcome", outcome)
                    .register(registry);
        }
    }

    private Figures current() {
        Instant now = clock.instant();
        if (readAt.plus(REFRESH).isAfter(now)) {
            return snapshot;
        }
        synchronized (this) {
            if (readAt.plus(REFRESH).isAfter(now)) {
                return snapshot;
            }
            try {
                snapshot = read();
            } catch (RuntimeException e) {
                // a scrape during a database outage keeps the last figures; readiness says the database is away
                log.debug("Job metrics not refreshed: {}", e.toString());
            }
            readAt = now;
            return snapshot;
        }
    }

    private Figures read() {
        Figures figures = statistics.read();
        figures.queued().keySet().forEach(this::register);
        figures.running().keySet().forEach(this::register);
        figures.ended().keySet().forEach(k -> register(k.substring(0, k.indexOf('/'))));
        return figures;
    }
}
