package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.infra.storage.ObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #10 as the attacker found it, with the default limits: a 3 MB ZIP of twelve 96 MB CSV entries (each under
 * the per-file limit). It used to be read whole into memory until the server stopped answering; now it is refused
 * with 413 after a few megabytes, several at once, while health checks and the sample list keep answering promptly,
 * and nothing of it is left behind.
 */
@IntegrationTest
class ZipBombIT {

    private static final int UPLOADS = 12;
    private static final int AT_ONCE = 3;

    @LocalServerPort
    int port;

    @Autowired
    UploadSpooler spooler;

    @Autowired
    ObjectStore objects;

    @Test
    void theArchiveOfIssue10IsRefusedWhileTheServerKeepsAnswering() throws Exception {
        TestProject project = TestProject.create(port, "Bombed");
        byte[] bomb = ZipFiles.csvBomb(12, 96L * 1024 * 1024);
        assertThat(bomb.length).as("compressed size").isLessThan(4 * 1024 * 1024);

        ExecutorService attackers = Executors.newFixedThreadPool(AT_ONCE);
        AtomicInteger inFlight = new AtomicInteger();
        List<Future<ApiClient.Response>> attacks = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            attacks.add(attackers.submit(() -> {
                inFlight.incrementAndGet();
                try {
                    return project.http.multipart(
                            project.base + "/samples", project.auth(), SampleHttp.Part.file("walk.zip", bomb));
                } finally {
                    inFlight.decrementAndGet();
                }
            }));
        }
        // probe while the bombs are being sent and refused
        long slowest = 0;
        int probesDuringAttack = 0;
        while (attacks.stream().anyMatch(f -> !f.isDone())) {
            boolean attacked = inFlight.get() > 0;
            long started = System.nanoTime();
            assertThat(project.client.get("/livez", ApiClient.Auth.none()).status())
                    .isEqualTo(200);
            assertThat(project.client
                            .get(project.base + "/samples?limit=10", project.auth())
                            .status())
                    .isEqualTo(200);
            slowest = Math.max(slowest, System.nanoTime() - started);
            if (attacked && inFlight.get() > 0) {
                probesDuringAttack++;
            }
            Thread.sleep(10);
        }
        attackers.shutdown();
        assertThat(attackers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        System.out.printf(
                "ZipBombIT: %d probes during the attack, slowest %.0f ms%n", probesDuringAttack, slowest / 1e6);
        assertThat(probesDuringAttack)
                .as("probes answered while a bomb was in flight")
                .isPositive();
        assertThat(slowest / 1e9).as("slowest health + list probe, seconds").isLessThan(2.0);
        for (Future<ApiClient.Response> attack : attacks) {
            ApiClient.Response response = attack.get();
            assertThat(response.status()).as(response.body()).isEqualTo(413);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.text("code")).isEqualTo("compression-bomb");
            assertThat(response.text("detail"))
                    .contains("'walk.zip' looks like a compression bomb")
                    .contains("'walk.0.csv'")
                    .contains("more than the limit of 100 times");
        }
        assertThat(project.listAll("")).isEmpty();
        try (Stream<?> stored = objects.list("projects/" + project.id + "/")) {
            assertThat(stored.count()).isZero();
        }
        assertNoSpooledFiles(spooler.directory());
    }

    /** Spools are deleted before the answer; the container drops its multipart files right after it. */
    static void assertNoSpooledFiles(Path directory) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<Path> left;
        do {
            try (Stream<Path> files = Files.list(directory)) {
                left = files.filter(Files::isRegularFile).toList();
            }
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        assertThat(left).as("files left in " + directory).isEmpty();
    }
}
