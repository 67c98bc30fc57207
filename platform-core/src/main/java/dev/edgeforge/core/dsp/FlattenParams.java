package dev.edgeforge.core.dsp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Flatten block: one figure per chosen statistic per axis.
 *
 * @param scale factor applied to every sample before the statistics (default 1)
 * @param stats the statistics to compute (default all seven); output order is {@link FlattenStat}'s order
 */
public record FlattenParams(double scale, Set<FlattenStat> stats) implements DspParams {

    public static final String TYPE = "flatten";

    public FlattenParams {
        stats = stats.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(stats));
    }

    @JsonCreator
    static FlattenParams fromJson(@JsonProperty("scale") Double scale, @JsonProperty("stats") List<FlattenStat> stats) {
        return new FlattenParams(
                Defaults.or(scale, 1.0), stats == null ? EnumSet.allOf(FlattenStat.class) : Set.copyOf(stats));
    }

    public static FlattenParams defaults() {
        return new FlattenParams(1.0, EnumSet.allOf(FlattenStat.class));
    }

    /** The chosen statistics in output order. */
    public List<FlattenStat> orderedStats() {
        return EnumSet.allOf(FlattenStat.class).stream().filter(stats::contains).toList();
    }

    @Override
    public DspBlock createBlock() {
        return new FlattenBlock(this);
    }
}
