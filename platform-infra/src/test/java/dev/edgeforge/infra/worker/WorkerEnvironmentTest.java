package dev.edgeforge.infra.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.infra.storage.ObjectStoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerEnvironmentTest {

    @Test
    void readsTheServersVariables() {
        WorkerEnvironment env = WorkerEnvironment.from(Map.of(
                "SPRING_DATASOURCE_URL",
                "jdbc:postgresql://db:5432/edgeforge",
                "SPRING_DATASOURCE_USERNAME",
                "ef",
                "SPRING_DATASOURCE_PASSWORD",
                "secret",
                "EDGEFORGE_STORAGE_KIND",
                "s3",
                "EDGEFORGE_STORAGE_S3_ENDPOINT",
                "http://minio:9000",
                "EDGEFORGE_STORAGE_S3_ACCESS_KEY",
                "key",
                "EDGEFORGE_STORAGE_S3_SECRET_KEY",
                "s3secret",
                "EDGEFORGE_WORKERS_CONCURRENCY",
                "3"));

        assertThat(env.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/edgeforge");
        assertThat(env.storage().type()).isEqualTo(ObjectStoreSettings.Type.S3);
        assertThat(env.storage().bucket()).isEqualTo("edgeforge");
        assertThat(env.concurrency()).isEqualTo(3);
        assertThat(env.toString()).doesNotContain("secret");
    }

    @Test
    void defaultsToTheFilesystemStoreUnderTheDataDirectory() {
        WorkerEnvironment env = WorkerEnvironment.from(
                Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://x/y", "EDGEFORGE_DATA_DIR", "/srv/edgeforge"));

        assertThat(env.storage().type()).isEqualTo(ObjectStoreSettings.Type.FILESYSTEM);
        assertThat(env.storage().root()).isEqualTo(Path.of("/srv/edgeforge/objects"));
        assertThat(env.concurrency()).isEqualTo(1);
        assertThat(env.leaseDuration()).isEqualTo(WorkerEnvironment.DEFAULT_LEASE);
    }

    @Test
    void aShortLeaseLetsAnotherWorkerTakeOverSooner() {
        WorkerEnvironment env = WorkerEnvironment.from(
                Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://x/y", "EDGEFORGE_WORKERS_LEASE_SECONDS", " 4 "));

        assertThat(env.leaseDuration()).isEqualTo(Duration.ofSeconds(4));
        assertThat(env.toString()).contains("leaseDuration=PT4S");
    }

    @Test
    void refusesALeaseThatIsNotAFewSeconds() {
        assertThatThrownBy(() -> WorkerEnvironment.from(Map.of(
                        "SPRING_DATASOURCE_URL", "jdbc:postgresql://x/y", "EDGEFORGE_WORKERS_LEASE_SECONDS", "soon")))
                .hasMessageContaining("EDGEFORGE_WORKERS_LEASE_SECONDS")
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> WorkerEnvironment.from(Map.of(
                        "SPRING_DATASOURCE_URL", "jdbc:postgresql://x/y", "EDGEFORGE_WORKERS_LEASE_SECONDS", "1")))
                .hasMessageContaining("at least 3");
    }

    @Test
    void namesWhatIsMissing() {
        assertThatThrownBy(() -> WorkerEnvironment.from(Map.of())).hasMessageContaining("SPRING_DATASOURCE_URL");
        assertThatThrownBy(() -> WorkerEnvironment.from(
                        Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://x/y", "EDGEFORGE_STORAGE_KIND", "s3")))
                .hasMessageContaining("EDGEFORGE_STORAGE_S3_ENDPOINT");
        assertThatThrownBy(() -> WorkerEnvironment.from(Map.of(
                        "SPRING_DATASOURCE_URL", "jdbc:postgresql://x/y", "EDGEFORGE_WORKERS_CONCURRENCY", "many")))
                .hasMessageContaining("whole number");
    }
}
