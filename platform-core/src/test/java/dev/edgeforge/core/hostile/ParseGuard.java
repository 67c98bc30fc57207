package dev.edgeforge.core.hostile;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs a parser on one hostile input and fails unless it behaves: it returns, or throws its documented exception
 * with a message, and it does so within a bounded CPU time and allocating a bounded number of bytes (so a giant
 * length a file declares is refused before it is allocated, and no input makes the work grow faster than its size).
 *
 * <p>The parser runs on a thread of its own, so that a hang is reported (after a wall-clock limit) instead of
 * blocking the build, and so that its CPU time and allocation are measured alone: CPU time rather than wall time,
 * because the build machine is shared and a loaded machine must not make the property flaky.
 */
public final class ParseGuard {

    /** What the parser did: returned a value, or threw the documented exception. */
    public record Outcome(Object value, RuntimeException rejection) {
        public boolean accepted() {
            return rejection == null;
        }

        /** The rejection's message with numbers masked, for statistics: {@code "row N: N values, header has N"}. */
        public String kind() {
            if (accepted()) {
                return "accepted";
            }
            String message = rejection.getMessage().replaceAll("[0-9]+", "N").replaceAll("'[^']*'", "'…'");
            return message.length() > 70 ? message.substring(0, 70) : message;
        }
    }

    private static final Duration HANG = Duration.ofSeconds(30);
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Class<? extends RuntimeException> documented;
    private final Duration cpuLimit;
    private final long allocationBase;
    private final long allocationPerByte;
    private ExecutorService thread = newThread();

    /**
     * @param documented        the only exception the parser may throw
     * @param cpuLimit          CPU time allowed per input, plus the same again per MiB of input
     * @param allocationBase    bytes any input may allocate (decoder tables, buffers)
     * @param allocationPerByte bytes allocated per byte of input on top of that
     */
    public ParseGuard(
            Class<? extends RuntimeException> documented,
            Duration cpuLimit,
            long allocationBase,
            long allocationPerByte) {
        this.documented = Objects.requireNonNull(documented, "documented");
        this.cpuLimit = cpuLimit;
        this.allocationBase = allocationBase;
        this.allocationPerByte = allocationPerByte;
    }

    /** A guard with the limits every parser of uploads must meet: 1 s of CPU and 64 MiB plus 64 bytes a byte. */
    public static ParseGuard forParser(Class<? extends RuntimeException> documented) {
        return new ParseGuard(documented, Duration.ofSeconds(1), 64L << 20, 64);
    }

    /**
     * Parses {@code input}; fails the property (AssertionError naming the input) unless the parser behaved.
     */
    public Outcome run(Mutant input, Function<byte[], ?> parser) {
        Future<Measured> future = thread.submit(() -> measure(input.bytes(), parser));
        Measured measured;
        try {
            measured = future.get(HANG.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            thread.shutdownNow(); // the stuck thread is abandoned (daemon); later inputs get a fresh one
            thread = newThread();
            throw new AssertionError("no answer within " + HANG.toSeconds() + " s (a hang?) for " + input);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError("the guard itself failed for " + input, e.getCause());
        }
        Throwable thrown = measured.thrown();
        if (thrown != null && !documented.isInstance(thrown)) {
            throw new AssertionError(
                    "threw " + thrown + " instead of a " + documented.getSimpleName() + " for " + input, thrown);
        }
        if (thrown != null
                && (thrown.getMessage() == null || thrown.getMessage().isBlank())) {
            throw new AssertionError("a " + documented.getSimpleName() + " without a message for " + input, thrown);
        }
        double mib = input.bytes().length / (1024.0 * 1024.0);
        long cpuAllowed = (long) (cpuLimit.toNanos() * (1 + mib));
        if (measured.cpuNanos() > cpuAllowed) {
            throw new AssertionError(String.format(
                    "took %.2f s of CPU (at most %.2f s) for %s", measured.cpuNanos() / 1e9, cpuAllowed / 1e9, input));
        }
        long allocationAllowed = allocationBase + allocationPerByte * input.bytes().length;
        if (measured.allocatedBytes() > allocationAllowed) {
            throw new AssertionError(String.format(
                    "allocated %,d bytes (at most %,d) for %s", measured.allocatedBytes(), allocationAllowed, input));
        }
        return new Outcome(measured.value(), (RuntimeException) thrown);
    }

    private record Measured(Object value, Throwable thrown, long cpuNanos, long allocatedBytes) {}

    private static Measured measure(byte[] bytes, Function<byte[], ?> parser) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long allocated = THREADS.getCurrentThreadAllocatedBytes();
        Object value = null;
        Throwable thrown = null;
        try {
            value = parser.apply(bytes);
        } catch (Throwable t) { // Errors too: a StackOverflowError or OutOfMemoryError is a failure to report
            thrown = t;
        }
        return new Measured(
                value,
                thrown,
                THREADS.getCurrentThreadCpuTime() - cpu,
                THREADS.getCurrentThreadAllocatedBytes() - allocated);
    }

    private static ExecutorService newThread() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "parse-guard");
            t.setDaemon(true);
            return t;
        });
    }
}
