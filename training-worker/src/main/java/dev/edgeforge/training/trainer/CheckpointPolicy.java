package dev.edgeforge.training.trainer;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How often a training run saves a checkpoint: after every {@code everyEpochs} epochs, but not sooner than
 * {@code minInterval} after the previous one (whichever comes later), so that fast epochs do not spend their time
 * writing checkpoints and slow ones still lose at most {@code everyEpochs} epochs.
 *
 * @param everyEpochs epochs between checkpoints, at least 1
 * @param minInterval the least time between two checkpoints
 */
public record CheckpointPolicy(int everyEpochs, Duration minInterval) {

    /** Every 10 epochs, at most every 30 s. */
    public static final CheckpointPolicy DEFAULT = new CheckpointPolicy(10, Duration.ofSeconds(30));

    public CheckpointPolicy {
        if (everyEpochs < 1) {
            throw new IllegalArgumentException("checkpoints need at least 1 epoch between them, got " + everyEpochs);
        }
        Objects.requireNonNull(minInterval, "minInterval");
        if (minInterval.isNegative()) {
            throw new IllegalArgumentException("the time between checkpoints cannot be negative: " + minInterval);
        }
    }

    /**
     * From {@code EDGEFORGE_TRAINING_CHECKPOINT_EPOCHS} and {@code EDGEFORGE_TRAINING_CHECKPOINT_SECONDS}, each
     * defaulting to {@link #DEFAULT}'s.
     *
     * @throws IllegalArgumentException when a value is not a whole number in range
     */
    public static CheckpointPolicy from(Map<String, String> env) {
        int epochs = number(env, "EDGEFORGE_TRAINING_CHECKPOINT_EPOCHS", DEFAULT.everyEpochs());
        int seconds = number(env, "EDGEFORGE_TRAINING_CHECKPOINT_SECONDS", (int)
                DEFAULT.minInterval().toSeconds());
        if (epochs < 1 || seconds < 0) {
            throw new IllegalArgumentException("EDGEFORGE_TRAINING_CHECKPOINT_EPOCHS must be at least 1 and "
                    + "EDGEFORGE_TRAINING_CHECKPOINT_SECONDS at least 0, got " + epochs + " and " + seconds);
        }
        return new CheckpointPolicy(epochs, Duration.ofSeconds(seconds));
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
        }
    }
}
