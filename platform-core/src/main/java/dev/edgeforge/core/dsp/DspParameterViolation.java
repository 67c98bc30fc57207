package dev.edgeforge.core.dsp;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a processing block's parameters cannot work on its input (frame longer than the window, FFT length
 * not a power of two, filters above Nyquist, …). Carries every problem found, not only the first one.
 */
public class DspParameterViolation extends IllegalArgumentException {

    private final transient List<ParameterError> errors;

    public DspParameterViolation(List<ParameterError> errors) {
        super(errors.stream().map(ParameterError::toString).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a violation needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** The refused fields, in the order they were checked. */
    public List<ParameterError> errors() {
        return errors;
    }
}
