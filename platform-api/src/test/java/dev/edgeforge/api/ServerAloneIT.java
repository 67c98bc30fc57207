package dev.edgeforge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ApiClient.Auth;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.infra.job.JobHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The server runs alone, as the distributed deployment's server image does: no worker class and no DJL on its
 * classpath, no job handler in it (standalone workers take the jobs), and it still starts and serves.
 */
@IntegrationTest
class ServerAloneIT {

    @LocalServerPort
    int port;

    @Autowired
    ObjectProvider<JobHandler> handlers;

    @Test
    void startsAndServesWithoutWorkerClasses() {
        ClassLoader loader = getClass().getClassLoader();
        for (String workerClass : new String[] {
            "dev.edgeforge.training.TrainingWorkerHandlers",
            "dev.edgeforge.firmware.job.DeployJobHandler",
            "ai.djl.Model"
        }) {
            assertThatThrownBy(() -> Class.forName(workerClass, false, loader))
                    .as(workerClass)
                    .isInstanceOf(ClassNotFoundException.class);
        }
        assertThat(handlers.stream()).isEmpty();
        ApiClient.Response readiness = ApiClient.stateless(port).get("/readyz", Auth.none());
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.text("status")).isEqualTo("UP");
    }
}
