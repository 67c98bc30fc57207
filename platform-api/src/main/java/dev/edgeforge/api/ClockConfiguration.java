package dev.edgeforge.api;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock every time-dependent service gets injected, so tests can control time. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** UTC, ticking in microseconds: PostgreSQL keeps microseconds, so values read back equal values written. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
