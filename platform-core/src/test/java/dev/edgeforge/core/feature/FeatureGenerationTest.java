package dev.edgeforge.core.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.core.dsp.FlattenParams;
import dev.edgeforge.core.dsp.SpectralAnalysisParams;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ProcessingBlock;
import dev.edgeforge.core.impulse.TimeSeriesInput;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeatureGenerationTest {

    private static final FeatureExtractor EXTRACTOR = new FeatureExtractor(new Impulse(
            1,
            new TimeSeriesInput(1000, 250, 62.5, true),
            List.of(
                    new ProcessingBlock(
                            1, "Spectral", List.of("accX", "accY", "accZ"), SpectralAnalysisParams.defaults()),
                    new ProcessingBlock(2, "Flatten", List.of("accZ"), FlattenParams.defaults())),
            List.of()));

    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicInteger loadedNotDelivered = new AtomicInteger();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** Samples of different lengths and rates, loaded lazily with a random delay so they finish out of order. */
    private List<FeatureGenerationItem> items(int count, int failingIndex) {
        List<FeatureGenerationItem> items = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            int index = s;
            String id = "sample-" + s;
            items.add(new FeatureGenerationItem(id, sha256(id), () -> {
                loads.incrementAndGet();
                loadedNotDelivered.incrementAndGet();
                SplittableRandom random = new SplittableRandom(index);
                sleep(random.nextInt(15));
                return FeatureSource.of(sample(random, index == failingIndex));
            }));
        }
        return items;
    }

    private static SampleData sample(SplittableRandom random, boolean withoutZ) {
        double hz = random.nextBoolean() ? 62.5 : 100;
        int n = (int) (hz * (0.5 + random.nextDouble() * 3));
        int axes = withoutZ ? 2 : 3;
        float[][] v = new float[axes][n];
        for (int a = 0; a < axes; a++) {
            for (int i = 0; i < n; i++) {
                v[a][i] = (float) (random.nextGaussian() + Math.sin(i * 0.3 * (a + 1)));
            }
        }
        List<Sensor> sensors =
                List.of(Sensor.of("accX"), Sensor.of("accY"), Sensor.of("accZ")).subList(0, axes);
        return SampleData.timeSeries(sensors, 1000 / hz, v);
    }

    @Test
    void parallelOutputEqualsSequentialOutputInItemOrder() {
        List<FeatureGenerationItem> items = items(40, -1);
        List<int[]> progress = new ArrayList<>();

        List<GeneratedChunk> parallel = new FeatureGeneration(EXTRACTOR, pool, 8)
                .runAll(items, (done, total) -> progress.add(new int[] {done, total}), () -> false);
        List<GeneratedChunk> sequential = new FeatureGeneration(EXTRACTOR, Runnable::run, 1)
                .runAll(items, FeatureGeneration.ProgressListener.none(), () -> false);

        assertThat(parallel).isEqualTo(sequential);
        assertThat(parallel)
                .extracting(GeneratedChunk::sampleId)
                .containsExactlyElementsOf(
                        items.stream().map(FeatureGenerationItem::sampleId).toList());
        for (int i = 0; i < items.size(); i++) {
            FeatureGenerationItem item = items.get(i);
            FeatureChunk direct =
                    EXTRACTOR.chunk(item.contentHash(), item.loader().get());
            assertThat(parallel.get(i).chunk()).isEqualTo(direct);
            assertThat(parallel.get(i).chunk().key()).isEqualTo(EXTRACTOR.cacheKey(item.contentHash()));
        }
        assertThat(parallel.stream().mapToInt(c -> c.chunk().windows().size()).sum())
                .isGreaterThan(100);
        assertThat(progress).hasSize(41);
        for (int i = 0; i <= 40; i++) {
            assertThat(progress.get(i)).containsExactly(i, 40);
        }
    }

    @Test
    void holdsAtMostMaxInFlightSamplesAtOnce() {
        AtomicInteger most = new AtomicInteger();
        new FeatureGeneration(EXTRACTOR, pool, 3)
                .run(
                        items(30, -1),
                        chunk -> {
                            most.accumulateAndGet(loadedNotDelivered.getAndDecrement(), Math::max);
                        },
                        FeatureGeneration.ProgressListener.none(),
                        () -> false);
        assertThat(most.get()).isBetween(1, 3);
        assertThat(loads.get()).isEqualTo(30);
    }

    @Test
    void aFailingSampleStopsTheRunNamingIt() {
        List<String> delivered = new ArrayList<>();
        FeatureGeneration generation = new FeatureGeneration(EXTRACTOR, pool, 4);
        assertThatThrownBy(() -> generation.run(
                        items(20, 7),
                        c -> delivered.add(c.sampleId()),
                        FeatureGeneration.ProgressListener.none(),
                        () -> false))
                .isInstanceOf(FeatureGenerationException.class)
                .hasMessageContaining("sample 'sample-7'")
                .hasMessageContaining("'accZ'")
                .satisfies(e ->
                        assertThat(((FeatureGenerationException) e).sampleId()).isEqualTo("sample-7"));
        assertThat(delivered).hasSize(7).last().isEqualTo("sample-6");

        FeatureGenerationItem throwing = new FeatureGenerationItem("broken", sha256("broken"), () -> {
            throw new IllegalStateException("object projects/1/samples/abc is missing");
        });
        assertThatThrownBy(() ->
                        generation.runAll(List.of(throwing), FeatureGeneration.ProgressListener.none(), () -> false))
                .isInstanceOf(FeatureGenerationException.class)
                .hasMessage("sample 'broken': object projects/1/samples/abc is missing");
    }

    @Test
    void cancellationStopsPromptlyAndStartsNothingNew() {
        List<String> delivered = new ArrayList<>();
        assertThatThrownBy(() -> new FeatureGeneration(EXTRACTOR, pool, 4)
                        .run(
                                items(100, -1),
                                c -> delivered.add(c.sampleId()),
                                FeatureGeneration.ProgressListener.none(),
                                () -> delivered.size() >= 5))
                .isInstanceOf(CancellationException.class)
                .hasMessageContaining("after 5 of 100");
        assertThat(delivered).hasSize(5);
        sleep(100); // let in-flight items finish
        assertThat(loads.get()).isLessThanOrEqualTo(5 + 4);
    }

    @Test
    void refusesANonPositiveMaxInFlight() {
        assertThatThrownBy(() -> new FeatureGeneration(EXTRACTOR, pool, 0))
                .hasMessageContaining("maxInFlight must be 1 or more");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
