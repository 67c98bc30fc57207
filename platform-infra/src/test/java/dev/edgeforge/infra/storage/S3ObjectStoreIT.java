package dev.edgeforge.infra.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The object store contract against a real S3 server (S3Proxy) through the MinIO client. */
class S3ObjectStoreIT extends ObjectStoreContract {
    private static S3ProxyServer server;
    private static ObjectStore shared;

    @BeforeAll
    static void startServer() throws Exception {
        server = new S3ProxyServer();
        // one store (one client, one bucket) for the contract tests: each test works under its own prefix
        shared = ObjectStores.create(server.settings("edgeforge-test"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (shared != null) {
            shared.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected ObjectStore createStore() {
        return shared;
    }

    @Override
    protected void releaseStore(ObjectStore used) {
        // closed once, after all tests
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
