package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.core.sample.Sensor;
import dev.edgeforge.infra.storage.ObjectStore;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Group commit of ingested samples ({@link SampleCommits}): an upload is answered only once its row is committed and
 * its object stored; what fails in a group answers exactly that group's members (or, when one row is at fault, that
 * row alone); a duplicate refused within a group is refused alone.
 */
@IntegrationTest
class SampleCommitsIT {

    @LocalServerPort
    int port;

    @Autowired
    SampleCommits commits;

    @Autowired
    SampleStorage storage;

    @Autowired
    ObjectStore store;

    @Autowired
    JdbcClient jdbc;

    TestProject project;

    @BeforeEach
    void setUp() {
        project = TestProject.create(port, "Group commit");
    }

    @Test
    void concurrentUploadsAreAnsweredOnlyOnceTheirRowIsCommittedAndTheirObjectStored() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> clients = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    List<String> missing = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        byte[] content = SampleFiles.eiJson(10_000L * client + i, 10);
                        SampleRow row = row(project.id, content);
                        storage.storeIfMissing(row.objectKey(), SampleStorage.Content.of(content));
                        SampleRow answered = commits.insert(row, SampleStorage.Content.of(content), false);
                        // read on another connection, outside any transaction: only committed rows are seen
                        if (!committed(answered.id()) || !store.exists(answered.objectKey())) {
                            missing.add(answered.id().toString());
                        }
                    }
                    return missing;
                }));
            }
            for (Future<List<String>> client : clients) {
                assertThat(client.get(120, TimeUnit.SECONDS))
                        .as("samples answered before their row was committed or object stored")
                        .isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(rowsOf(project.id)).isEqualTo(200);
    }

    @Test
    void aGroupThatFailsAnswersItsMembersWithTheFailureAndLeavesNothingOfThem(@TempDir Path dir) throws Exception {
        byte[] first = SampleFiles.eiJson(501, 10);
        byte[] second = SampleFiles.eiJson(502, 10);
        byte[] third = SampleFiles.eiJson(503, 10);
        SampleCommits.Member a = stored(first);
        SampleCommits.Member c = stored(third);
        // the second's object was never stored and its spooled bytes are gone: storing it in the group fails
        Path vanished = Files.write(dir.resolve("spool"), second);
        SampleStorage.Content content = SampleStorage.Content.of(vanished, second.length);
        Files.delete(vanished);
        SampleCommits.Member b = new SampleCommits.Member(row(project.id, second), content, false);
        SampleCommits.Member later = stored(SampleFiles.eiJson(504, 10));

        commits.commit(List.of(a, b, c));
        commits.commit(List.of(later));

        for (SampleCommits.Member member : List.of(a, b, c)) {
            assertThat(failure(member.done())).isInstanceOf(UncheckedIOException.class);
            assertThat(committed(member.row().id())).isFalse();
        }
        assertThat(later.done().get(10, TimeUnit.SECONDS).id())
                .isEqualTo(later.row().id());
        assertThat(committed(later.row().id()))
                .as("the next group is not affected")
                .isTrue();
    }

    @Test
    void aRowAtFaultIsRefusedAloneAndTheRestOfItsGroupIsCommitted() throws Exception {
        SampleCommits.Member a = stored(SampleFiles.eiJson(601, 10));
        // a project that does not exist: the row breaks the table's foreign key
        byte[] orphan = SampleFiles.eiJson(602, 10);
        SampleRow orphanRow = row(UUID.randomUUID(), orphan);
        store.put(orphanRow.objectKey(), orphan);
        SampleCommits.Member b = new SampleCommits.Member(orphanRow, SampleStorage.Content.of(orphan), false);
        SampleCommits.Member c = stored(SampleFiles.eiJson(603, 10));

        commits.commit(List.of(a, b, c));

        assertThat(failure(b.done())).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(committed(b.row().id())).isFalse();
        assertThat(committed(a.done().get().id())).isTrue();
        assertThat(committed(c.done().get().id())).isTrue();
    }

    @Test
    void aDuplicateRefusedWithinAGroupIsRefusedAloneNamingTheSampleItDuplicates() throws Exception {
        byte[] content = SampleFiles.eiJson(701, 10);
        SampleCommits.Member first = stored(content);
        SampleCommits.Member again =
                new SampleCommits.Member(row(project.id, content), SampleStorage.Content.of(content), true);
        SampleCommits.Member other = stored(SampleFiles.eiJson(702, 10));

        commits.commit(List.of(first, again, other));

        assertThat(committed(first.done().get().id())).isTrue();
        assertThat(committed(other.done().get().id())).isTrue();
        assertThat(failure(again.done()))
                .isInstanceOf(DuplicateSampleViolation.class)
                .hasMessageContaining(first.row().id().toString());
        assertThat(committed(again.row().id())).isFalse();
        // and a later upload of the same content, alone, is refused by the table
        assertThatThrownBy(() -> commits.insert(row(project.id, content), SampleStorage.Content.of(content), true))
                .isInstanceOf(DuplicateSampleViolation.class);
    }

    private SampleCommits.Member stored(byte[] content) {
        SampleRow row = row(project.id, content);
        storage.storeIfMissing(row.objectKey(), SampleStorage.Content.of(content));
        return new SampleCommits.Member(row, SampleStorage.Content.of(content), false);
    }

    private static Throwable failure(CompletableFuture<SampleRow> done) throws Exception {
        assertThat(done).isCompletedExceptionally();
        try {
            done.get(10, TimeUnit.SECONDS);
            throw new AssertionError("completed normally");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private boolean committed(UUID id) {
        return jdbc.sql("SELECT count(*) FROM sample WHERE id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                == 1;
    }

    private long rowsOf(UUID projectId) {
        return jdbc.sql("SELECT count(*) FROM sample WHERE project_id = :id")
                .param("id", projectId)
                .query(Long.class)
                .single();
    }

    static SampleRow row(UUID projectId, byte[] content) {
        String sha = SampleContent.sha256(content);
        Instant now = Instant.now();
        return new SampleRow(
                UUID.randomUUID(),
                projectId,
                "grouped",
                "idle",
                SampleCategory.TRAINING,
                StoredFormat.JSON,
                sha,
                SampleStorage.objectKey(projectId, sha),
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
}
