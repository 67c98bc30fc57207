package dev.edgeforge.core.learning;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * How the learning rate changes during training; {@code null} in {@link Hyperparameters} keeps it constant. JSON
 * {@code "type"}: {@code reduce_on_plateau} or {@code cosine}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = LearningRateSchedule.ReduceOnPlateau.class, name = "reduce_on_plateau"),
    @JsonSubTypes.Type(value = LearningRateSchedule.Cosine.class, name = "cosine")
})
public sealed interface LearningRateSchedule {

    /** Problems with the settings, each naming the field. */
    List<String> problems();

    /**
     * Multiply the learning rate by {@code factor} whenever the validation loss has not improved (by more than a
     * relative 1e-4) for {@code patience} epochs in a row, down to {@code minLearningRate}.
     *
     * @param patience        epochs without improvement before the rate is lowered
     * @param factor          what the rate is multiplied by, in (0, 1)
     * @param minLearningRate the rate never goes below this
     */
    record ReduceOnPlateau(int patience, double factor, double minLearningRate) implements LearningRateSchedule {

        @Override
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (patience < 1 || patience > 10_000) {
                problems.add("schedule.patience must be between 1 and 10000, got " + patience);
            }
            if (!(factor > 0 && factor < 1)) {
                problems.add("schedule.factor must be between 0 and 1 (exclusive), got " + factor);
            }
            if (!(minLearningRate >= 0) || Double.isInfinite(minLearningRate)) {
                problems.add(
                        "schedule.minLearningRate must be zero or a positive finite number, got " + minLearningRate);
            }
            return problems;
        }
    }

    /**
     * Linear warm-up over the first {@code warmupFraction} of all steps (epochs × batches), then cosine decay to
     * {@code minLearningRate} at the last planned step ("one cycle").
     *
     * @param warmupFraction  share of the steps spent warming up, 0 to 0.5
     * @param minLearningRate the rate at the end
     */
    record Cosine(double warmupFraction, double minLearningRate) implements LearningRateSchedule {

        @Override
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (!(warmupFraction >= 0 && warmupFraction <= 0.5)) {
                problems.add("schedule.warmupFraction must be between 0 and 0.5, got " + warmupFraction);
            }
            if (!(minLearningRate >= 0) || Double.isInfinite(minLearningRate)) {
                problems.add(
                        "schedule.minLearningRate must be zero or a positive finite number, got " + minLearningRate);
            }
            return problems;
        }
    }
}
