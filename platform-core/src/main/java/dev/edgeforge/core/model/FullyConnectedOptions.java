package dev.edgeforge.core.model;

/**
 * Options of FULLY_CONNECTED. With {@code keepNumDims} the output keeps the input's leading dimensions
 * ({@code [..., units]}); without it the output is {@code [batches, units]}.
 */
public record FullyConnectedOptions(Activation activation, boolean keepNumDims) implements OperatorOptions {

    public FullyConnectedOptions {
        OptionChecks.notNull(activation, "activation");
    }

    /** Options with the given activation and {@code keepNumDims = false}. */
    public static FullyConnectedOptions of(Activation activation) {
        return new FullyConnectedOptions(activation, false);
    }
}
