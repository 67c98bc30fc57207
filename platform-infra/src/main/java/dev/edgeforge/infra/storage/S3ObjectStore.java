package dev.edgeforge.infra.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An {@link ObjectStore} in one bucket of an S3-compatible server (MinIO, AWS S3, S3Proxy, …), through the MinIO
 * Java client.
 *
 * <p>S3 makes every PUT atomic. Streams of known length go up as one request (or as multipart when large);
 * streams of unknown length go up as multipart in {@value #UNKNOWN_LENGTH_PART_SIZE}-byte parts, which bounds the
 * memory a put needs and allows objects up to 10,000 parts. An upload whose stream fails is aborted by the client
 * and never becomes visible.
 */
public final class S3ObjectStore implements ObjectStore {
    /** Part size for streams of unknown length: S3's minimum is 5 MiB; each part is buffered in memory. */
    static final long UNKNOWN_LENGTH_PART_SIZE = 8L * 1024 * 1024;

    /** How long connecting to the S3 server may take. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** How long a read or write may wait for the next byte. */
    public static final Duration TRANSFER_TIMEOUT = Duration.ofSeconds(30);

    private static final Set<String> NOT_FOUND_CODES = Set.of("NoSuchKey", "NoSuchObject", "ResourceNotFound");
    private static final Set<String> BUCKET_EXISTS_CODES = Set.of("BucketAlreadyOwnedByYou", "BucketAlreadyExists");

    private final MinioClient client;
    private final String bucket;

    /**
     * Uses {@code bucket} through {@code client}; the bucket must exist (see {@link #connect}). The store closes
     * the client when it is closed.
     */
    public S3ObjectStore(MinioClient client, String bucket) {
        this.client = Objects.requireNonNull(client, "client");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    /**
     * Connects to the server described by the settings and creates the bucket when it does not exist yet.
     *
     * @throws ObjectStoreException when the server cannot be reached or refuses the credentials
     */
    public static S3ObjectStore connect(ObjectStoreSettings settings) {
        if (settings.type() != ObjectStoreSettings.Type.S3) {
            throw new IllegalArgumentException("settings are for a " + settings.type() + " store, not S3");
        }
        MinioClient.Builder builder = MinioClient.builder()
                .endpoint(settings.endpoint())
                .credentials(settings.accessKey(), settings.secretKey());
        if (settings.region() != null) {
            builder.region(settings.region());
        }
        MinioClient client = builder.build();
        // a stopped server must fail a request within seconds (the API then answers 503), not after the client's
        // default of minutes; reads and writes only time out when no byte moved for that long
        client.setTimeout(CONNECT_TIMEOUT.toMillis(), TRANSFER_TIMEOUT.toMillis(), TRANSFER_TIMEOUT.toMillis());
        S3ObjectStore store = new S3ObjectStore(client, settings.bucket());
        try {
            store.createBucketIfMissing(settings.region());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    public String bucket() {
        return bucket;
    }

    void createBucketIfMissing(String region) {
        try {
            if (client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                return;
            }
            MakeBucketArgs.Builder args = MakeBucketArgs.builder().bucket(bucket);
            if (region != null) {
                args.region(region);
            }
            client.makeBucket(args.build());
        } catch (ErrorResponseException e) {
            if (!BUCKET_EXISTS_CODES.contains(e.errorResponse().code())) {
                throw failure("checking or creating the bucket", e);
            }
            // another instance created it at the same moment
        } catch (MinioException | IOException | GeneralSecurityException e) {
            throw failure("checking or creating the bucket", e);
        }
    }

    @Override
    public long put(String key, InputStream content, long length) {
        ObjectKeys.requireValidKey(key);
        Objects.requireNonNull(content, "content");
        if (length < UNKNOWN_LENGTH) {
            throw new IllegalArgumentException("length must be >= 0 or UNKNOWN_LENGTH, was " + length);
        }
        MeasuredInputStream measured = new MeasuredInputStream(content, length);
        PutObjectArgs args = PutObjectArgs.builder().bucket(bucket).object(key).stream(
                        measured, length, length == UNKNOWN_LENGTH ? UNKNOWN_LENGTH_PART_SIZE : -1)
                .contentType("application/octet-stream")
                .build();
        try {
            client.putObject(args);
            return measured.count();
        } catch (MinioException | IOException | GeneralSecurityException | RuntimeException e) {
            MeasuredInputStream.LengthMismatch mismatch = MeasuredInputStream.findLengthMismatch(e);
            if (mismatch != null) {
                throw new ObjectLengthViolation(key, mismatch.getMessage());
            }
            // the client may wrap an error of the caller's stream in an unchecked exception: still a failed write
            throw failure("writing object '" + key + "'", e);
        }
    }

    @Override
    public InputStream get(String key) {
        return reading(
                key,
                () -> client.getObject(
                        GetObjectArgs.builder().bucket(bucket).object(key).build()));
    }

    @Override
    public boolean exists(String key) {
        try {
            stat(key);
            return true;
        } catch (ObjectNotFoundException e) {
            return false;
        }
    }

    @Override
    public ObjectInfo stat(String key) {
        StatObjectResponse stat = reading(
                key,
                () -> client.statObject(
                        StatObjectArgs.builder().bucket(bucket).object(key).build()));
        return new ObjectInfo(key, stat.size(), instantOf(stat.lastModified()));
    }

    @Override
    public void delete(String key) {
        ObjectKeys.requireValidKey(key);
        try {
            client.removeObject(
                    RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (ErrorResponseException e) {
            if (!isNotFound(e)) {
                throw failure("deleting object '" + key + "'", e);
            }
        } catch (MinioException | IOException | GeneralSecurityException e) {
            throw failure("deleting object '" + key + "'", e);
        }
    }

    @Override
    public Stream<ObjectInfo> list(String prefix) {
        ObjectKeys.requireValidPrefix(prefix);
        // recursive: a flat listing of keys, not "directories"; the client fetches pages of 1000 on demand
        Iterator<Result<Item>> results = client.listObjects(ListObjectsArgs.builder()
                        .bucket(bucket)
                        .prefix(prefix)
                        .recursive(true)
                        .build())
                .iterator();
        Iterator<ObjectInfo> infos = new LookaheadIterator<>() {
            @Override
            protected ObjectInfo advance() {
                while (hasMoreResults()) {
                    Item item = itemOf(results.next());
                    if (!item.isDir()) {
                        return new ObjectInfo(item.objectName(), item.size(), instantOf(item.lastModified()));
                    }
                }
                return null;
            }

            private boolean hasMoreResults() {
                try {
                    return results.hasNext();
                } catch (RuntimeException e) {
                    throw failure("listing '" + prefix + "'", e);
                }
            }

            private Item itemOf(Result<Item> result) {
                try {
                    return result.get();
                } catch (MinioException | IOException | GeneralSecurityException e) {
                    throw failure("listing '" + prefix + "'", e);
                }
            }
        };
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(infos, Spliterator.NONNULL | Spliterator.DISTINCT), false);
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            throw new ObjectStoreException("closing the S3 client failed: " + e, e);
        }
    }

    /** One call of the client, as the store's interface declares it: checked exceptions become ours. */
    @FunctionalInterface
    private interface ClientCall<T> {
        T call() throws MinioException, IOException, GeneralSecurityException;
    }

    /** Reads one object: a missing one is {@link ObjectNotFoundException}, anything else a failure. */
    private <T> T reading(String key, ClientCall<T> read) {
        ObjectKeys.requireValidKey(key);
        try {
            return read.call();
        } catch (ErrorResponseException e) {
            throw isNotFound(e) ? new ObjectNotFoundException(key, e) : failure("reading object '" + key + "'", e);
        } catch (MinioException | IOException | GeneralSecurityException e) {
            throw failure("reading object '" + key + "'", e);
        }
    }

    private static boolean isNotFound(ErrorResponseException e) {
        return NOT_FOUND_CODES.contains(e.errorResponse().code())
                || (e.response() != null
                        && e.response().code() == 404
                        && !"NoSuchBucket".equals(e.errorResponse().code()));
    }

    private ObjectStoreException failure(String action, Exception e) {
        String detail = e.toString();
        if (e instanceof ErrorResponseException error) {
            detail = error.errorResponse().code() + ": " + error.errorResponse().message();
            if (error.response() != null && error.response().code() == 403) {
                detail += " (check the access key and secret key, and that they may use this bucket)";
            }
        }
        return new ObjectStoreException(action + " failed (S3 bucket '" + bucket + "'): " + detail, e);
    }

    private static Instant instantOf(ZonedDateTime time) {
        return time == null ? Instant.EPOCH : time.toInstant();
    }
}
