package dev.edgeforge.training.tune;

import dev.edgeforge.core.feature.FeatureSource;

/**
 * A parsed training-category sample with its label.
 *
 * @param id     the sample's id
 * @param label  its label
 * @param source its content, ready for the DSP blocks
 */
public record LabelledSample(String id, String label, FeatureSource source) {}
