package dev.edgeforge.infra.storage;

import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The object store contract against a real MinIO server in a container. Needs a Docker engine: where there is
 * none, JUnit reports the class as skipped (not failed, not silently passed).
 */
@Testcontainers(disabledWithoutDocker = true)
class MinioContainerIT extends SharedStoreContract {

    @Container
    static final MinIOContainer MINIO = new MinIOContainer("minio/minio:RELEASE.2025-02-28T09-55-16Z");

    @Override
    protected ObjectStore openSharedStore() {
        return ObjectStores.create(ObjectStoreSettings.s3(
                MINIO.getS3URL(), MINIO.getUserName(), MINIO.getPassword(), "edgeforge-test", "us-east-1"));
    }
}
