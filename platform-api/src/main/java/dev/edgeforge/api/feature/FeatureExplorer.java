package dev.edgeforge.api.feature;

import dev.edgeforge.core.feature.FeatureChunk;
import dev.edgeforge.core.feature.Pca;
import dev.edgeforge.core.feature.WindowFeatures;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.jobs.feature.FeatureManifest;
import dev.edgeforge.jobs.feature.FeatureObjectKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Computes the feature explorer's projection from a stored feature set, and caches it in the object store next to
 * the feature set ({@link FeatureObjectKeys#explorer}); a feature set never changes once written, so neither does
 * its projection.
 *
 * <p>Large sets are thinned evenly (every n-th window in manifest order): the projection is fitted to at most
 * {@value #MAX_FIT_ROWS} windows and at most {@value #FIT_BYTES} bytes of features, and at most {@code maxPoints}
 * of them are returned.
 */
@Service
public class FeatureExplorer {

    public static final int DEFAULT_POINTS = 5_000;
    public static final int MAX_POINTS = 20_000;
    static final int MAX_FIT_ROWS = 20_000;
    static final long FIT_BYTES = 64L * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectStore store;
    private final FeatureJobService jobs;

    FeatureExplorer(ObjectStore store, FeatureJobService jobs) {
        this.store = store;
        this.jobs = jobs;
    }

    /**
     * The 2D view of the latest feature set of an impulse version.
     *
     * @throws FeaturesNotGeneratedException when no feature generation of that version succeeded
     */
    public ExplorerView explore(UUID projectId, int impulseVersion, int maxPoints) {
        int points = Math.max(1, Math.min(MAX_POINTS, maxPoints));
        FeatureJobService.FeatureSet set = jobs.latestFeatureSet(projectId, impulseVersion)
                .orElseThrow(() -> new FeaturesNotGeneratedException(impulseVersion));
        String cacheKey = FeatureObjectKeys.explorer(projectId, impulseVersion, set.jobId(), points);
        if (store.exists(cacheKey)) {
            try (InputStream in = store.get(cacheKey)) {
                return JSON.readValue(in, ExplorerView.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        FeatureManifest manifest = manifest(set.result().manifestKey());
        long fitRows = Math.max(1, Math.min(MAX_FIT_ROWS, FIT_BYTES / (4L * manifest.featureLength())));
        ExplorerView view = project(manifest, points, fitRows, this::chunk);
        store.put(cacheKey, JSON.writeValueAsBytes(view));
        return view;
    }

    private FeatureManifest manifest(String key) {
        try (InputStream in = store.get(key)) {
            return FeatureManifest.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The window a point comes from. */
    private record Origin(String sampleId, String label, WindowFeatures window) {}

    /**
     * The projection of a feature set, fitted to at most {@code maxFitRows} windows spread evenly over it, showing at
     * most {@code maxPoints}; chunks without a chosen window are not read.
     */
    static ExplorerView project(
            FeatureManifest manifest, int maxPoints, long maxFitRows, Function<String, FeatureChunk> chunks) {
        List<String> labels = manifest.labels().stream()
                .map(FeatureManifest.LabelCount::label)
                .toList();
        long total = manifest.windowCount();
        if (total == 0) {
            return new ExplorerView(
                    manifest.impulseVersion(), manifest.jobId(), 0, 0, 0, false, new double[2], labels, List.of());
        }
        long stride = (total + maxFitRows - 1) / maxFitRows;
        List<Origin> kept = new ArrayList<>();
        long index = 0;
        for (FeatureManifest.Entry entry : manifest.samples()) {
            if (entry.windows() == 0) {
                continue;
            }
            long firstKept = (index + stride - 1) / stride * stride;
            if (firstKept > index + entry.windows() - 1) {
                index += entry.windows(); // no kept window in this sample: do not read its chunk
                continue;
            }
            for (WindowFeatures window : chunks.apply(entry.chunkKey()).windows()) {
                if (index++ % stride == 0) {
                    kept.add(new Origin(entry.sampleId(), entry.label(), window));
                }
            }
        }
        List<float[]> rows = standardized(kept, manifest.featureLength());
        Pca pca = Pca.fit(rows);
        int shownStride = (kept.size() + maxPoints - 1) / maxPoints;
        List<ExplorerView.Point> points = new ArrayList<>();
        for (int i = 0; i < kept.size(); i += shownStride) {
            float[] xy = pca.project(rows.get(i));
            Origin o = kept.get(i);
            points.add(new ExplorerView.Point(
                    xy[0],
                    xy[1],
                    o.label(),
                    o.sampleId(),
                    o.window().windowIndex(),
                    o.window().windowStartMs()));
        }
        return new ExplorerView(
                manifest.impulseVersion(),
                manifest.jobId(),
                total,
                kept.size(),
                points.size(),
                points.size() < total,
                pca.explainedVarianceRatio(),
                labels,
                points);
    }

    private FeatureChunk chunk(String key) {
        try (InputStream in = store.get(key)) {
            return FeatureChunk.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each feature scaled to zero mean and unit variance over the rows (constant features become 0). */
    private static List<float[]> standardized(List<Origin> kept, int length) {
        double[] mean = new double[length];
        double[] square = new double[length];
        for (Origin o : kept) {
            float[] f = o.window().features();
            for (int i = 0; i < length; i++) {
                mean[i] += f[i];
            }
        }
        for (int i = 0; i < length; i++) {
            mean[i] /= kept.size();
        }
        for (Origin o : kept) {
            float[] f = o.window().features();
            for (int i = 0; i < length; i++) {
                double d = f[i] - mean[i];
                square[i] += d * d;
            }
        }
        double[] scale = new double[length];
        for (int i = 0; i < length; i++) {
            double sd = Math.sqrt(square[i] / kept.size());
            // features that barely vary relative to their size are noise: leave them out of the picture
            scale[i] = sd > 1e-12 * Math.max(1, Math.abs(mean[i])) ? 1 / sd : 0;
        }
        List<float[]> rows = new ArrayList<>(kept.size());
        for (Origin o : kept) {
            float[] f = o.window().features();
            float[] z = new float[length];
            for (int i = 0; i < length; i++) {
                z[i] = (float) ((f[i] - mean[i]) * scale[i]);
            }
            rows.add(z);
        }
        return rows;
    }
}
