package dev.edgeforge.infra.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link ObjectStore} must have. Each implementation's test extends this class and supplies
 * a fresh, empty store per test.
 */
abstract class ObjectStoreContract {
    private static final int MIB = 1024 * 1024;

    protected ObjectStore store;
    /** Every test works under its own prefix, so stores may be shared between tests. */
    protected String base;

    /** A store to test; may be shared by all tests of the class (each test uses its own prefix). */
    protected abstract ObjectStore createStore() throws Exception;

    /** Called after each test with the store {@link #createStore()} returned; closes it unless overridden. */
    protected void releaseStore(ObjectStore used) {
        used.close();
    }

    @BeforeEach
    void openStore() throws Exception {
        store = createStore();
        base = "projects/" + UUID.randomUUID() + "/";
    }

    @AfterEach
    void closeStore() {
        releaseStore(store);
    }

    @Test
    void storesAndReadsBackSmallObject() throws IOException {
        String key = base + "samples/" + sha256Hex("hello".getBytes(StandardCharsets.UTF_8));

        long stored = store.put(key, "hello".getBytes(StandardCharsets.UTF_8));

        assertThat(stored).isEqualTo(5);
        assertThat(store.exists(key)).isTrue();
        assertThat(readAll(key)).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
        ObjectInfo info = store.stat(key);
        assertThat(info.key()).isEqualTo(key);
        assertThat(info.size()).isEqualTo(5);
    }

    @Test
    void storesEmptyObject() throws IOException {
        String key = base + "empty";

        store.put(key, new byte[0]);

        assertThat(store.stat(key).size()).isZero();
        assertThat(readAll(key)).isEmpty();
    }

    @Test
    void streamsLargeObjectOfKnownLength() throws IOException {
        assertLargeRoundTrip(20 * MIB + 123, false);
    }

    @Test
    void streamsLargeObjectOfUnknownLength() throws IOException {
        // spans several multipart parts in S3
        assertLargeRoundTrip(20 * MIB + 7, true);
    }

    @Test
    void streamsSmallObjectOfUnknownLength() throws IOException {
        String key = base + "small-unknown";
        byte[] bytes = "no length given".getBytes(StandardCharsets.UTF_8);

        long stored = store.put(key, new ByteArrayInputStream(bytes), ObjectStore.UNKNOWN_LENGTH);

        assertThat(stored).isEqualTo(bytes.length);
        assertThat(readAll(key)).isEqualTo(bytes);
    }

    private void assertLargeRoundTrip(long size, boolean unknownLength) throws IOException {
        String key = base + "models/large.bin";
        GeneratedStream generated = new GeneratedStream(size, 42);

        long stored = store.put(key, generated, unknownLength ? ObjectStore.UNKNOWN_LENGTH : size);

        assertThat(stored).isEqualTo(size);
        assertThat(store.stat(key).size()).isEqualTo(size);
        try (DigestInputStream in = new DigestInputStream(store.get(key), sha256())) {
            long read = in.transferTo(OutputStream.nullOutputStream());
            assertThat(read).isEqualTo(size);
            assertThat(in.getMessageDigest().digest()).isEqualTo(generated.digest());
        }
    }

    @Test
    void overwriteReplacesContentAndSize() throws IOException {
        String key = base + "features/v1/data";
        store.put(key, "first version, longer".getBytes(StandardCharsets.UTF_8));

        store.put(key, "second".getBytes(StandardCharsets.UTF_8));

        assertThat(readAll(key)).isEqualTo("second".getBytes(StandardCharsets.UTF_8));
        assertThat(store.stat(key).size()).isEqualTo(6);
        try (Stream<ObjectInfo> listed = store.list(base)) {
            assertThat(listed.map(ObjectInfo::key)).containsExactly(key);
        }
    }

