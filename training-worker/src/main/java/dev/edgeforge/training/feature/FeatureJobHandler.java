package dev.edgeforge.training.feature;

import dev.edgeforge.core.feature.FeatureCacheKey;
import dev.edgeforge.core.feature.FeatureChunk;
import dev.edgeforge.core.feature.FeatureExtractor;
import dev.edgeforge.core.feature.FeatureFormatException;
import dev.edgeforge.core.feature.FeatureGeneration;
import dev.edgeforge.core.feature.FeatureGenerationException;
import dev.edgeforge.core.feature.FeatureGenerationItem;
import dev.edgeforge.core.feature.FeatureSource;
import dev.edgeforge.core.format.SampleParseOptions;
import dev.edgeforge.core.format.SampleParsers;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.WindowedInput;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.infra.job.JobContext;
import dev.edgeforge.infra.job.JobHandler;
import dev.edgeforge.infra.job.NonRetryableJobException;
import dev.edgeforge.infra.storage.ObjectInfo;
import dev.edgeforge.infra.storage.ObjectNotFoundException;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.infra.storage.ObjectStoreException;
import dev.edgeforge.jobs.feature.FeatureJobPayload;
import dev.edgeforge.jobs.feature.FeatureJobResult;
import dev.edgeforge.jobs.feature.FeatureJobSample;
import dev.edgeforge.jobs.feature.FeatureManifest;
import dev.edgeforge.jobs.feature.FeatureObjectKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs {@code features} jobs (see the package documentation for payload, objects and result).
 *
 * <ol>
 *   <li>Each sample's cache key is computed from its content hash and the impulse, without loading it.</li>
 *   <li>Chunks already stored under this version are checked (read in full: format and checksum) and reused; chunks
 *       with the same key under an earlier version are checked and copied. A damaged chunk is recomputed.</li>
 *   <li>The remaining samples (one per distinct cache key) are loaded from the object store, parsed and computed in
 *       parallel ({@link FeatureGeneration}); each chunk is stored as soon as it is ready, so a retried or re-run
 *       job does not compute it again.</li>
 *   <li>The manifest is written last, then the result.</li>
 * </ol>
 * A sample that cannot be read or does not fit the impulse (missing axis, an image for a time-series impulse) fails
 * the job at once, naming it; storage errors are retried. Cancel is honoured between samples and while waiting.
 */
public final class FeatureJobHandler implements JobHandler {

    /** Progress is written at most this often. */
    private static final long PROGRESS_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /** How often waiting loops look at the cancel flag. */
    private static final long POLL_MILLIS = 100;

    private static final SampleParseOptions PARSE_OPTIONS =
            SampleParseOptions.defaults().withKeepImagePixels(true);

    private final ObjectStore store;
    private final int threads;
    private final Clock clock;

