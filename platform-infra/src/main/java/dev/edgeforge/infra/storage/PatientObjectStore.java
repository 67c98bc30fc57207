package dev.edgeforge.infra.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's view of the object store: an operation that fails because the store cannot be reached (connection
 * refused or reset, timed out, name not resolved) is tried again, with backoff, until the store answers or
 * {@code patience} has passed. A job thus rides out a short object-store outage inside its attempt (its lease is
 * renewed meanwhile) instead of spending its attempts within seconds and failing for good (found by {@code
 * ./edgeforge bench faults}: a 30 s outage failed a deployment after three attempts in 18 s). A store that answers
 * with an error, a missing key or a bad key fails at once, as before. Waiting is interruptible, so a cancelled job
 * stops waiting. The server does not use it: a request is answered 503 at once instead.
 *
 * <p>Writes are tried again only when they come from memory (a {@link ByteArrayInputStream}, as
 * {@link #put(String, byte[])} makes), which can be read again from the start; streamed writes fail at the first
 * refusal. Reading an opened stream or iterating a listing is not retried, only opening them.
 */
public final class PatientObjectStore implements ObjectStore {

    private static final Logger LOG = LoggerFactory.getLogger(PatientObjectStore.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(500);
    private static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final ObjectStore store;
    private final Duration patience;

    public PatientObjectStore(ObjectStore store, Duration patience) {
        this.store = Objects.requireNonNull(store, "store");
        this.patience = Objects.requireNonNull(patience, "patience");
    }

    /** Whether {@code failure} says the store could not be reached at all (not an answer of the store). */
    public static boolean isUnreachable(Throwable failure) {
        boolean objectStore = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ObjectStoreException) {
                objectStore = true;
            } else if (objectStore
                    && (t instanceof SocketException
                            || t instanceof InterruptedIOException
                            || t instanceof UnknownHostException)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long put(String key, InputStream content, long length) {
        if (!(content instanceof ByteArrayInputStream)) { // marking another stream could hold a whole file
            return store.put(key, content, length);
        }
        content.mark(Integer.MAX_VALUE);
        return patiently("writing " + key, () -> {
            try {
                content.reset();
            } catch (IOException e) {
                throw new ObjectStoreException("cannot read the content of " + key + " again", e);
            }
            return store.put(key, content, length);
        });
    }

    @Override
    public InputStream get(String key) {
        return patiently("reading " + key, () -> store.get(key));
    }

    @Override
    public boolean exists(String key) {
        return patiently("looking for " + key, () -> store.exists(key));
    }

    @Override
    public ObjectInfo stat(String key) {
        return patiently("looking at " + key, () -> store.stat(key));
    }

    @Override
    public void delete(String key) {
        patiently("deleting " + key, () -> {
            store.delete(key);
            return null;
        });
    }

    @Override
    public Stream<ObjectInfo> list(String prefix) {
        return patiently("listing " + prefix, () -> store.list(prefix));
    }

    @Override
    public void close() {
        store.close();
    }

    private <T> T patiently(String what, Supplier<T> operation) {
        long deadline = System.nanoTime() + patience.toNanos();
        Duration wait = FIRST_WAIT;
        boolean logged = false;
        while (true) {
            try {
                T value = operation.get();
                if (logged) {
                    LOG.info("The object store answers again ({})", what);
                }
                return value;
            } catch (ObjectStoreException e) {
                if (!isUnreachable(e) || System.nanoTime() + wait.toNanos() > deadline) {
                    throw e;
                }
                if (!logged) {
                    LOG.warn(
                            "The object store cannot be reached ({}: {}); trying again for up to {} s",
                            what,
                            e.getMessage(),
                            patience.toSeconds());
                    logged = true;
                }
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new ObjectStoreException(what + " was interrupted while the store could not be reached", e);
                }
                wait = wait.multipliedBy(2).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait.multipliedBy(2);
            }
        }
    }
}
