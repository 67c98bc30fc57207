package dev.edgeforge.infra.storage;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Which object store to use and how to reach it. Build with {@link #fileSystem(Path)} or
 * {@link #s3(String, String, String, String, String)}; the constructor checks that the fields the chosen type
 * needs are present.
 *
 * @param type      {@link Type#FILESYSTEM} or {@link Type#S3}
 * @param root      filesystem only: the store's directory, e.g. {@code ./data/objects}
 * @param endpoint  S3 only: server URL, e.g. {@code http://localhost:9000}
 * @param accessKey S3 only
 * @param secretKey S3 only
 * @param bucket    S3 only: created when missing; 3 to 63 characters (S3 bucket naming)
 * @param region    S3, optional: e.g. {@code us-east-1}; {@code null} lets the client ask the server
 */
public record ObjectStoreSettings(
        Type type, Path root, String endpoint, String accessKey, String secretKey, String bucket, String region) {

    public enum Type {
        FILESYSTEM,
        S3;

        /** Parses {@code filesystem} or {@code s3}, ignoring case. */
        public static Type parse(String value) {
            Objects.requireNonNull(value, "object store type");
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "filesystem" -> FILESYSTEM;
                case "s3", "minio" -> S3;
                default ->
                    throw new IllegalArgumentException(
                            "unknown object store type '" + value + "'; use 'filesystem' or 's3'");
            };
        }
    }

    public ObjectStoreSettings {
        Objects.requireNonNull(type, "object store type");
        region = blankToNull(region);
        switch (type) {
            case FILESYSTEM -> Objects.requireNonNull(root, "object store root directory");
            case S3 -> {
                requireText(endpoint, "endpoint");
                requireText(accessKey, "access key");
                requireText(secretKey, "secret key");
                requireText(bucket, "bucket");
                if (bucket.length() < 3 || bucket.length() > 63) {
                    throw new IllegalArgumentException("S3 bucket name '" + bucket + "' must be 3 to 63 characters");
                }
            }
        }
    }

    public static ObjectStoreSettings fileSystem(Path root) {
        return new ObjectStoreSettings(Type.FILESYSTEM, root, null, null, null, null, null);
    }

    public static ObjectStoreSettings s3(
            String endpoint, String accessKey, String secretKey, String bucket, String region) {
        return new ObjectStoreSettings(Type.S3, null, endpoint, accessKey, secretKey, bucket, region);
    }

    /** Never prints the secret key. */
    @Override
    public String toString() {
        return type == Type.FILESYSTEM
                ? "ObjectStoreSettings[filesystem, root=" + root + "]"
                : "ObjectStoreSettings[s3, endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region
                        + ", accessKey=" + accessKey + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("S3 object store needs the " + name);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
