package dev.edgeforge.infra.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemObjectStoreTest extends ObjectStoreContract {

    @TempDir
    Path tempDir;

    @Override
    protected ObjectStore createStore() {
        return new FileSystemObjectStore(tempDir.resolve("objects"));
    }

    @Override
    protected int manyKeys() {
        // no pages here, and every put forces two fsyncs; listingIsLazyOverTenThousandFiles covers scale
        return 300;
    }

    private Path root() {
        return ((FileSystemObjectStore) store).root();
    }

    @Test
    void keyMapsToFileUnderRoot() throws IOException {
        store.put(base + "samples/abc", new byte[] {1, 2, 3});

        Path file = root().resolve(base + "samples/abc");
        assertThat(file).isRegularFile();
        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
    }

    @Test
    void createsMissingRootDirectory() {
        Path root = tempDir.resolve("not/yet/there");

        new FileSystemObjectStore(root).put("k", new byte[] {1});

        assertThat(root.resolve("k")).isRegularFile();
    }

    @Test
    void leftoverTemporaryFilesAreNeverListedOrRead() throws IOException {
        store.put(base + "samples/a", new byte[] {1});
        // what a crash in the middle of a put leaves behind
        Files.write(root().resolve(base + "samples/.b.1234.part"), new byte[] {9, 9});

        assertThat(keysUnder(base)).containsExactly(base + "samples/a");
    }

    @Test
    void failedWriteLeavesNoTemporaryFile() throws IOException {
        store.put(base + "samples/a", new byte[] {1});

        assertThatThrownBy(() -> store.put(base + "samples/b", new ByteArrayInputStream(new byte[3]), 4))
                .isInstanceOf(ObjectLengthViolation.class);

        try (Stream<Path> files = Files.list(root().resolve(base + "samples"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a");
        }
    }

    @Test
    void aKeyCannotAlsoBeTheDirectoryOfAnotherKey() {
        store.put(base + "a/b", new byte[] {1});
        store.put(base + "c/d/e", new byte[] {2});

        assertThatThrownBy(() -> store.put(base + "a/b/c", new byte[] {3}))
                .isInstanceOf(ObjectStoreException.class)
                .hasMessageContaining("already an object");
        assertThatThrownBy(() -> store.put(base + "c/d", new byte[] {3}))
                .isInstanceOf(ObjectStoreException.class)
                .hasMessageContaining("keys starting with");
        assertThat(keysUnder(base)).containsExactlyInAnyOrder(base + "a/b", base + "c/d/e");
    }

    @Test
    void deletePrunesDirectoriesLeftEmptyButKeepsTheRoot() {
        store.put(base + "x/y/z", new byte[] {1});
        store.put(base + "x/other", new byte[] {2});

        store.delete(base + "x/y/z");

        assertThat(root().resolve(base + "x/y")).doesNotExist();
        assertThat(root().resolve(base + "x/other")).isRegularFile();
        store.delete(base + "x/other");
        assertThat(root().resolve("projects")).doesNotExist();
        assertThat(root()).isDirectory();
        // and the old "directory" key can now be a key itself
        store.put(base + "x", new byte[] {3});
        assertThat(store.exists(base + "x")).isTrue();
    }

    @Test
    void listingIsLazyOverTenThousandFiles() throws IOException {
        // written directly (without fsync per file) to keep the test fast: this checks the listing, not put
        Path dir = Files.createDirectories(root().resolve(base + "samples"));
        int count = 10_000;
        for (int i = 0; i < count; i++) {
            Files.write(dir.resolve(String.format("%064x", i)), new byte[0]);
        }

        try (Stream<ObjectInfo> listed = store.list(base + "samples/")) {
            assertThat(listed.count()).isEqualTo(count);
        }
        try (Stream<ObjectInfo> listed = store.list(base)) {
            // short-circuits after 10 entries without walking everything
            assertThat(listed.limit(10).count()).isEqualTo(10);
        }
    }
}
