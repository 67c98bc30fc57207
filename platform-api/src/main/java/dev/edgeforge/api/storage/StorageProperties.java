package dev.edgeforge.api.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the bytes live ({@code edgeforge.storage.*}, environment {@code EDGEFORGE_STORAGE_*}).
 *
 * @param kind       {@code filesystem} (default) or {@code s3} (MinIO or any S3 API)
 * @param root       filesystem root; defaults to {@code <edgeforge.data-dir>/objects}
 * @param s3         endpoint, credentials and bucket when {@code kind=s3}
 */
@ConfigurationProperties(prefix = "edgeforge.storage")
record StorageProperties(
        @DefaultValue("filesystem") String kind,
        Path root,
        @DefaultValue S3 s3) {

    /**
     * @param endpoint  e.g. {@code http://minio:9000}
     * @param accessKey access key id
     * @param secretKey secret access key
     * @param bucket    created when missing (S3 bucket names need 3+ characters)
     * @param region    optional
     */
    record S3(
            String endpoint,
            String accessKey,
            String secretKey,
            @DefaultValue("edgeforge") String bucket,
            String region) {

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + "]";
        }
    }
}
