package dev.edgeforge.core.feature;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Computes the feature chunks of many samples in parallel, for the feature generation job.
 *
 * <ul>
 *   <li>Each item's sample is loaded (its {@link FeatureGenerationItem#loader()}) and computed on the executor;
 *       at most {@code maxInFlight} items are loaded, computing or waiting to be handed over at any time, which
 *       bounds memory. How many compute at the same moment is the executor's thread count; {@code maxInFlight} of
 *       about twice that keeps every thread busy.</li>
 *   <li>Chunks are handed to the sink on the calling thread <em>in item order</em>, whatever the parallelism and
 *       whichever finishes first, so the output is deterministic and a sink (storing chunks in the object store)
 *       needs no locking.</li>
 *   <li>Progress is reported on the calling thread as {@code (done, total)}: {@code (0, total)} first, then after
 *       each chunk the sink accepted.</li>
 *   <li>The cancellation check is polled before each item starts and at least every
 *       {@value #POLL_MILLIS} ms while waiting; once it says so, nothing new starts, items not yet started are
 *       skipped, and {@link #run} throws {@link CancellationException}.</li>
 *   <li>The first failing item stops the run with a {@link FeatureGenerationException} naming its sample; chunks
 *       of the items before it have been handed over already.</li>
 * </ul>
 *
 * <p>Skipping what is stored already is the caller's choice: the key of an item is
 * {@code extractor.cacheKey(item.contentHash())}, computable without loading the sample, so the job leaves out the
 * items whose key exists before calling {@link #run}.
 */
public final class FeatureGeneration {

    /** How often the cancellation check is polled while waiting for a chunk. */
    public static final long POLL_MILLIS = 100;

    /** Progress of a run, reported on the calling thread. */
    @FunctionalInterface
    public interface ProgressListener {

        /** {@code done} of {@code total} items have been handed to the sink. */
        void onProgress(int done, int total);

        /** A listener that ignores progress. */
        static ProgressListener none() {
            return (done, total) -> {};
        }
    }

    private final FeatureExtractor extractor;
    private final Executor executor;
    private final int maxInFlight;

    /**
     * @param extractor   the impulse's feature extractor
     * @param executor    runs the loading and computing (e.g. a fixed thread pool; not shut down here)
     * @param maxInFlight most items loaded or computed at once, &ge; 1
     */
    public FeatureGeneration(FeatureExtractor extractor, Executor executor, int maxInFlight) {
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.executor = Objects.requireNonNull(executor, "executor");
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be 1 or more, got " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
    }

    public FeatureExtractor extractor() {
        return extractor;
    }

    /**
     * Computes every item's chunk and hands them to {@code sink} in item order.
     *
     * @throws FeatureGenerationException naming the first sample that failed
     * @throws CancellationException      when {@code cancelled} said so, or the calling thread was interrupted
     *                                    (its interrupt flag is then set again)
     */
    public void run(
            List<FeatureGenerationItem> items,
            Consumer<GeneratedChunk> sink,
            ProgressListener progress,
            BooleanSupplier cancelled) {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        List<FeatureGenerationItem> work = List.copyOf(items);
        int total = work.size();
        AtomicBoolean stop = new AtomicBoolean();
        ArrayDeque<CompletableFuture<FeatureChunk>> inFlight = new ArrayDeque<>();
        progress.onProgress(0, total);
        int next = 0;
        try {
            for (int done = 0; done < total; done++) {
                while (next < total && next - done < maxInFlight) {
                    checkCancelled(cancelled, done, total);
                    FeatureGenerationItem item = work.get(next++);
                    inFlight.add(CompletableFuture.supplyAsync(() -> compute(item, stop), executor));
                }
                FeatureChunk chunk = await(inFlight.peek(), cancelled, done, total);
                inFlight.poll();
                sink.accept(new GeneratedChunk(work.get(done).sampleId(), chunk));
                progress.onProgress(done + 1, total);
            }
        } finally {
            // items not started yet see the flag and return at once; running ones finish and are dropped
            stop.set(true);
            inFlight.forEach(f -> f.cancel(false));
        }
    }

    /** Computes every item's chunk and returns them in item order (holding them all: for tests and small sets). */
    public List<GeneratedChunk> runAll(
            List<FeatureGenerationItem> items, ProgressListener progress, BooleanSupplier cancelled) {
        List<GeneratedChunk> chunks = new ArrayList<>(items.size());
        run(items, chunks::add, progress, cancelled);
        return chunks;
    }

    private FeatureChunk compute(FeatureGenerationItem item, AtomicBoolean stop) {
        if (stop.get()) {
            throw new CancellationException("skipped");
        }
        try {
            FeatureSource source = Objects.requireNonNull(item.loader().get(), "the loader returned null");
            return extractor.chunk(item.contentHash(), source);
        } catch (RuntimeException e) {
            throw new FeatureGenerationException(item.sampleId(), e);
        }
    }

    private static FeatureChunk await(
            CompletableFuture<FeatureChunk> future, BooleanSupplier cancelled, int done, int total) {
        while (true) {
            checkCancelled(cancelled, done, total);
            try {
                return future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // poll the cancellation check again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException(
                        "feature generation interrupted after " + done + " of " + total + " samples");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    private static void checkCancelled(BooleanSupplier cancelled, int done, int total) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("feature generation cancelled after " + done + " of " + total + " samples");
        }
    }
}
