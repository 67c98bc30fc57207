package dev.edgeforge.infra.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectStoreSettingsTest {

    @Test
    void parsesTypeNames() {
        assertThat(ObjectStoreSettings.Type.parse("filesystem")).isEqualTo(ObjectStoreSettings.Type.FILESYSTEM);
        assertThat(ObjectStoreSettings.Type.parse(" S3 ")).isEqualTo(ObjectStoreSettings.Type.S3);
        assertThatThrownBy(() -> ObjectStoreSettings.Type.parse("ftp"))
                .hasMessageContaining("unknown object store type 'ftp'");
    }

    @Test
    void s3NeedsEndpointCredentialsAndABucketOfAtLeastThreeCharacters() {
        assertThatThrownBy(() -> ObjectStoreSettings.s3(null, "a", "s", "bucket", null))
                .hasMessageContaining("endpoint");
        assertThatThrownBy(() -> ObjectStoreSettings.s3("http://h:9000", "", "s", "bucket", null))
                .hasMessageContaining("access key");
        assertThatThrownBy(() -> ObjectStoreSettings.s3("http://h:9000", "a", " ", "bucket", null))
                .hasMessageContaining("secret key");
        assertThatThrownBy(() -> ObjectStoreSettings.s3("http://h:9000", "a", "s", "ab", null))
                .hasMessageContaining("3 to 63");
        assertThat(ObjectStoreSettings.s3("http://h:9000", "a", "s", "abc", " ").region())
                .isNull();
    }

    @Test
    void toStringHidesTheSecret() {
        assertThat(ObjectStoreSettings.s3("http://h:9000", "access", "top-secret", "bucket", "eu-1")
                        .toString())
                .contains("access", "bucket")
                .doesNotContain("top-secret");
    }

    @Test
    void factoryCreatesFileSystemStore(@TempDir Path dir) {
        try (ObjectStore store = ObjectStores.create(ObjectStoreSettings.fileSystem(dir.resolve("objects")))) {
            assertThat(store).isInstanceOf(FileSystemObjectStore.class);
            store.put("k", new byte[] {1});
            assertThat(dir.resolve("objects/k")).isRegularFile();
        }
    }
}
