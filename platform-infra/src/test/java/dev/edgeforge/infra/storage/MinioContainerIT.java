package dev.edgeforge.infra.storage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The object store contract against a real MinIO server in a container. Needs a Docker engine: where there is
 * none, JUnit reports the class as skipped (not failed, not silently passed).
 */
@Testcontainers(disabledWithoutDocker = true)
class MinioContainerIT extends ObjectStoreContract {

    @Container
    static final MinIOContainer MINIO = new MinIOContainer("minio/minio:RELEASE.2025-02-28T09-55-16Z");

    private static ObjectStore shared;

    @BeforeAll
    static void connect() {
        shared = ObjectStores.create(ObjectStoreSettings.s3(
                MINIO.getS3URL(), MINIO.getUserName(), MINIO.getPassword(), "edgeforge-test", "us-east-1"));
    }

    @AfterAll
    static void disconnect() {
        if (shared != null) {
            shared.close();
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
}
