package dev.edgeforge.api.job;

import dev.edgeforge.infra.job.JobQueue;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The PostgreSQL job queue every feature enqueues into. */
@Configuration(proxyBeanMethods = false)
class JobConfiguration {

    @Bean
    JobQueue jobQueue(DataSource dataSource, Clock clock) {
        return new JobQueue(dataSource, clock);
    }
}
