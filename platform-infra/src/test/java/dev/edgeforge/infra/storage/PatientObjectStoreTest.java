package dev.edgeforge.infra.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker's store waits out an unreachable store (issue #16: a 30 s object-store outage failed a deployment job after
 * three attempts in 18 s) and fails at once on anything the store answered.
 */
class PatientObjectStoreTest {

    @TempDir
    Path root;

    @Test
    void operationsGoOnOnceTheStoreAnswersAgain() throws Exception {
        UnreachableFor store = new UnreachableFor(new FileSystemObjectStore(root), 3);
        PatientObjectStore patient = new PatientObjectStore(store, Duration.ofSeconds(30));

        patient.put("a/b", new byte[] {1, 2, 3});
        assertThat(store.refused).hasValue(3);
        store.refuse(2);
        try (InputStream in = patient.get("a/b")) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
        store.refuse(1);
        assertThat(patient.exists("a/b")).isTrue();
    }

    @Test
    void anAnswerOfTheStoreFailsAtOnce() {
        UnreachableFor store = new UnreachableFor(new FileSystemObjectStore(root), 0);
        PatientObjectStore patient = new PatientObjectStore(store, Duration.ofSeconds(30));
        long start = System.nanoTime();
        assertThatThrownBy(() -> patient.get("missing/key")).isInstanceOf(ObjectNotFoundException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aStoreAwayLongerThanThePatienceFailsTheOperation() {
        UnreachableFor store = new UnreachableFor(new FileSystemObjectStore(root), 1000);
        PatientObjectStore patient = new PatientObjectStore(store, Duration.ofSeconds(2));
        assertThatThrownBy(() -> patient.exists("a/b"))
                .isInstanceOf(ObjectStoreException.class)
                .satisfies(e -> assertThat(PatientObjectStore.isUnreachable(e)).isTrue());
        assertThat(store.refused.get()).isBetween(2, 4);
    }

    @Test
    void aWaitIsCutShortByAnInterrupt() {
        UnreachableFor store = new UnreachableFor(new FileSystemObjectStore(root), 1000);
        PatientObjectStore patient = new PatientObjectStore(store, Duration.ofMinutes(5));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> patient.exists("a/b"))
                    .isInstanceOf(ObjectStoreException.class)
                    .hasMessageContaining("interrupted");
        } finally {
            Thread.interrupted();
        }
    }

    /** A real store behind a connection that is refused for the next {@code n} operations. */
    private static final class UnreachableFor implements ObjectStore {
        private final ObjectStore store;
        private final AtomicInteger remaining = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();

        UnreachableFor(ObjectStore store, int n) {
            this.store = store;
            refuse(n);
        }

        void refuse(int n) {
            remaining.set(n);
            refused.set(0);
        }

        private void maybeRefuse() {
            if (remaining.getAndDecrement() > 0) {
                refused.incrementAndGet();
                throw new ObjectStoreException(
                        "reading failed (S3 bucket 'b')", new ConnectException("Connection refused"));
            }
        }

        @Override
        public long put(String key, InputStream content, long length) {
            maybeRefuse();
            return store.put(key, content, length);
        }

        @Override
        public InputStream get(String key) {
            maybeRefuse();
            return store.get(key);
        }

        @Override
        public boolean exists(String key) {
            maybeRefuse();
            return store.exists(key);
        }

        @Override
        public ObjectInfo stat(String key) {
            maybeRefuse();
            return store.stat(key);
        }

        @Override
        public void delete(String key) {
            maybeRefuse();
            store.delete(key);
        }

        @Override
        public Stream<ObjectInfo> list(String prefix) {
            maybeRefuse();
            return store.list(prefix);
        }
    }
}
