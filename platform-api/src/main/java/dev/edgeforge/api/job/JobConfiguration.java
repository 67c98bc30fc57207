package dev.edgeforge.api.job;

import dev.edgeforge.infra.job.JobQueue;
import dev.edgeforge.infra.job.JobQueueStatistics;
import dev.edgeforge.infra.job.JobStateChanges;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The PostgreSQL job queue every feature enqueues into, and the events that tell the features how their jobs went. */
@Configuration(proxyBeanMethods = false)
class JobConfiguration {

    @Bean
    JobQueue jobQueue(DataSource dataSource, Clock clock) {
        return new JobQueue(dataSource, clock);
    }

    @Bean
    JobQueueStatistics jobQueueStatistics(DataSource dataSource) {
        return new JobQueueStatistics(dataSource);
    }

    @Bean
    JobStateChanges jobStateChanges(DataSource dataSource) {
        return new JobStateChanges(dataSource);
    }

    /**
     * @param safetyPoll how often changes whose notification never came are looked for
     *                   ({@code EDGEFORGE_JOBS_SAFETY_POLL}, default 10 s)
     */
    @Bean
    JobEventPublisher jobEventPublisher(
            JobStateChanges changes,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${edgeforge.jobs.safety-poll:10s}") Duration safetyPoll) {
        return new JobEventPublisher(changes, events, clock, safetyPoll);
    }
}
