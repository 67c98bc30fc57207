package dev.edgeforge.api.support;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real S3 server in the test's JVM (S3Proxy over jclouds' transient store) with credentials of its own, for
 * integration tests that run the server on S3 instead of the filesystem. It can be stopped and started again on the
 * same port, with the same objects, to play an object-store outage.
 */
public final class InJvmS3 implements AutoCloseable {

    private final String accessKey = "it-" + UUID.randomUUID().toString().substring(0, 8);
    private final String secretKey = UUID.randomUUID().toString();
    private final BlobStoreContext blobs = ContextBuilder.newBuilder("transient")
            .credentials(accessKey, secretKey)
            .build(BlobStoreContext.class);
    private final int port;
    private S3Proxy proxy;

    private InJvmS3() {
        proxy = startProxy(0);
        port = proxy.getPort();
    }

    /** Starts a server on a free port. */
    public static InJvmS3 start() {
        return new InJvmS3();
    }

    /**
     * Points the server under test at this store: storage kind, endpoint, credentials and {@code bucket} (other
     * settings, such as the region, are the test's own).
     */
    public void register(DynamicPropertyRegistry registry, String bucket) {
        registry.add("edgeforge.storage.kind", () -> "s3");
        registry.add("edgeforge.storage.s3.endpoint", () -> "http://127.0.0.1:" + port);
        registry.add("edgeforge.storage.s3.access-key", () -> accessKey);
        registry.add("edgeforge.storage.s3.secret-key", () -> secretKey);
        registry.add("edgeforge.storage.s3.bucket", () -> bucket);
    }

    /** Stops answering (connections are refused); the objects are kept. */
    public void stopServing() throws Exception {
        proxy.stop();
    }

    /** Answers again on the same port, with the objects it held. */
    public void serveAgain() {
        proxy = startProxy(port);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        blobs.close();
    }

    private S3Proxy startProxy(int onPort) {
        S3Proxy started = S3Proxy.builder()
                .blobStore(blobs.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + onPort))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        try {
            started.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!"STARTED".equals(started.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start: " + started.getState());
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return started;
    }
}
