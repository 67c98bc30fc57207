package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.core.sample.Sensor;
import dev.edgeforge.infra.storage.ObjectStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The protocol that keeps rows from pointing at missing objects, with the interleavings forced one by one: the
 * sweeper removing an old object between a writer's existence check and its row, and the sweeper meeting a row
 * that is being written.
 */
@IntegrationTest
class SampleStorageProtocolIT {

    @LocalServerPort
    int port;

    @Autowired
    SampleStorage storage;

    @Autowired
    OrphanSampleSweeper sweeper;

    @Autowired
    ObjectStore store;

    @Autowired
    PlatformTransactionManager transactions;

    TestProject project;

    @BeforeEach
    void setUp() {
        project = TestProject.create(port, "Protocol");
    }

    private SampleRow row(byte[] content) {
        String sha = SampleContent.sha256(content);
        Instant now = Instant.now();
        return new SampleRow(
                UUID.randomUUID(),
                project.id,
                "protocol",
                null,
                SampleCategory.TRAINING,
                StoredFormat.JSON,
                sha,
                SampleStorage.objectKey(project.id, sha),
                content.length,
                List.of(Sensor.of("x")),
                10,
                100,
                1,
                10,
                null,
                null,
                Map.of(),
                null,
                List.of(),
                "NOT_SIGNED",
                ContentOrigin.UPLOADED,
                true,
                now,
                now);
    }

    @Test
    void anObjectSweptAfterTheWritersCheckIsStoredAgainWithItsRow() {
        byte[] content = SampleFiles.eiJson(700, 10);
        SampleRow row = row(content);
        store.put(row.objectKey(), content); // an old, unreferenced copy

        storage.storeIfMissing(row.objectKey(), SampleStorage.Content.of(content)); // sees it: stores nothing
        assertThat(sweeper.sweep(Instant.now().plusSeconds(60)).deleted()).isPositive();
        assertThat(store.exists(row.objectKey())).isFalse(); // swept in between

        storage.insert(row, SampleStorage.Content.of(content), false);
        assertThat(store.exists(row.objectKey()))
                .as("stored again with the row")
                .isTrue();
        assertThat(project.http
                        .get(project.base + "/samples/" + row.id() + "/raw", project.auth())
                        .body())
                .isEqualTo(content);
    }

    @Test
    void theSweeperWaitsForARowBeingWrittenAndThenKeepsItsObject() throws Exception {
        byte[] content = SampleFiles.eiJson(701, 10);
        SampleRow row = row(content);
        store.put(row.objectKey(), content);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> writer =
                CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    storage.insert(row, SampleStorage.Content.of(content), false);
                    locked.countDown();
                    try {
                        commit.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<OrphanSampleSweeper.Sweep> sweep =
                CompletableFuture.supplyAsync(() -> sweeper.sweep(Instant.now().plusSeconds(60)));
        Thread.sleep(700);
        assertThat(sweep)
                .as("blocked on the object's lock while the row is uncommitted")
                .isNotDone();
        commit.countDown();
        writer.get(30, TimeUnit.SECONDS);
        sweep.get(30, TimeUnit.SECONDS);
        assertThat(store.exists(row.objectKey())).isTrue();
        assertThat(project.sample(row.id()).get("sha256").asString()).isEqualTo(row.sha256());
    }
}
