package dev.edgeforge.core.learning;

import java.util.ArrayList;
import java.util.List;

/**
 * Stop training when the validation loss has not improved by more than {@code minDelta} for {@code patience}
 * epochs in a row. The weights of the epoch with the best validation loss are kept.
 *
 * @param patience epochs without improvement tolerated
 * @param minDelta smallest decrease of the validation loss that counts as an improvement
 */
public record EarlyStopping(int patience, double minDelta) {

    /** Problems with the settings, each naming the field. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (patience < 1 || patience > 10_000) {
            problems.add("earlyStopping.patience must be between 1 and 10000, got " + patience);
        }
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            problems.add("earlyStopping.minDelta must be zero or a positive finite number, got " + minDelta);
        }
        return problems;
    }
}