    @Test
    void readersNeverSeeAPartialObjectWhileItIsOverwritten() throws Exception {
        String key = base + "atomic";
        int size = MIB;
        store.put(key, filled(size, (byte) 'a'));
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> reader = pool.submit(() -> {
                int reads = 0;
                while (writing.get() || reads == 0) {
                    byte[] seen = readAll(key);
                    assertThat(seen).hasSize(size);
                    byte first = seen[0];
                    for (byte b : seen) {
                        if (b != first) {
                            throw new AssertionError("read a mix of two versions");
                        }
                    }
                    reads++;
                }
                return reads;
            });
            for (int i = 0; i < 12; i++) {
                store.put(key, filled(size, (byte) (i % 2 == 0 ? 'b' : 'a')));
            }
            writing.set(false);
            assertThat(reader.get()).isPositive();
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
    }

    /** How many keys the listing test stores: enough to span several pages of the store's listing. */
    protected int manyKeys() {
        return 1_100; // more than S3's page of 1000 keys, so the listing has to fetch further pages
    }

    @Test
    void listsEveryKeyUnderPrefixAcrossManyPages() {
        int count = manyKeys();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String key = base + "samples/" + String.format("%064x", i);
            store.put(key, new byte[] {(byte) i});
            expected.add(key);
        }
        store.put(base + "models/m1/model.tflite", new byte[] {1, 2});
        store.put(base + "samplesX", new byte[] {3});

