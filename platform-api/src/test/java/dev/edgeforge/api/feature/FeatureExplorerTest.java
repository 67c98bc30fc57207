package dev.edgeforge.api.feature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.feature.FeatureCacheKey;
import dev.edgeforge.core.feature.FeatureChunk;
import dev.edgeforge.core.feature.WindowFeatures;
import dev.edgeforge.jobs.feature.FeatureManifest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The explorer's thinning and projection on hand-made feature sets. */
class FeatureExplorerTest {

    private final Map<String, FeatureChunk> chunks = new HashMap<>();
    private final List<String> reads = new ArrayList<>();

    /** A manifest of samples with these window counts; window w of sample s has features (s, w, s + 2w). */
    private FeatureManifest manifest(int... windowCounts) {
        List<FeatureManifest.Entry> entries = new ArrayList<>();
        long total = 0;
        for (int s = 0; s < windowCounts.length; s++) {
            String key = String.format("%064x", s + 1);
            List<WindowFeatures> windows = new ArrayList<>();
            for (int w = 0; w < windowCounts[s]; w++) {
                windows.add(new WindowFeatures(w, w * 80.0, new float[] {s, w, s + 2 * w}));
            }
            chunks.put("chunk-" + s, new FeatureChunk(new FeatureCacheKey(key), 3, windows));
            entries.add(new FeatureManifest.Entry(
                    "sample-" + s, s % 2 == 0 ? "even" : "odd", "training", key, key, "chunk-" + s, windowCounts[s]));
            total += windowCounts[s];
        }
        return new FeatureManifest(
                FeatureManifest.FORMAT,
                UUID.randomUUID(),
                1,
                UUID.randomUUID(),
                "2025-01-01T00:00:00Z",
                3,
                List.of(),
                total,
                List.of(new FeatureManifest.LabelCount("even", 0), new FeatureManifest.LabelCount("odd", 0)),
                0,
                0,
                entries);
    }

    private FeatureChunk read(String key) {
        reads.add(key);
        return chunks.get(key);
    }

    @Test
    void everyWindowIsShownWhenTheSetIsSmall() {
        ExplorerView view = FeatureExplorer.project(manifest(3, 0, 4), 100, 1000, this::read);

        assertThat(view.totalWindows()).isEqualTo(7);
        assertThat(view.fittedWindows()).isEqualTo(7);
        assertThat(view.sampled()).isFalse();
        assertThat(view.points())
                .extracting(ExplorerView.Point::sampleId)
                .containsExactly("sample-0", "sample-0", "sample-0", "sample-2", "sample-2", "sample-2", "sample-2");
        assertThat(view.points()).extracting(ExplorerView.Point::windowIndex).containsExactly(0, 1, 2, 0, 1, 2, 3);
        assertThat(view.points().get(4).windowStartMs()).isEqualTo(80.0);
        assertThat(view.labels()).containsExactly("even", "odd");
        assertThat(reads).containsExactly("chunk-0", "chunk-2");
    }

    @Test
    void largeSetsAreThinnedEvenlyAndChunksWithoutAChosenWindowAreNotRead() {
        // 12 windows, at most 3 fitted: every 4th window (global 0, 4, 8); sample 1 holds windows 5 and 6 only
        ExplorerView view = FeatureExplorer.project(manifest(5, 2, 5), 2, 3, this::read);

        assertThat(view.fittedWindows()).isEqualTo(3);
        assertThat(view.shownWindows()).isEqualTo(2);
        assertThat(view.sampled()).isTrue();
        assertThat(reads).containsExactly("chunk-0", "chunk-2");
        // shown: every 2nd fitted window, i.e. global 0 and 8
        assertThat(view.points())
                .extracting(p -> p.sampleId() + "#" + p.windowIndex())
                .containsExactly("sample-0#0", "sample-2#1");
    }

    @Test
    void thePointsAreTheStandardisedFeaturesPrincipalComponents() {
        // features (s, w, s + 2w) lie in a plane, also once each is standardised: two components hold all the
        // variance, so the projection keeps every distance between standardised rows
        ExplorerView view = FeatureExplorer.project(manifest(4, 0, 4), 100, 1000, this::read);

        assertThat(view.explainedVarianceRatio()[0] + view.explainedVarianceRatio()[1])
                .isCloseTo(1.0, Offset.offset(1e-6));
        List<double[]> rows = new ArrayList<>();
        for (int s : new int[] {0, 2}) {
            for (int w = 0; w < 4; w++) {
                rows.add(new double[] {s, w, s + 2 * w});
            }
        }
        double[][] z = standardise(rows);
        for (int i = 0; i < z.length; i++) {
            for (int j = i + 1; j < z.length; j++) {
                double expected = Math.sqrt(Math.pow(z[i][0] - z[j][0], 2)
                        + Math.pow(z[i][1] - z[j][1], 2)
                        + Math.pow(z[i][2] - z[j][2], 2));
                ExplorerView.Point a = view.points().get(i);
                ExplorerView.Point b = view.points().get(j);
                assertThat(Math.hypot(a.x() - b.x(), a.y() - b.y())).isCloseTo(expected, Offset.offset(1e-4));
            }
        }
    }

    /** Each column to zero mean and unit (population) standard deviation. */
    private static double[][] standardise(List<double[]> rows) {
        int n = rows.size();
        int d = rows.get(0).length;
        double[][] z = new double[n][d];
        for (int f = 0; f < d; f++) {
            double mean = 0;
            for (double[] r : rows) {
                mean += r[f] / n;
            }
            double variance = 0;
            for (double[] r : rows) {
                variance += (r[f] - mean) * (r[f] - mean) / n;
            }
            for (int i = 0; i < n; i++) {
                z[i][f] = (rows.get(i)[f] - mean) / Math.sqrt(variance);
            }
        }
        return z;
    }

    @Test
    void anEmptySetHasNoPoints() {
        ExplorerView view = FeatureExplorer.project(manifest(0, 0), 100, 1000, this::read);

        assertThat(view.points()).isEmpty();
        assertThat(view.totalWindows()).isZero();
        assertThat(reads).isEmpty();
    }
}
