package dev.edgeforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.infra.job.JobHandler;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The all-in-one application runs every job type in its own JVM: platform-app's auto-configuration adds the training
 * worker's and the firmware builder's handlers to the server, which starts an embedded worker for them. (In the
 * server's package, so that it finds the server's application class like every other test here.)
 */
@IntegrationTest
class InProcessWorkersIT {

    @Autowired
    List<JobHandler> handlers;

    @Test
    void everyJobTypeHasAnInProcessHandler() {
        assertThat(handlers)
                .extracting(JobHandler::type)
                .containsExactlyInAnyOrder("features", "train", "test", "compress", "tune", "deploy", "tune-measure");
    }
}
