package dev.edgeforge.infra.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The object store contract against a real S3 server (S3Proxy) through the MinIO client. */
class S3ObjectStoreIT extends SharedStoreContract {
    private S3ProxyServer server;

    @Override
    protected ObjectStore openSharedStore() throws Exception {
        server = new S3ProxyServer();
        return ObjectStores.create(server.settings("edgeforge-test"));
    }

    @Override
    protected void closeSharedStore(ObjectStore store) throws Exception {
        super.closeSharedStore(store);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void createsTheBucketWhenMissingAndAcceptsAnExistingOne() {
        try (ObjectStore first = ObjectStores.create(server.settings("fresh-bucket"));
                ObjectStore second = ObjectStores.create(server.settings("fresh-bucket"))) {
            first.put("k", new byte[] {7});
            assertThat(second.stat("k").size()).isEqualTo(1);
        }
    }

    @Test
    void worksWithoutAConfiguredRegion() {
        ObjectStoreSettings settings =
                ObjectStoreSettings.s3(server.endpoint(), server.accessKey(), server.secretKey(), "no-region", null);
        try (ObjectStore noRegion = ObjectStores.create(settings)) {
            noRegion.put("k", new byte[] {1, 2});
            assertThat(noRegion.stat("k").size()).isEqualTo(2);
        }
    }

    @Test
    void wrongSecretIsAClearFailure() {
        ObjectStoreSettings settings =
                ObjectStoreSettings.s3(server.endpoint(), server.accessKey(), "wrong", "edgeforge-test", "us-east-1");
        assertThatThrownBy(() -> ObjectStores.create(settings))
                .isInstanceOf(ObjectStoreException.class)
                .hasMessageContaining("edgeforge-test")
                .hasMessageContaining("AccessDenied")
                .hasMessageContaining("check the access key and secret key");
    }
}
