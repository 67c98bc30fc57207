package dev.edgeforge.core.impulse;

import dev.edgeforge.core.dsp.ParameterError;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown when an impulse cannot be saved or run; lists every refused field. */
public class ImpulseViolation extends IllegalArgumentException {

    private final transient List<ParameterError> errors;

    public ImpulseViolation(List<ParameterError> errors) {
        super("invalid impulse: "
                + errors.stream().map(ParameterError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    /** The refused fields (paths such as {@code processingBlocks[0].mfe.fftLength}). */
    public List<ParameterError> errors() {
        return errors;
    }
}
