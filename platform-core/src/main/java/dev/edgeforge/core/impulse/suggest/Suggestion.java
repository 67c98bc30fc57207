package dev.edgeforge.core.impulse.suggest;

import dev.edgeforge.core.impulse.Impulse;
import java.util.List;

/**
 * An impulse made for a project's data, with why each part was chosen.
 *
 * @param impulse the impulse (version 0: not saved), in the form {@code PUT .../impulse} takes
 * @param reasons one plain sentence per choice, in the impulse's order (data, input, DSP, learning block)
 */
public record Suggestion(Impulse impulse, List<String> reasons) {

    public Suggestion {
        reasons = List.copyOf(reasons);
    }
}
