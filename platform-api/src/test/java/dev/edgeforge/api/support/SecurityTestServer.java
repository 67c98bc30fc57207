package dev.edgeforge.api.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The server the security tests of issue #10 share (one Spring context for every class carrying this): an
 * {@link IntegrationTest} with the embedded workers off, so jobs stay queued and what a test set up stays as it is
 * (no firmware build runs behind it), and upload limits small enough that "too large" takes a few MB to show.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(
        properties = {
            "edgeforge.workers.embedded=false",
            "edgeforge.datasets.max-upload-bytes=" + SecurityTestServer.MAX_UPLOAD_BYTES,
            "edgeforge.datasets.max-request-bytes=3MB",
            "edgeforge.datasets.max-expanded-request-bytes=4MB",
            "edgeforge.datasets.compression-ratio-from=256KB",
            "edgeforge.models.max-import-bytes=" + SecurityTestServer.MAX_UPLOAD_BYTES
        })
public @interface SecurityTestServer {

    /** The largest file (and model) accepted: 1 MiB. */
    String MAX_UPLOAD_BYTES = "1048576";
}