    /**
     * @param store   where samples are read and features written
     * @param threads threads computing features for one job, at least 1
     * @param clock   timestamps of manifests
     */
    public FeatureJobHandler(ObjectStore store, int threads, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, got " + threads);
        }
        this.threads = threads;
    }

    /** A handler using every available processor. */
    public FeatureJobHandler(ObjectStore store) {
        this(store, Runtime.getRuntime().availableProcessors(), Clock.systemUTC());
    }

    @Override
    public String type() {
        return FeatureJobPayload.TYPE;
    }

    @Override
    public void run(JobContext context) throws Exception {
        UUID projectId = context.projectId();
        if (projectId == null) {
            throw new NonRetryableJobException("a features job needs a project");
        }
        FeatureJobPayload payload;
        FeatureExtractor extractor;
        try {
            payload = FeatureJobPayload.parse(context.payload());
            Impulse impulse = payload.readImpulse();
            extractor = new FeatureExtractor(impulse);
        } catch (IllegalArgumentException e) {
            throw new NonRetryableJobException("Cannot generate features: " + e.getMessage(), e);
        }
        int version = payload.impulseVersion();
        context.log("Impulse version " + version + ": " + extractor.featureLength() + " features per window from "
                + extractor.layout().blocks().size() + " processing block(s); "
                + payload.samples().size()
                + " enabled sample(s)");
        ExecutorService pool = Executors.newFixedThreadPool(threads, threadFactory(context.jobId()));
        try {
            new Run(context, projectId, payload, extractor, pool).execute();
        } finally {
            pool.shutdownNow();
        }
    }

    private static ThreadFactory threadFactory(UUID jobId) {
        AtomicInteger count = new AtomicInteger();
        String prefix = "features-" + jobId.toString().substring(0, 8) + "-";
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One attempt of one job. */
    private final class Run {

        private final JobContext context;
        private final UUID projectId;
        private final FeatureJobPayload payload;
        private final FeatureExtractor extractor;
        private final ExecutorService pool;
        private final int version;
        /** Cache key of each sample, by sample id. */
        private final Map<String, FeatureCacheKey> keys = new LinkedHashMap<>();
        /** Window count of every chunk that is stored and valid under this version, by cache key. */
        private final Map<String, Integer> windows = new ConcurrentHashMap<>();

        private final Map<String, Boolean> copied = new ConcurrentHashMap<>();
        private final Map<String, Boolean> computedKeys = new ConcurrentHashMap<>();
        private int distinct;
        private long lastProgress;

        Run(
                JobContext context,
                UUID projectId,
                FeatureJobPayload payload,
                FeatureExtractor extractor,
                ExecutorService pool) {
            this.context = context;
            this.projectId = projectId;
            this.payload = payload;
            this.extractor = extractor;
            this.pool = pool;
            this.version = payload.impulseVersion();
        }

        void execute() {
            // first sample of each distinct content (and so cache key), in payload order
            Map<String, FeatureJobSample> byKey = new LinkedHashMap<>();
            for (FeatureJobSample sample : payload.samples()) {
                FeatureCacheKey key;
                try {
                    key = extractor.cacheKey(sample.sha256());
                } catch (IllegalArgumentException e) {
                    throw new NonRetryableJobException(
                            "sample '" + sample.id() + "' has no valid content hash: " + e.getMessage(), e);
                }
                keys.put(sample.id(), key);
                byKey.putIfAbsent(key.hex(), sample);
            }
            distinct = byKey.size();
            progress(true);
            reuseStored(byKey.keySet());
            List<FeatureJobSample> toCompute = byKey.entrySet().stream()
                    .filter(e -> !windows.containsKey(e.getKey()))
                    .map(Map.Entry::getValue)
                    .toList();
            int reusedSamples = (int) payload.samples().stream()
                    .filter(s -> windows.containsKey(keys.get(s.id()).hex()))
                    .count();
            int copiedSamples = (int) payload.samples().stream()
                    .filter(s -> copied.containsKey(keys.get(s.id()).hex()))
                    .count();
            context.log("Reusing the stored features of " + reusedSamples + " of "
                    + payload.samples().size()
                    + " sample(s)"
                    + (copiedSamples > 0 ? " (" + copiedSamples + " copied from an earlier impulse version)" : "")
                    + "; computing " + toCompute.size()
                    + (toCompute.size() == 1 ? " sample" : " samples") + " on " + threads + " thread(s)");
            compute(toCompute);
            writeManifestAndResult(copiedSamples);
        }

        /** Finds valid stored chunks for these keys: under this version, else under an earlier one (copied). */
        private void reuseStored(Set<String> wanted) {
            Map<String, String> here = new HashMap<>();
            Map<String, String> elsewhere = new HashMap<>();
            try (Stream<ObjectInfo> objects = store.list(FeatureObjectKeys.projectPrefix(projectId))) {
                objects.forEach(info -> FeatureObjectKeys.parseChunk(info.key()).ifPresent(chunk -> {
                    if (!wanted.contains(chunk.cacheKey())) {
                        return;
                    }
                    if (chunk.impulseVersion() == version) {
                        here.put(chunk.cacheKey(), info.key());
                    } else {
                        elsewhere.putIfAbsent(chunk.cacheKey(), info.key());
                    }
                }));
            }
            List<Future<?>> checks = new ArrayList<>();
            for (String key : wanted) {
                String source = here.containsKey(key) ? here.get(key) : elsewhere.get(key);
                if (source != null) {
                    checks.add(pool.submit(() -> reuse(key, source, !here.containsKey(key))));
                }
            }
            for (Future<?> check : checks) {
                await(check);
                progress(false);
            }
        }

        private void reuse(String key, String source, boolean copy) {
            byte[] bytes;
            try (InputStream in = store.get(source)) {
                bytes = in.readAllBytes();
            } catch (ObjectNotFoundException e) {
                return; // removed meanwhile: compute it
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + source + " failed", e);
            }
            FeatureChunk chunk;
            try {
                chunk = FeatureChunk.fromBytes(bytes);
            } catch (FeatureFormatException | IllegalArgumentException e) {
                context.log("Stored features " + source + " are damaged (" + e.getMessage() + "); recomputing them");
                return;
            }
            if (!chunk.key().hex().equals(key) || chunk.featureLength() != extractor.featureLength()) {
                context.log("Stored features " + source + " do not match their key; recomputing them");
                return;
            }
            if (copy) {
                store.put(FeatureObjectKeys.chunk(projectId, version, chunk.key()), bytes);
                copied.put(key, Boolean.TRUE);
            }
            windows.put(key, chunk.windows().size());
        }

        private void compute(List<FeatureJobSample> samples) {
            if (samples.isEmpty()) {
                return;
            }
            List<FeatureGenerationItem> items = samples.stream()
                    .map(s -> new FeatureGenerationItem(s.id(), s.sha256(), () -> load(s)))
                    .toList();
            int total = items.size();
            int logEvery = Math.max(1, total / 10);
            long[] windowCount = {0};
            FeatureGeneration generation = new FeatureGeneration(extractor, pool, 2 * threads);
            try {
                generation.run(
                        items,
                        generated -> {
                            FeatureChunk chunk = generated.chunk();
                            store.put(FeatureObjectKeys.chunk(projectId, version, chunk.key()), chunk.toBytes());
                            windows.put(chunk.key().hex(), chunk.windows().size());
                            computedKeys.put(chunk.key().hex(), Boolean.TRUE);
                            windowCount[0] += chunk.windows().size();
                        },
                        (computed, of) -> {
                            if (computed == 0) {
                                return;
                            }
                            progress(false);
                            if (computed % logEvery == 0 || computed == of) {
                                context.log("Computed " + computed + " of " + of + " sample(s), " + windowCount[0]
                                        + " window(s)");
                            }
                        },
                        context::isCancelRequested);
            } catch (CancellationException e) {
                context.throwIfCancelled();
                throw e;
            } catch (FeatureGenerationException e) {
                context.throwIfCancelled();
                throw failure(e, samples);
            }
        }

        private FeatureSource load(FeatureJobSample sample) {
            String name = sample.fileName().isBlank() ? sample.id() : sample.fileName();
            try (InputStream in = store.get(sample.objectKey())) {
                return FeatureSource.of(SampleParsers.parse(name, in, PARSE_OPTIONS));
            } catch (IOException e) {
                throw new UncheckedIOException("reading sample " + sample.objectKey() + " failed", e);
            }
        }

        /** Storage trouble is worth a retry; a sample that cannot be read or used is not. */
        private RuntimeException failure(FeatureGenerationException e, List<FeatureJobSample> samples) {
            Throwable cause = e.getCause();
            if (cause instanceof ObjectStoreException || cause instanceof UncheckedIOException) {
                return e;
            }
            String file = samples.stream()
                    .filter(s -> s.id().equals(e.sampleId()))
                    .findFirst()
                    .map(s -> s.fileName().isBlank() ? "" : " (" + s.fileName() + ")")
                    .orElse("");
            String reason = cause instanceof ObjectNotFoundException
                    ? "its bytes are missing from the object store"
                    : String.valueOf(cause.getMessage());
            return new NonRetryableJobException(
                    "Sample " + e.sampleId() + file + " cannot be used: " + reason
                            + ". Fix or disable the sample, then generate features again.",
                    e);
        }

        private void writeManifestAndResult(int copiedSamples) {
            context.throwIfCancelled();
            List<FeatureManifest.Entry> entries = new ArrayList<>();
            Map<String, Long> perLabel = new TreeMap<>();
            long total = 0;
            int computedSamples = 0;
            for (FeatureJobSample sample : payload.samples()) {
                FeatureCacheKey key = keys.get(sample.id());
                int count = windows.get(key.hex());
                if (computedKeys.containsKey(key.hex())) {
                    computedSamples++;
                }
                entries.add(new FeatureManifest.Entry(
                        sample.id(),
                        sample.label(),
                        sample.category(),
                        sample.sha256(),
                        key.hex(),
                        FeatureObjectKeys.chunk(projectId, version, key),
                        count));
                perLabel.merge(sample.label(), (long) count, Long::sum);
                total += count;
            }
            List<FeatureManifest.LabelCount> labels = perLabel.entrySet().stream()
                    .map(e -> new FeatureManifest.LabelCount(e.getKey(), e.getValue()))
                    .toList();
            int reusedSamples = payload.samples().size() - computedSamples;
            FeatureManifest manifest = new FeatureManifest(
                    FeatureManifest.FORMAT,
                    projectId,
                    version,
                    context.jobId(),
                    clock.instant().toString(),
                    extractor.featureLength(),
                    FeatureManifest.LayoutBlock.of(extractor.layout()),
                    total,
                    labels,
                    computedSamples,
                    reusedSamples,
                    entries);
            String manifestKey = FeatureObjectKeys.manifest(projectId, version, context.jobId());
            store.put(manifestKey, manifest.toJsonBytes());
            List<FeatureJobResult.SampleWithoutWindows> withoutWindows = new ArrayList<>();
            int withoutCount = 0;
            for (FeatureJobSample sample : payload.samples()) {
                if (windows.get(keys.get(sample.id()).hex()) == 0) {
                    withoutCount++;
                    if (withoutWindows.size() < FeatureJobResult.LISTED_WITHOUT_WINDOWS) {
                        withoutWindows.add(new FeatureJobResult.SampleWithoutWindows(
                                sample.id(), sample.fileName(), sample.category(), whyNoWindow(sample)));
                    }
                }
            }
            if (withoutCount > 0) {
                context.log(withoutCount + " sample(s) gave no window, e.g. " + describe(withoutWindows.get(0)));
            }
            FeatureSetAssembler sets = new FeatureSetAssembler(store);
            String trainingSet =
                    sets.write(manifest, extractor.layout(), "training").orElse(null);
            context.throwIfCancelled();
            String testingSet =
                    sets.write(manifest, extractor.layout(), "testing").orElse(null);
            List<String> testOnly = FeatureSetAssembler.labels(manifest, "testing").stream()
                    .filter(l ->
                            !FeatureSetAssembler.labels(manifest, "training").contains(l))
                    .toList();
            if (!testOnly.isEmpty()) {
                context.log("Label(s) only in the test set, so not classes of the model (their test windows are "
                        + "reported as not a class of this model): " + String.join(", ", testOnly));
            }
            context.result(new FeatureJobResult(
                            version,
                            manifestKey,
                            entries.size(),
                            total,
                            extractor.featureLength(),
                            labels,
                            computedSamples,
                            reusedSamples,
                            copiedSamples,
                            trainingSet,
                            testingSet,
                            withoutCount,
                            withoutWindows)
                    .toJson());
            long trainingSamples = payload.samples().stream()
                    .filter(sample -> "training".equals(sample.category()))
                    .count();
            long trainingWindows = entries.stream()
                    .filter(e -> "training".equals(e.category()))
                    .mapToLong(FeatureManifest.Entry::windows)
                    .sum();
            if (total == 0 || (trainingSamples > 0 && trainingWindows == 0)) {
                // a feature set nobody can train on is a failure, not a success with nothing in it
                throw new NonRetryableJobException((total == 0 ? "No sample" : "No training sample")
                        + " gave a window: " + withoutCount + " of " + entries.size() + " samples gave none, e.g. "
                        + describe(withoutWindows.get(0)) + ". Turn zero-padding on or shorten the window of the "
                        + "impulse (PUT .../impulse), then generate the features again; the job's result lists the "
                        + "samples (withoutWindows).");
            }
            context.progress(1.0);
            context.log("Done: " + total + " window(s) of " + extractor.featureLength() + " features from "
                    + entries.size() + " sample(s); " + computedSamples + " computed, " + reusedSamples + " reused");
        }

        /** Why a sample made no window: what the impulse's window needs against what the sample has. */
        private String whyNoWindow(FeatureJobSample sample) {
            if (!(extractor.impulse().input() instanceof WindowedInput input)) {
                return "the input block made no window of it";
            }
            SampleData data;
            try {
                data = load(sample).data();
            } catch (RuntimeException e) {
                return "it gave no window and could not be read again to say why: " + e.getMessage();
            }
            if (data.length() == 0) {
                return "it has no readings";
            }
            String length = String.format(Locale.ROOT, "%.0f ms", data.durationMs());
            String window = String.format(Locale.ROOT, "%.0f ms", input.windowSizeMs());
            if (!input.zeroPad() && data.durationMs() < input.windowSizeMs()) {
                return "it lasts " + length + ", shorter than the " + window + " window, and zero-padding is off";
            }
            return "it lasts " + length + " and gave no " + window + " window at "
                    + String.format(Locale.ROOT, "%.6g", input.frequencyHz()) + " Hz";
        }

        private static String describe(FeatureJobResult.SampleWithoutWindows sample) {
            String name = sample.fileName() == null || sample.fileName().isBlank()
                    ? "sample " + sample.sampleId()
                    : "'" + sample.fileName() + "'";
            return name + ": " + sample.reason();
        }

        private void progress(boolean force) {
            long now = System.nanoTime();
            if (force || now - lastProgress >= PROGRESS_INTERVAL_NANOS) {
                lastProgress = now;
                // every distinct cache key with a valid stored chunk is done; 1.0 waits for the manifest
                context.progress(distinct == 0 ? 0 : 0.99 * windows.size() / distinct);
            }
        }

        private void await(Future<?> future) {
            while (true) {
                if (context.isCancelRequested()) {
                    future.cancel(true);
                    context.throwIfCancelled();
                }
                try {
                    future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException e) {
                    // look at the cancel flag again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    context.throwIfCancelled();
                    throw new CancellationException("interrupted while checking stored features");
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
    }
}
