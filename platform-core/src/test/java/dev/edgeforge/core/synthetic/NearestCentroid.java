package dev.edgeforge.core.synthetic;

import dev.edgeforge.core.feature.FeatureRow;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A plain nearest-centroid classifier on z-scored features: the weakest sensible baseline for a dataset. */
final class NearestCentroid {

    private final double[] mean;
    private final double[] sd;
    private final Map<String, double[]> centroids = new TreeMap<>();

    NearestCentroid(List<FeatureRow> train) {
        int d = train.get(0).features().length;
        mean = new double[d];
        sd = new double[d];
        for (FeatureRow r : train) {
            for (int i = 0; i < d; i++) {
                mean[i] += r.features()[i] / train.size();
            }
        }
        for (FeatureRow r : train) {
            for (int i = 0; i < d; i++) {
                double z = r.features()[i] - mean[i];
                sd[i] += z * z / train.size();
            }
        }
        for (int i = 0; i < d; i++) {
            sd[i] = Math.sqrt(sd[i]) + 1e-9;
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (FeatureRow r : train) {
            double[] c = centroids.computeIfAbsent(r.label(), l -> new double[d]);
            counts.merge(r.label(), 1, Integer::sum);
            for (int i = 0; i < d; i++) {
                c[i] += (r.features()[i] - mean[i]) / sd[i];
            }
        }
        centroids.forEach((label, c) -> {
            for (int i = 0; i < d; i++) {
                c[i] /= counts.get(label);
            }
        });
    }

    String classify(float[] features) {
        String best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, double[]> e : centroids.entrySet()) {
            double distance = 0;
            for (int i = 0; i < features.length; i++) {
                double z = (features[i] - mean[i]) / sd[i] - e.getValue()[i];
                distance += z * z;
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = e.getKey();
            }
        }
        return best;
    }

    /** Fraction of rows classified as their label. */
    double accuracy(List<FeatureRow> rows) {
        long correct = rows.stream()
                .filter(r -> classify(r.features()).equals(r.label()))
                .count();
        return correct / (double) rows.size();
    }
}
