package dev.edgeforge.api.impulse;

import dev.edgeforge.core.impulse.suggest.SampleSummary;
import java.util.List;
import java.util.UUID;

/**
 * Port to the datasets feature: what the project's enabled samples are (kind, axes, interval, length), so an impulse
 * can be suggested from them and checked against them. Implemented on the {@code sample} table by the sample feature
 * ({@code sample.JdbcProjectDataSource}); without a bean of this type there is no data to suggest from or check.
 */
public interface ProjectDataSource {

    /**
     * The project's enabled samples, summed up.
     *
     * @param training the training samples (what a suggestion learns from)
     * @param enabled  every enabled sample of any category (what an impulse is checked against)
     */
    record ProjectData(List<SampleSummary> training, List<SampleSummary> enabled) {

        public ProjectData {
            training = List.copyOf(training);
            enabled = List.copyOf(enabled);
        }

        public boolean isEmpty() {
            return enabled.isEmpty();
        }
    }

    ProjectData summaries(UUID projectId);
}
