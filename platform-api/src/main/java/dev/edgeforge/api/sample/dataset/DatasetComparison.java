package dev.edgeforge.api.sample.dataset;

import java.util.List;
import java.util.UUID;

/**
 * Two sample lists side by side: a version and another version or the current dataset.
 *
 * @param left    the version compared
 * @param right   the other version, or the current dataset ({@code id} null, {@code name} "current")
 * @param rows    counts per label and category on both sides; a label/category present on one side only has 0 on
 *                the other
 * @param added   samples in {@code right} that are not in {@code left}
 * @param removed samples in {@code left} that are not in {@code right}
 * @param changed samples on both sides whose label, category or enabled flag differ
 */
public record DatasetComparison(Side left, Side right, List<Row> rows, long added, long removed, long changed) {

    public record Side(UUID id, String name, long samples) {}

    public record Row(String label, String category, long left, long right) {}
}
