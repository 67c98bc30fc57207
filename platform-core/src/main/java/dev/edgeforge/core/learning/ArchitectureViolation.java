package dev.edgeforge.core.learning;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A learning block's architecture does not fit its input or has bad parameters. Carries every problem found, each
 * naming its layer index, so the UI can mark the layers.
 */
public class ArchitectureViolation extends RuntimeException {

    /** Stable code for the API's problem details. */
    public static final String CODE = "architecture-invalid";

    private final transient List<LayerProblem> problems;

    public ArchitectureViolation(List<LayerProblem> problems) {
        super("invalid architecture: "
                + problems.stream().map(LayerProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in layer order. */
    public List<LayerProblem> problems() {
        return problems;
    }

    /** See {@link #CODE}. */
    public String code() {
        return CODE;
    }
}