        try (Stream<ObjectInfo> listed = store.list(base + "samples/")) {
            List<ObjectInfo> infos = listed.collect(Collectors.toList());
            assertThat(infos).hasSize(count);
            assertThat(infos).extracting(ObjectInfo::key).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(infos).allSatisfy(info -> assertThat(info.size()).isEqualTo(1));
        }
        try (Stream<ObjectInfo> listed = store.list(base)) {
            assertThat(listed.count()).isEqualTo(count + 2);
        }
    }

    @Test
    void prefixIsAPlainStringPrefixNotADirectory() {
        store.put(base + "samples/a", new byte[] {1});
        store.put(base + "samples/b/deeper", new byte[] {2});
        store.put(base + "sap", new byte[] {3});
        store.put(base + "models/x", new byte[] {4});

        assertThat(keysUnder(base + "sa"))
                .containsExactlyInAnyOrder(base + "samples/a", base + "samples/b/deeper", base + "sap");
        assertThat(keysUnder(base + "samples/b")).containsExactly(base + "samples/b/deeper");
        assertThat(keysUnder(base + "samples/a")).containsExactly(base + "samples/a");
        assertThat(keysUnder(base + "nothing-here/")).isEmpty();
        assertThat(keysUnder("")).contains(base + "models/x", base + "sap");
    }

    @Test
    void missingKeyIsReportedAsNotFound() {
        String key = base + "samples/missing";

        assertThat(store.exists(key)).isFalse();
        assertThatThrownBy(() -> store.get(key))
                .isInstanceOf(ObjectNotFoundException.class)
                .hasMessageContaining(key);
        assertThatThrownBy(() -> store.stat(key))
                .isInstanceOf(ObjectNotFoundException.class)
                .satisfies(e -> assertThat(((ObjectNotFoundException) e).key()).isEqualTo(key));
    }

    @Test
    void aPrefixOfStoredKeysIsNotAnObject() {
        store.put(base + "dir/file", new byte[] {1});

        assertThat(store.exists(base + "dir")).isFalse();
        assertThatThrownBy(() -> store.get(base + "dir")).isInstanceOf(ObjectNotFoundException.class);
        assertThatThrownBy(() -> store.stat(base + "dir")).isInstanceOf(ObjectNotFoundException.class);
    }

    @Test
    void deleteRemovesObjectAndIsIdempotent() {
        String key = base + "deployments/d1/firmware.bin";
        store.put(key, new byte[] {1, 2, 3});

        store.delete(key);
        store.delete(key);

        assertThat(store.exists(key)).isFalse();
        assertThatThrownBy(() -> store.get(key)).isInstanceOf(ObjectNotFoundException.class);
        assertThat(keysUnder(base)).isEmpty();
        // the key can be used again afterwards
        store.put(key, new byte[] {4});
        assertThat(store.stat(key).size()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "../etc/passwd",
                "a/../../b",
                "/absolute/key",
                "a\\b",
                "a//b",
                "a/",
                "a/./b",
                ".hidden",
                "a/.part",
                "with space",
                "tab\tkey",
                "nul\u0000key",
                "ümlaut",
                "a:b"
            })
    void rejectsBadKeysEverywhere(String key) {
        assertThatThrownBy(() -> store.put(key, new byte[] {1}))
                .isInstanceOf(ObjectKeyViolation.class)
                .hasMessageContaining("invalid object key");
        assertThatThrownBy(() -> store.get(key)).isInstanceOf(ObjectKeyViolation.class);
        assertThatThrownBy(() -> store.exists(key)).isInstanceOf(ObjectKeyViolation.class);
        assertThatThrownBy(() -> store.stat(key)).isInstanceOf(ObjectKeyViolation.class);
        assertThatThrownBy(() -> store.delete(key)).isInstanceOf(ObjectKeyViolation.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../", "/abs", "a\\", "a//", "./x", "a/../"})
    void rejectsBadPrefixes(String prefix) {
        assertThatThrownBy(() -> store.list(prefix)).isInstanceOf(ObjectKeyViolation.class);
    }

    @Test
    void streamShorterThanDeclaredStoresNothingAndKeepsPreviousObject() throws IOException {
        String key = base + "short";
        store.put(key, "previous".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> store.put(key, new ByteArrayInputStream(new byte[99]), 100))
                .isInstanceOf(ObjectLengthViolation.class)
                .hasMessageContaining("declared length 100");

        assertThat(readAll(key)).isEqualTo("previous".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void streamLongerThanDeclaredStoresNothing() {
        String key = base + "long";

        assertThatThrownBy(() -> store.put(key, new ByteArrayInputStream(new byte[101]), 100))
                .isInstanceOf(ObjectLengthViolation.class)
                .hasMessageContaining("holds more");

        assertThat(store.exists(key)).isFalse();
        assertThat(keysUnder(base)).isEmpty();
    }

    @Test
    void failingStreamOfUnknownLengthStoresNothingAndKeepsPreviousObject() throws IOException {
        String key = base + "failing";
        store.put(key, "previous".getBytes(StandardCharsets.UTF_8));
        // fails after more than one S3 part has been uploaded
        InputStream failing = new FailingAfter(new GeneratedStream(30L * MIB, 7), 18L * MIB);

        assertThatThrownBy(() -> store.put(key, failing, ObjectStore.UNKNOWN_LENGTH))
                .isInstanceOf(ObjectStoreException.class)
                .hasMessageContaining(key);

        assertThat(readAll(key)).isEqualTo("previous".getBytes(StandardCharsets.UTF_8));
        assertThat(keysUnder(base)).containsExactly(key);
    }

    @Test
    void rejectsNegativeLength() {
        assertThatThrownBy(() -> store.put(base + "x", new ByteArrayInputStream(new byte[1]), -2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    protected List<String> keysUnder(String prefix) {
        try (Stream<ObjectInfo> listed = store.list(prefix)) {
            return listed.map(ObjectInfo::key).collect(Collectors.toCollection(ArrayList::new));
        }
    }

    protected byte[] readAll(String key) throws IOException {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        }
    }

    private static byte[] filled(int size, byte value) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, value);
        return bytes;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** Deterministic pseudo-random bytes produced on the fly; remembers their SHA-256. */
    static final class GeneratedStream extends InputStream {
        private final SplittableRandom random;
        private final MessageDigest digest = sha256();
        private long remaining;

        GeneratedStream(long size, long seed) {
            this.remaining = size;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) random.nextInt(256);
            }
            digest.update(b, off, n);
            remaining -= n;
            return n;
        }

        byte[] digest() {
            return digest.digest();
        }
    }

    /** Throws an IOException once more than {@code limit} bytes have been read. */
    static final class FailingAfter extends FilterInputStream {
        private final long limit;
        private long count;

        FailingAfter(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (count >= limit) {
                throw new IOException("simulated network failure after " + count + " bytes");
            }
            int n = super.read(b, off, (int) Math.min(len, limit - count + 1));
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
