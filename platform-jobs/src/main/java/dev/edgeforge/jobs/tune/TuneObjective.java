package dev.edgeforge.jobs.tune;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the search ranks candidates by, among those that fit the budget. */
public enum TuneObjective {
    /** The highest validation accuracy; ties go to the lower latency. */
    @JsonProperty("accuracy")
    ACCURACY,
    /**
     * The lowest latency among the candidates whose validation accuracy is within {@link #LATENCY_ACCURACY_SLACK} of
     * the best one's.
     */
    @JsonProperty("latency")
    LATENCY;

    /** How much accuracy the {@code latency} objective gives up for speed. */
    public static final double LATENCY_ACCURACY_SLACK = 0.02;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TuneObjective> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(ACCURACY);
        }
        return Arrays.stream(values())
                .filter(o -> o.value().equals(text.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(TuneObjective::value).toList();
    }
}
