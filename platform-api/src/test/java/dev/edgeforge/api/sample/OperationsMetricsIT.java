package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.ops.MetricNames;
import dev.edgeforge.api.support.ApiClient.Auth;
import dev.edgeforge.api.support.IntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Prometheus metrics operators scale and alert on: samples ingested count committed rows, queue depth per job
 * type is the table's, and every metric the Grafana dashboard and the worker autoscalers query exists in the scrape.
 */
@IntegrationTest
class OperationsMetricsIT {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    PrometheusMeterRegistry prometheus;

    @Autowired
    JdbcClient jdbc;

    @Test
    void ingestedSamplesAreCountedAndEveryMetricTheDashboardQueriesIsScraped() throws Exception {
        TestProject project = TestProject.create(port, "Metrics");
        String key = project.apiKey("ingest");
        double before = ingested();
        for (int i = 0; i < 3; i++) {
            assertThat(project.http
                            .send(
                                    "POST",
                                    "/api/testing/data",
                                    SampleFiles.eiJson(900 + i, 10),
                                    Auth.apiKey(key),
                                    List.of("Content-Type", "application/json"))
                            .status())
                    .isEqualTo(200);
        }
        assertThat(ingested() - before).isEqualTo(3.0);

        long queued = jdbc.sql("SELECT count(*) FROM jobs WHERE state = 'queued' AND type = 'features'")
                .query(Long.class)
                .single();
        Thread.sleep(10_500); // past the metrics' refresh interval: the figure is read from the table again
        assertThat(meters.get("edgeforge.jobs.queued")
                        .tag("type", "features")
                        .gauge()
                        .value())
                .isEqualTo((double) queued);

        String scrape = prometheus.scrape();
        for (String name : MetricNames.inDashboard()) {
            assertThat(scrape).as("the dashboard queries " + name).contains(name);
        }
        assertThat(scrape).contains(MetricNames.QUEUE_DEPTH + "{type=\"deploy\"}");
    }

    private double ingested() {
        Counter counter = meters.find("edgeforge.samples.ingested")
                .tag("category", "testing")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
