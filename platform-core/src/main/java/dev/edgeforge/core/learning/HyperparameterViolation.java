package dev.edgeforge.core.learning;

import java.util.List;

/** Hyperparameters out of their allowed ranges; carries every problem, each naming its field. */
public class HyperparameterViolation extends RuntimeException {

    /** Stable code for the API's problem details. */
    public static final String CODE = "hyperparameters-invalid";

    private final transient List<String> problems;

    public HyperparameterViolation(List<String> problems) {
        super("invalid hyperparameters: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found. */
    public List<String> problems() {
        return problems;
    }

    /** See {@link #CODE}. */
    public String code() {
        return CODE;
    }
}
