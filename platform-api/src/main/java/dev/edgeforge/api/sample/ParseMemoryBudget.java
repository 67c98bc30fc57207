package dev.edgeforge.api.sample;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The memory that reading sample files may use at once, server-wide, so that many large files read at the same time
 * cannot exhaust the heap: before a file is parsed, it takes {@link #FACTOR} times its size from the budget (what the
 * readers need at most: values, their copy, the bytes of the formats read whole) and gives it back when done. A file
 * that finds too little waits its turn (first come, first served, so a large file is not starved by small ones), and
 * after {@code edgeforge.datasets.parse-memory-wait} gives up with {@link ServerBusyViolation} (503).
 *
 * <p>A file larger than the whole budget takes all of it: it runs alone rather than never.
 */
@Component
public class ParseMemoryBudget {

    /**
     * Memory a read needs at most, as a multiple of the file's size. Measured on 96 MB uploads: about 1.1 for CSV
     * (streamed; the values and timestamps), 3.5 for Edge Impulse JSON (read whole, plus values and their copy);
     * 16-bit WAV needs 4 (floats twice the samples, and their copy), 8-bit WAV more, which the cap tolerates.
     */
    public static final int FACTOR = 4;

    /** Permits are kilobytes, so that budgets of many gigabytes fit an int. */
    private static final long UNIT = 1024;

    private static final long RETRY_AFTER_SECONDS = 10;

    private final Semaphore permits;
    private final int capacity;
    private final Duration wait;

    ParseMemoryBudget(DatasetProperties properties) {
        long bytes = properties.parseMemoryBytes() != null
                ? properties.parseMemoryBytes().toBytes()
                : Runtime.getRuntime().maxMemory() / 2;
        this.capacity = (int) Math.min(Integer.MAX_VALUE, Math.max(1, bytes / UNIT));
        this.permits = new Semaphore(capacity, true);
        this.wait = properties.parseMemoryWait();
    }

    /** The budget in bytes. */
    public long capacityBytes() {
        return capacity * UNIT;
    }

    /** Bytes not taken right now. */
    public long availableBytes() {
        return permits.availablePermits() * UNIT;
    }

    /**
     * Takes memory to parse a file of {@code fileBytes}; close the lease when the parsed values are no longer needed.
     *
     * @throws ServerBusyViolation when the memory is not free within the configured wait
     */
    public Lease reserve(String what, long fileBytes) {
        return reserveBytes(what, Math.min(fileBytes, Long.MAX_VALUE / FACTOR) * FACTOR);
    }

    /** Takes {@code bytes} (already a memory estimate, not a file size). */
    public Lease reserveBytes(String what, long bytes) {
        int wanted = (int) Math.min(capacity, Math.max(1, (bytes + UNIT - 1) / UNIT));
        boolean got;
        try {
            got = permits.tryAcquire(wanted, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) {
            throw new ServerBusyViolation(
                    "The server is reading other uploads and has no memory free to read " + what
                            + " now; send it again in " + RETRY_AFTER_SECONDS + " seconds.",
                    RETRY_AFTER_SECONDS);
        }
        return new Lease(wanted);
    }

    /** Memory taken from the budget; closing gives it back (once). */
    public final class Lease implements AutoCloseable {
        private int held;

        private Lease(int held) {
            this.held = held;
        }

        @Override
        public void close() {
            if (held > 0) {
                permits.release(held);
                held = 0;
            }
        }
    }
}
