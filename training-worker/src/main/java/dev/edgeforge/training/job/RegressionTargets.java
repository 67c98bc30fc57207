package dev.edgeforge.training.job;

import dev.edgeforge.core.feature.FeatureRow;
import dev.edgeforge.infra.job.NonRetryableJobException;
import java.util.List;

/** A regression sample's label is its target value, as Edge Impulse does it: {@code "21.5"}. */
final class RegressionTargets {

    /** The one target's name. */
    static final List<String> NAMES = List.of("value");

    private RegressionTargets() {}

    /** The label as a finite number, or {@code null} when it is not one. */
    static Float parse(String label) {
        try {
            float value = Float.parseFloat(label.trim());
            return Float.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The target of every row; fails the job naming the first row whose label is not a number. */
    static float[] of(List<FeatureRow> rows) {
        float[] targets = new float[rows.size()];
        for (int i = 0; i < targets.length; i++) {
            Float value = parse(rows.get(i).label());
            if (value == null) {
                FeatureRow row = rows.get(i);
                throw new NonRetryableJobException("Regression needs numeric labels, but sample '" + row.sampleId()
                        + "' is labelled '" + row.label() + "'; label every training sample with its target value.");
            }
            targets[i] = value;
        }
        return targets;
    }
}
