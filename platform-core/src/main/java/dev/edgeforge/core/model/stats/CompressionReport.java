package dev.edgeforge.core.model.stats;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What compressing a model gave: one {@link ModelVariant} per variant (float32 and int8 of the trained model, and of
 * each pruned or distilled model), with test accuracy, parameters, weight bytes, MACs and activation RAM, so the user
 * can pick the variant to deploy. Serializes to JSON as it is (records, enum names in lower case), for the API and
 * the UI's table and chart.
 *
 * @param classNames  the classes, in output order
 * @param testSamples test windows the accuracies were measured on; 0 when there was no test set (accuracies null)
 * @param variants    the variants, the float32 baseline first; names are unique
 */
public record CompressionReport(List<String> classNames, int testSamples, List<ModelVariant> variants) {

    public CompressionReport {
        classNames = List.copyOf(classNames);
        variants = List.copyOf(variants);
        Set<String> names = new HashSet<>();
        for (ModelVariant variant : variants) {
            if (!names.add(variant.name())) {
                throw new IllegalArgumentException("two variants are named '" + variant.name() + "'");
            }
        }
    }

    /** The variant named {@code name}, if there is one. */
    public Optional<ModelVariant> variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }
}
